/**
 * Option parsers, and the limits of sizes, shared by commands.
 *
 * @module
 */
import { InvalidArgumentError } from "commander";
import { CliError } from "./io.js";

/** An integer option value at least `min`, and exact (at most 2^53 − 1, beyond which doubles skip integers). */
function integerAtLeast(value: string, min: number, expected: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || value.trim() === "") {
    throw new InvalidArgumentError(`expected ${expected} up to ${Number.MAX_SAFE_INTEGER}, got "${value}"`);
  }
  return n;
}

/** Parses a non-negative integer option value (for commander), at most 2^53 − 1. */
export function nonNegativeInt(value: string): number {
  return integerAtLeast(value, 0, "a non-negative integer");
}

/** Parses a positive integer option value (for commander), at most 2^53 − 1. */
export function positiveInt(value: string): number {
  return integerAtLeast(value, 1, "a positive integer");
}

/**
 * Refuses a size that a command cannot serve, before any work: a {@link CliError} (exit code 2)
 * naming the command, the option, the limit and why, and the value.
 *
 * @param command - the command, e.g. `"sample"`.
 * @param option - the option as the user writes it, e.g. `"--steps"`.
 * @param value - the value given (or its default).
 * @param max - the largest value served.
 * @param why - why there is a limit, a few words.
 * @throws {@link CliError} when `value > max`.
 * @example
 * ```ts
 * atMost("tour", "--steps", 5000, 1000, "one character per step in each sparkline");
 * // CliError: tour: --steps must be at most 1,000 (one character per step in each sparkline), got 5,000
 * ```
 */
export function atMost(command: string, option: string, value: number, max: number, why: string): void {
  if (value > max)
    throw new CliError(`${command}: ${option} must be at most ${count(max)} (${why}), got ${count(value)}`);
}

/** A count with thousands separators: 1,000,000. */
const count = (n: number): string => n.toLocaleString("en-US");

/** Parses a positive number option value (for commander), e.g. `1e-6`. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || value.trim() === "") {
    throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  }
  return n;
}

/** Parses a comma-separated list of integers (for commander), e.g. `1,2,3`. */
export function integerList(value: string): number[] {
  const xs = value.split(",").map((v) => Number(v.trim()));
  if (xs.length === 0 || xs.some((x) => !Number.isInteger(x))) {
    throw new InvalidArgumentError(`expected integers separated by commas, got "${value}"`);
  }
  return xs;
}
