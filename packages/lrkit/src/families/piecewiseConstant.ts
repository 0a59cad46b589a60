import * as v from "valibot";
import * as p from "../params.js";
import { ensure, ensureSorted, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { countAtOrBelow, nextUp } from "./math.js";
import { ge, gt, minus, num, select } from "../export/expr.js";
import { kerasCall } from "../export/nativeCalls.js";
import type { PiecewiseConstantOptions } from "../spec/options.generated.js";

export type { PiecewiseConstantOptions };

const params = v.strictObject({
  boundaries: p.numbers("Steps at which the value changes; sorted."),
  values: p.numbers("One more value than boundaries: the value before, between and after them."),
  closed: v.optional(
    p.oneOf(
      ["left", "right"],
      '"left": the new value starts at the boundary (Optax, PyTorch); "right": just after it (Keras). Defaults to "left".',
    ),
    "left",
  ),
});

/**
 * Piecewise-constant values: `values[i]` where `i` counts the boundaries passed. With
 * `closed: "left"` a boundary `b` is passed when `t >= b` (Optax, PyTorch milestones); with
 * `"right"` when `t > b` (Keras' `PiecewiseConstantDecay`). O(log n) per step.
 *
 * @param options - the options: see {@link PiecewiseConstantOptions} for each one's meaning and default.
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
  return define(lookup(boundaries, values, closed === "left"), specOf("piecewiseConstant", options), {
    horizon: boundaries[boundaries.length - 1] ?? 0,
  });
}

/**
 * The value for step `t`: `values[i]`, `i` the number of boundaries at or below `t` (`left`) or
 * below it. Below is the same as at-or-below the next double up (`b < t` exactly when
 * `nextUp(b) <= t`), so one form serves both sides. Up to three boundaries (the usual case) the
 * closure tests them in turn and is small enough, without a loop, for V8 to inline where it is
 * called; more are found by binary search.
 */
function lookup(boundaries: readonly number[], values: readonly number[], left: boolean) {
  const bs = Float64Array.from(boundaries, left ? (b) => b : nextUp);
  const vs = Float64Array.from(values);
  const [b0, b1, b2] = bs as unknown as [number, number, number];
  const [v0, v1, v2, v3] = vs as unknown as [number, number, number, number];
  switch (bs.length) {
    case 0:
      return (t: number): number => (t === t ? v0 : NaN);
    case 1:
      return (t: number): number => (t < b0 ? v0 : t >= b0 ? v1 : NaN);
    case 2:
      return (t: number): number => (t < b0 ? v0 : t < b1 ? v1 : t >= b1 ? v2 : NaN);
    case 3:
      return (t: number): number => (t < b0 ? v0 : t < b1 ? v1 : t < b2 ? v2 : t >= b2 ? v3 : NaN);
    default:
      return (t: number): number => vs[countAtOrBelow(bs, t)] ?? NaN;
  }
}

/** Registry entry of {@link piecewiseConstant}. */
export const piecewiseConstantFamily = /* @__PURE__ */ defineFamily({
  type: "piecewiseConstant",
  summary: "Given values between given boundaries (PiecewiseConstantDecay).",
  example: "piecewiseConstant(boundaries=[30, 60], values=[0.1, 0.01, 0.001])",
  params,
  positional: ["boundaries", "values", "closed"],
  create: (o) => piecewiseConstant(o),
  closedForm: (o, x) => {
    const test = o.closed === "right" ? gt : ge;
    let s = num(o.values[0]!);
    o.boundaries.forEach((b, i) => (s = select(test(minus(x, b)), num(o.values[i + 1]!), s)));
    return s;
  },
  lint: {
    counts: ["boundaries"],
    milestones: (o) => o.boundaries.map((b) => (o.closed === "right" ? Math.floor(b) + 1 : b)),
  },
  native: {
    keras: (o) => {
      const bs = o.boundaries;
      if (o.closed !== "right" && !bs.every(Number.isInteger)) return undefined;
      // Keras switches just after a boundary; for integer steps, t >= b is t > b - 1.
      const boundaries = o.closed === "right" ? bs : bs.map((b) => b - 1);
      return kerasCall("PiecewiseConstantDecay", { boundaries, values: o.values });
    },
  },
});
