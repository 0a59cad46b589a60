/**
 * Test helpers: comparison of learning rates with a relative tolerance.
 *
 * @module
 */
import { expect } from "vitest";
import { sample, type Schedule } from "../schedule.js";

/** The default relative tolerance: a few ulps of rounding between two operation orders. */
const REL = 1e-12;

/** True when `|a - b| <= rel * |b| + abs` (both NaN counts as equal). */
export function close(a: number, b: number, rel = REL, abs = 1e-18): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.abs(b) + abs;
}

/** Asserts that `actual`, the value at step `t`, equals `expected` within `rel` plus `abs`, naming `t`. */
export function expectCloseAt(actual: number, expected: number, t: number, abs: number, rel = REL): void {
  if (!close(actual, expected, rel, abs)) expect.fail(`at t = ${t}: got ${actual}, expected ${expected}`);
}

/** Asserts that `actual` equals `expected` within the relative tolerance, naming the index. */
export function expectCloseArray(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = REL): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i]!, expected[i]!, rel)) {
      expect.fail(`at index ${i}: got ${actual[i]}, expected ${expected[i]} (relative tolerance ${rel})`);
    }
  }
}

/** Asserts that `schedule(t)` equals `expected[i]` at `t = steps[i]` (or `t = i` without steps). */
export function expectValues(
  schedule: Schedule,
  expected: readonly number[],
  steps?: readonly number[],
  rel = REL,
): void {
  const actual = steps ? steps.map((t) => schedule(t)) : Array.from(sample(schedule, expected.length));
  expectCloseArray(actual, expected, rel);
}

/** Asserts that `fn` throws an instance of `type` with exactly `message`, and returns the error. */
export function expectThrow(
  fn: () => unknown,
  type: new (...args: never[]) => Error,
  message: string | RegExp,
): Error {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, "expected a throw").toBeInstanceOf(type);
  if (typeof message === "string") expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
  return error as Error;
}
