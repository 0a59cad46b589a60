import * as z from "zod";
import { ensure, ensureSorted, p, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";
import { annealCos, annealLinear, countBelow } from "./math.js";

const params = z.strictObject({
  knots: p
    .numbers()
    .describe("Steps at which the curve passes through the given values; strictly increasing."),
  values: p.numbers().describe("The value at each knot."),
  mode: p
    .oneOf(["linear", "cos"])
    .default("linear")
    .describe('How to go from knot to knot. Defaults to "linear".'),
});

/** Options of {@link interpolate}. */
export type InterpolateOptions = z.input<typeof params>;

/**
 * The function behind {@link interpolate}, for families built on it (one-cycle). Segment `i`
 * covers `(knots[i-1], knots[i]]`, the first one `[knots[0], knots[1]]`, as PyTorch's
 * `OneCycleLR` phases do; before the first knot and after the last the end values hold.
 */
export function interpolation(knots: readonly number[], values: readonly number[], mode: "linear" | "cos") {
  const anneal = mode === "cos" ? annealCos : annealLinear;
  const n = knots.length;
  const first = knots[0]!;
  const last = knots[n - 1]!;
  return (t: number): number => {
    if (t < first) return values[0]!;
    if (t > last) return values[n - 1]!;
    const i = Math.max(1, countBelow(knots, t));
    if (Number.isNaN(i)) return NaN;
    const start = knots[i - 1]!;
    return anneal(values[i - 1]!, values[i]!, (t - start) / (knots[i]! - start));
  };
}

/**
 * Piecewise interpolation through `(knots[i], values[i])`, linear or cosine between knots, flat
 * before the first and after the last. Between knots `a < b` with values `u, v` and
 * `pct = (t - a) / (b - a)`: linear `(v - u) * pct + u`, cosine `v + (u - v) / 2 * (cos(pi * pct) + 1)`.
 * Evaluation is O(log n) in the number of knots.
 *
 * @param options.knots - at least two steps, strictly increasing.
 * @param options.values - one value per knot.
 * @param options.mode - `"linear"` or `"cos"`. Defaults to `"linear"`.
 * @throws RangeError for fewer than two knots, unsorted knots, or a length mismatch.
 * @example
 * ```ts
 * interpolate({ knots: [0, 10, 100], values: [0.001, 0.1, 0], mode: "cos" })(10); // 0.1
 * ```
 * @see Optax `piecewise_interpolate_schedule`; PyTorch `OneCycleLR` phases.
 */
export function interpolate(options: InterpolateOptions): Schedule {
  const { knots, values, mode } = parseParams("interpolate", params, options);
  ensure(knots.length >= 2, "interpolate", "knots", "must hold at least two steps", knots);
  ensureSorted("interpolate", "knots", knots, true);
  ensure(
    values.length === knots.length,
    "interpolate",
    "values",
    `must hold one value per knot (${knots.length})`,
    values,
  );
  return define(interpolation([...knots], [...values], mode), specOf("interpolate", options), {
    horizon: knots[knots.length - 1],
  });
}

/** Registry entry of {@link interpolate}. */
export const interpolateFamily: Family = {
  type: "interpolate",
  summary: "Linear or cosine interpolation through (knot, value) points.",
  example: 'interpolate(knots=[0, 10, 100], values=[0.001, 0.1, 0.0001], mode="cos")',
  params,
  create: (o) => interpolate(o as InterpolateOptions),
};
