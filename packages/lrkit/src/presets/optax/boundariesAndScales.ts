/**
 * Optax's `boundaries_and_scales`, a Python dict `{step: scale}`: its parameter kind and its
 * reading into sorted `[step, scale]` pairs.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure } from "../../params.js";

/**
 * The parameter kind of a `{step: scale}` dict, `None` allowed: in TypeScript `{ 100: 0.1 }`, in a
 * JSON spec `{"100": 0.1}` (JSON keys are strings; both are the same object). Scales must be
 * non-negative, as Optax checks.
 */
export const boundariesAndScales = (help: string) =>
  v.nullish(p.record(p.nonNegative(), "must be an object {step: scale}", help));

/** A `{step: scale}` dict as TypeScript accepts it: numeric or string keys. */
export type BoundariesAndScales = Readonly<Record<string, number>> | null | undefined;

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The dict's entries as `[step, scale]` pairs sorted by step (Optax's
 * `sorted(boundaries_and_scales.items())`); an absent dict gives none.
 *
 * @param fn - the preset's name, for errors.
 * @param param - the parameter's name, for errors.
 * @param dict - the parsed dict.
 * @param steps - `"any"` for any finite steps, `"non-negative integers"` to require those.
 * @throws RangeError for a key that is not a number (or not a non-negative integer), or two keys
 *   that are the same number (`"100"` and `"1e2"`).
 */
export function sortedEntries(
  fn: string,
  param: string,
  dict: BoundariesAndScales,
  steps: "any" | "non-negative integers",
): [number, number][] {
  if (dict === null || dict === undefined) return [];
  const entries = Object.entries(dict).map(([key, scale]): [number, number] => {
    const step = NUMERIC.test(key) ? Number(key) : NaN;
    ensure(Number.isFinite(step), fn, param, "must have numbers as keys (steps)", key);
    if (steps !== "any")
      ensure(Number.isInteger(step) && step >= 0, fn, param, "must have non-negative integers as keys", key);
    return [step, scale];
  });
  entries.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < entries.length; i++) {
    const step = entries[i]![0];
    ensure(step !== entries[i - 1]![0], fn, param, `must not give the step ${step} twice`, dict);
  }
  return entries;
}

/**
 * The value after each boundary: `init` times the scales so far, multiplied in step order (the
 * running product of Optax's loop and of its `jnp.cumprod`), `init` first.
 *
 * @throws RangeError when a product overflows.
 */
export function cumulativeValues(
  fn: string,
  param: string,
  init: number,
  entries: readonly (readonly [number, number])[],
): number[] {
  const values = [init];
  for (const [, scale] of entries) values.push(values[values.length - 1]! * scale);
  ensure(values.every(Number.isFinite), fn, param, "gives values too large to represent", values);
  return values;
}
