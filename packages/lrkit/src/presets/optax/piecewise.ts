// Anchor: google-deepmind/optax optax/schedules/_schedule.py, piecewise_constant_schedule and
// piecewise_interpolate_schedule.
import * as v from "valibot";
import { interpolate } from "../../families/interpolate.js";
import { piecewiseConstant } from "../../families/piecewiseConstant.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { boundariesAndScales, cumulativeValues, sortedEntries } from "./boundariesAndScales.js";
import { constantPart } from "./constant.js";
import type {
  PiecewiseConstantScheduleOptions,
  PiecewiseInterpolateScheduleOptions,
} from "./options.generated.js";

export type { PiecewiseConstantScheduleOptions, PiecewiseInterpolateScheduleOptions };

const CONSTANT = "optax.piecewise_constant_schedule";

const constantParams = v.strictObject({
  init_value: p.number("The value before the first boundary; of any sign (Optax's own test uses -0.1)."),
  boundaries_and_scales: boundariesAndScales(
    "{step: scale}: from each step on, the value is multiplied by its scale (non-negative). Defaults to None: a constant.",
  ),
});

/**
 * Optax's `piecewise_constant_schedule`: `init_value` times the product of the scales of every
 * boundary `b <= step` (the new value starts AT the boundary, unlike Keras'
 * `PiecewiseConstantDecay`). The core {@link piecewiseConstant} family with `closed: "left"`,
 * the values being the running products in step order.
 *
 * `boundaries_and_scales` is Optax's dict `{step: scale}`: `{ 100: 0.1 }` in TypeScript,
 * `{"100": 0.1}` in a JSON spec. Steps may be any numbers (a negative one scales from step 0 on).
 * Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link PiecewiseConstantScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a negative scale (Optax raises ValueError), a key that is not a number,
 *   or the same step twice.
 * @example
 * ```ts
 * const s = piecewise_constant_schedule({ init_value: 1.0, boundaries_and_scales: { 100: 0.1, 200: 0.01 } });
 * [s(99), s(100), s(250)]; // [1, 0.1, 0.001]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function piecewise_constant_schedule(options: PiecewiseConstantScheduleOptions): Schedule {
  const o = parseParams(CONSTANT, constantParams, options);
  const param = "boundaries_and_scales";
  const entries = sortedEntries(CONSTANT, param, o.boundaries_and_scales, "any");
  const values = cumulativeValues(CONSTANT, param, o.init_value, entries);
  const inner = piecewiseConstant({ boundaries: entries.map(([step]) => step), values, closed: "left" });
  // A negative step (allowed, as in Optax) does not make the horizon negative.
  return relabel(inner, specOf(CONSTANT, options), { horizon: Math.max(inner.horizon ?? 0, 0) });
}

/** Registry entry of {@link piecewise_constant_schedule}. */
export const piecewiseConstantScheduleFamily = /* @__PURE__ */ definePreset({
  type: CONSTANT,
  summary: "Optax piecewise_constant_schedule: init_value scaled at each {step: scale} boundary.",
  example: "optax.piecewise_constant_schedule(0.1, {20: 0.1, 40: 0.1})",
  params: constantParams,
  positional: ["init_value", "boundaries_and_scales"],
  create: (o) => piecewise_constant_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});

/**
 * Optax's piecewise interpolation as a core schedule. `entries` are `[step, scale]` pairs sorted
 * by distinct non-negative integer steps. Optax puts a knot at 0 with `init` and one at each step
 * with the running product; an interval `[b_i, b_i+1)` goes from value `i` to value `i+1` and from
 * the last step on the last value holds. A step 0 in the dict makes the interval `[0, 0)` empty,
 * so its knot replaces the one of `init`. Between distinct integer steps Optax's
 * `max(b_i+1 - b_i, 1)` never matters.
 */
export function interpolationPart(
  fn: string,
  param: string,
  kind: "linear" | "cosine",
  init: number,
  entries: readonly (readonly [number, number])[],
): Schedule {
  let knots = [0, ...entries.map(([step]) => step)];
  let values = cumulativeValues(fn, param, init, entries);
  if (knots.length > 1 && knots[1] === 0) {
    knots = knots.slice(1);
    values = values.slice(1);
  }
  if (knots.length === 1) return constantPart(values[0]!);
  return interpolate({ knots, values, mode: kind === "cosine" ? "cos" : "linear" });
}

const INTERPOLATE = "optax.piecewise_interpolate_schedule";

const interpolateParams = v.strictObject({
  interpolate_type: p.oneOf(
    ["linear", "cosine"],
    '"linear" or "cosine" interpolation between the boundaries (Optax raises ValueError otherwise).',
  ),
  init_value: p.number("The value at step 0; of any sign."),
  boundaries_and_scales: boundariesAndScales(
    "{step: scale}: the value reached at each step is the previous one times its scale. Defaults to None: a constant.",
  ),
});

/**
 * Optax's `piecewise_interpolate_schedule`: through the knots `(0, init_value)` and
 * `(b_i, init_value * s_1 * ... * s_i)` for the sorted boundaries `b_i` of `{b_i: s_i}`, linear
 * `(v_i+1 - v_i) * pct + v_i` or cosine `v_i+1 + (v_i - v_i+1) / 2 * (cos(pi * pct) + 1)` in
 * between, with `pct = (step - b_i) / (b_i+1 - b_i)`; the last value from the last boundary on.
 * It interpolates between the accumulated values, not between the scales. The core
 * {@link interpolate} family.
 *
 * Steps must be non-negative integers (Optax's `dict[int, float]`; negative steps give Optax
 * curves that skip `init_value`, which lrkit rejects). A step 0 scales the value at step 0.
 * Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link PiecewiseInterpolateScheduleOptions} for each one's meaning and default.
 * @throws RangeError for an unknown type, a negative scale, or steps that are not distinct
 *   non-negative integers.
 * @example
 * ```ts
 * const s = piecewise_interpolate_schedule({ interpolate_type: "linear", init_value: 1.0, boundaries_and_scales: { 4: 0.1, 8: 0.01 } });
 * [s(2), s(4), s(6), s(10)]; // [0.55, 0.1, 0.0505, 0.001]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function piecewise_interpolate_schedule(options: PiecewiseInterpolateScheduleOptions): Schedule {
  const o = parseParams(INTERPOLATE, interpolateParams, options);
  const param = "boundaries_and_scales";
  const entries = sortedEntries(INTERPOLATE, param, o.boundaries_and_scales, "non-negative integers");
  const inner = interpolationPart(INTERPOLATE, param, o.interpolate_type, o.init_value, entries);
  return relabel(inner, specOf(INTERPOLATE, options));
}

/** Registry entry of {@link piecewise_interpolate_schedule}. */
export const piecewiseInterpolateScheduleFamily = /* @__PURE__ */ definePreset({
  type: INTERPOLATE,
  summary: "Optax piecewise_interpolate_schedule: linear or cosine between accumulated {step: scale} values.",
  example: 'optax.piecewise_interpolate_schedule("cosine", 0.01, {10: 10, 50: 0.01})',
  params: interpolateParams,
  positional: ["interpolate_type", "init_value", "boundaries_and_scales"],
  create: (o) => piecewise_interpolate_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
