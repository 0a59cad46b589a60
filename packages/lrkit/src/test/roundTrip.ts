/**
 * Test helpers: a schedule rebuilt from its data (its JSON spec, or the text syntax) gives exactly
 * the same values as the schedule itself.
 *
 * @module
 */
import { expect } from "vitest";
import type { Schedule } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import { parseSchedule } from "../spec/parse.js";

/** `s` rebuilt from a JSON copy of its spec. */
export function roundTrip(s: Schedule): Schedule {
  return fromSpec(JSON.parse(JSON.stringify(s.spec)));
}

/** Asserts that `a(t)` is exactly `b(t)` at every step of `steps` (or at `t = 0 … steps - 1`). */
export function expectSame(a: Schedule, b: Schedule, steps: number | readonly number[]): void {
  const ts = typeof steps === "number" ? Array.from({ length: steps }, (_, t) => t) : steps;
  for (const t of ts) expect(a(t)).toBe(b(t));
}

/** Asserts that `s` rebuilt from its JSON spec and `text` parsed both give exactly `s`'s values. */
export function expectRebuilt(s: Schedule, text: string, steps: number | readonly number[]): void {
  expectSame(roundTrip(s), s, steps);
  expectSame(parseSchedule(text), s, steps);
}

/**
 * Asserts what every preset of `anchor` promises as data: its spec type is `"<anchor>.…"`, a NaN
 * step gives NaN, `text` parses to the same spec and horizon, and both rebuilds give `s`'s values.
 */
export function expectPresetAsData(
  anchor: string,
  s: Schedule,
  text: string,
  steps: number | readonly number[],
): void {
  expect(s.spec.type.startsWith(`${anchor}.`)).toBe(true);
  expect(s(NaN)).toBeNaN();
  const parsed = parseSchedule(text);
  expect(parsed.spec).toEqual(s.spec);
  expect(parsed.horizon).toBe(s.horizon);
  expectRebuilt(s, text, steps);
}
