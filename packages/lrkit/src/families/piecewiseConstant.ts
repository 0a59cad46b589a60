import * as z from "zod";
import { ensure, ensureSorted, p, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";
import { countAtOrBelow, countBelow } from "./math.js";

const params = z.strictObject({
  boundaries: p.numbers().describe("Steps at which the value changes; sorted."),
  values: p.numbers().describe("One more value than boundaries: the value before, between and after them."),
  closed: p
    .oneOf(["left", "right"])
    .default("left")
    .describe(
      '"left": the new value starts at the boundary (Optax, PyTorch); "right": just after it (Keras). Defaults to "left".',
    ),
});

/** Options of {@link piecewiseConstant}. */
export type PiecewiseConstantOptions = z.input<typeof params>;

/**
 * Piecewise-constant values: `values[i]` where `i` counts the boundaries passed. With
 * `closed: "left"` a boundary `b` is passed when `t >= b` (Optax, PyTorch milestones); with
 * `"right"` when `t > b` (Keras' `PiecewiseConstantDecay`). O(log n) per step.
 *
 * @param options.boundaries - sorted steps.
 * @param options.values - `boundaries.length + 1` values.
 * @param options.closed - `"left"` or `"right"`. Defaults to `"left"`.
 * @throws RangeError for unsorted boundaries or a wrong number of values.
 * @example
 * ```ts
 * const s = piecewiseConstant({ boundaries: [100, 200], values: [1, 0.5, 0.1], closed: "right" });
 * [s(100), s(101)]; // [1, 0.5]
 * ```
 * @see Keras `PiecewiseConstantDecay`.
 */
export function piecewiseConstant(options: PiecewiseConstantOptions): Schedule {
  const { boundaries, values, closed } = parseParams("piecewiseConstant", params, options);
  ensureSorted("piecewiseConstant", "boundaries", boundaries);
  ensure(
    values.length === boundaries.length + 1,
    "piecewiseConstant",
    "values",
    `must hold boundaries.length + 1 = ${boundaries.length + 1} values`,
    values,
  );
  const bs = [...boundaries];
  const vs = [...values];
  const count = closed === "left" ? countAtOrBelow : countBelow;
  return define((t) => vs[count(bs, t)] ?? NaN, specOf("piecewiseConstant", options), {
    horizon: bs[bs.length - 1] ?? 0,
  });
}

/** Registry entry of {@link piecewiseConstant}. */
export const piecewiseConstantFamily: Family = {
  type: "piecewiseConstant",
  summary: "Given values between given boundaries (PiecewiseConstantDecay).",
  example: "piecewiseConstant(boundaries=[30, 60], values=[0.1, 0.01, 0.001])",
  params,
  create: (o) => piecewiseConstant(o as PiecewiseConstantOptions),
};
