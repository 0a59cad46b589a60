/**
 * The fingerprint of an experiment: what its runs' checkpoints belong to.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** `value` as JSON with every object's keys sorted: equal values, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/**
 * The SHA-256 (hex) of `parts` as canonical JSON (object keys sorted, undefined fields left out):
 * the same parts in any key order give the same hash. A compare hashes its training setup, its
 * experiment module and options, and its runs; a checkpoint of another experiment is then refused.
 *
 * @example
 * ```ts
 * experimentHash({ a: 1, b: [2] }) === experimentHash({ b: [2], a: 1 }); // true
 * ```
 */
export function experimentHash(parts: unknown): string {
  return createHash("sha256").update(canonical(parts)).digest("hex");
}
