/**
 * Option parsers shared by commands.
 *
 * @module
 */
import { InvalidArgumentError } from "commander";

/** Parses a non-negative integer option value (for commander). */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || value.trim() === "") {
    throw new InvalidArgumentError(`expected a non-negative integer, got "${value}"`);
  }
  return n;
}

/** Parses a positive integer option value (for commander). */
export function positiveInt(value: string): number {
  const n = nonNegativeInt(value);
  if (n === 0) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

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
