/**
 * Test helper: what every registry entry of a preset anchor promises.
 *
 * @module
 */
import { expect } from "vitest";
import { sample } from "../schedule.js";
import { describeParams } from "../spec/describe.js";
import type { Family } from "../spec/family.js";
import { parseSchedule } from "../spec/parse.js";
import { toText } from "../spec/text.js";
import { roundTrip } from "./roundTrip.js";

/**
 * Asserts that `families` is not empty and that each entry is named `"<anchor>.…"`, carries an
 * example that builds it with finite non-negative values over 60 steps, prints back (text and JSON)
 * to the same values, and has help for every parameter.
 */
export function expectRegistryEntries(anchor: string, families: readonly Family[]): void {
  expect(families.length).toBeGreaterThan(0);
  for (const family of families) {
    expect(family.type.startsWith(`${anchor}.`)).toBe(true);
    expect(family.example, `${family.type} has an example`).toBeTruthy();
    const s = parseSchedule(family.example!);
    expect(s.spec.type).toBe(family.type);
    const values = Array.from(sample(s, 60));
    expect(
      values.every((v) => Number.isFinite(v) && v >= 0),
      family.type,
    ).toBe(true);
    expect(Array.from(sample(parseSchedule(toText(s.spec)), 60))).toEqual(values);
    expect(Array.from(sample(roundTrip(s), 60))).toEqual(values);
    for (const { name, help } of describeParams(family)) {
      expect(help, `${family.type}.${name} has help`).toBeTruthy();
    }
  }
}
