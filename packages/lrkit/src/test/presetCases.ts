/**
 * Test helpers: the presets checked against cases of the real libraries, in the schema of
 * `presets/golden/README.md` (`values[t]` from the library, a tolerance per case, float32
 * alternatives, and parameters the library rejects).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import type { ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";

/** A number of a golden file: non-finite values are written as strings. */
export type GoldenNumber = number | "NaN" | "Infinity" | "-Infinity";

/** One case of a `cases.json` (the fields that the check reads). */
export interface PresetCase {
  readonly id: string;
  readonly spec: ScheduleSpec;
  readonly values: readonly GoldenNumber[];
  readonly rtol: number;
  readonly atol: number;
  readonly error: { readonly at: number | null; readonly type: string; readonly message: string } | null;
  readonly alternatives?: readonly { readonly t: number; readonly value: GoldenNumber }[];
}

/** The cases of a `cases.json`. */
export function readPresetCases(path: string): readonly PresetCase[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { cases: PresetCase[] }).cases;
}

const decode = (x: GoldenNumber): number => (typeof x === "number" ? x : Number(x));

/** `|got - expected| <= atol + rtol * |expected|`; a non-finite value only matches itself. */
function within(got: number, expected: number, atol: number, rtol: number): boolean {
  if (!Number.isFinite(expected)) return Object.is(got, expected);
  return Math.abs(got - expected) <= atol + rtol * Math.abs(expected);
}

/**
 * What is wrong with lrkit on case `c` (empty when it passes): each value within the case's
 * tolerance, or at a step listed in `alternatives` the library's float32 value within
 * `1e-6 * max|values| + 1e-6 * |value|`; for an error case, the spec rejected at construction, or a
 * throw at a step `<= error.at` (with the values before it within tolerance).
 */
export function presetCaseProblems(c: PresetCase): string[] {
  let schedule: (t: number) => number;
  try {
    schedule = fromSpec(c.spec);
  } catch (e) {
    return c.error ? [] : [`rejected at construction: ${(e as Error).message}`];
  }
  const expected = c.values.map(decode);
  const largest = Math.max(0, ...expected.filter(Number.isFinite).map(Math.abs));
  const problems: string[] = [];
  const last = c.error ? (c.error.at ?? -1) : expected.length - 1;
  for (let t = 0; t <= last || t < expected.length; t++) {
    let got: number;
    try {
      got = schedule(t);
    } catch (e) {
      if (c.error && c.error.at !== null && t <= c.error.at) return problems;
      return [...problems, `threw at t = ${t}: ${(e as Error).message}`];
    }
    if (t >= expected.length) continue;
    const alternative = c.alternatives?.find((a) => a.t === t);
    const ok =
      within(got, expected[t]!, c.atol, c.rtol) ||
      (alternative !== undefined && within(got, decode(alternative.value), 1e-6 * largest, 1e-6));
    if (!ok) problems.push(`t = ${t}: got ${got}, expected ${expected[t]}`);
  }
  if (c.error) problems.push(`accepted parameters the library rejects (${c.error.type}: ${c.error.message})`);
  return problems;
}
