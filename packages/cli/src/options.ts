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
