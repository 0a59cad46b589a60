// Anchor: google-deepmind/optax optax/schedules/_schedule.py, cosine_onecycle_schedule and
// linear_onecycle_schedule.
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { interpolationPart } from "./piecewise.js";
import type { CosineOnecycleScheduleOptions, LinearOnecycleScheduleOptions } from "./options.generated.js";

export type { CosineOnecycleScheduleOptions, LinearOnecycleScheduleOptions };

/**
 * Optax's dict literal `{k1: v1, k2: v2, ...}` as sorted `[step, scale]` pairs: a repeated key
 * keeps its last value, as in Python.
 */
function dictEntries(pairs: readonly (readonly [number, number])[]): [number, number][] {
  const dict = new Map<number, number>();
  for (const [key, value] of pairs) dict.set(key, value);
  return [...dict.entries()].sort((a, b) => a[0] - b[0]);
}

const transitionSteps = () =>
  p.positiveInt(
    "The length of the cycle, a positive integer (Optax raises ValueError for <= 0); the final value holds from then on.",
  );
const peakValue = () => p.number("The highest value, reached at pct_start of the cycle; of any sign.");
const pctStart = () =>
  v.optional(
    p.unit(
      "The fraction of the cycle spent rising, in [0, 1] (lrkit rejects values outside, which Optax accepts). Defaults to 0.3.",
    ),
    0.3,
  );
const divFactor = () =>
  v.optional(p.positive("The start value is peak_value / div_factor; positive. Defaults to 25.0."), 25.0);
const finalDivFactor = () =>
  v.optional(
    p.positive("The final value is the start value / final_div_factor; positive. Defaults to 1e4."),
    1e4,
  );

const COSINE = "optax.cosine_onecycle_schedule";

const cosineParams = v.strictObject({
  transition_steps: transitionSteps(),
  peak_value: peakValue(),
  pct_start: pctStart(),
  div_factor: divFactor(),
  final_div_factor: finalDivFactor(),
});

/**
 * Optax's `cosine_onecycle_schedule`: `piecewise_interpolate_schedule("cosine",
 * peak_value / div_factor, {int(pct_start * T): div_factor, T: 1 / (div_factor * final_div_factor)})`
 * with `T = transition_steps`: a cosine rise from `peak_value / div_factor` to `peak_value` at step
 * `int(pct_start * T)`, then a cosine fall to `peak_value / div_factor / final_div_factor` at `T`,
 * held after. The knots differ from PyTorch's `OneCycleLR` (and lrkit's `oneCycle`), whose phases
 * end one step earlier.
 *
 * Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link CosineOnecycleScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `transition_steps` or out-of-range values.
 * @example
 * ```ts
 * const s = cosine_onecycle_schedule({ transition_steps: 5, peak_value: 1000, pct_start: 0.4, div_factor: 10, final_div_factor: 100 });
 * [s(0), s(2), s(3), s(5)]; // [100, 1000, 750.25, 1]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`; Smith & Topin, "Super-Convergence", 2017.
 */
export function cosine_onecycle_schedule(options: CosineOnecycleScheduleOptions): Schedule {
  const o = parseParams(COSINE, cosineParams, options);
  const T = o.transition_steps;
  const entries = dictEntries([
    [Math.trunc(o.pct_start * T), o.div_factor],
    [Math.trunc(T), 1.0 / (o.div_factor * o.final_div_factor)],
  ]);
  const inner = interpolationPart(COSINE, "peak_value", "cosine", o.peak_value / o.div_factor, entries);
  return relabel(inner, specOf(COSINE, options));
}

/** Registry entry of {@link cosine_onecycle_schedule}. */
export const cosineOnecycleScheduleFamily = /* @__PURE__ */ definePreset({
  type: COSINE,
  summary: "Optax cosine_onecycle_schedule: cosine up to peak_value at pct_start, then far down.",
  example: "optax.cosine_onecycle_schedule(50, 0.1)",
  params: cosineParams,
  positional: ["transition_steps", "peak_value", "pct_start", "div_factor", "final_div_factor"],
  create: (o) => cosine_onecycle_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});

const LINEAR = "optax.linear_onecycle_schedule";

const linearParams = v.strictObject({
  transition_steps: transitionSteps(),
  peak_value: peakValue(),
  pct_start: pctStart(),
  pct_final: v.optional(
    p.unit(
      "The fraction of the cycle at which the value is back at the start value, in [pct_start, 1] (lrkit rejects other values, which Optax accepts). Defaults to 0.85.",
    ),
    0.85,
  ),
  div_factor: divFactor(),
  final_div_factor: finalDivFactor(),
});

/**
 * Optax's `linear_onecycle_schedule`: `piecewise_interpolate_schedule("linear",
 * peak_value / div_factor, {int(pct_start * T): div_factor, int(pct_final * T): 1 / div_factor,
 * T: 1 / final_div_factor})` with `T = transition_steps`: linear from `peak_value / div_factor` up
 * to `peak_value`, back down to `peak_value / div_factor` at `int(pct_final * T)`, then to
 * `peak_value / div_factor / final_div_factor` at `T`, held after. As in Optax, colliding steps
 * (`pct_final = 1`) keep the last scale of the dict literal.
 *
 * Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link LinearOnecycleScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `transition_steps`, `pct_final < pct_start`, or out-of-range values.
 * @example
 * ```ts
 * const s = linear_onecycle_schedule({ transition_steps: 10, peak_value: 1000, pct_start: 0.3, pct_final: 0.7, div_factor: 10, final_div_factor: 100 });
 * [s(0), s(3), s(7), s(10)]; // [100, 1000, 100, 1]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`; Smith, "Super-Convergence", 2017.
 */
export function linear_onecycle_schedule(options: LinearOnecycleScheduleOptions): Schedule {
  const o = parseParams(LINEAR, linearParams, options);
  ensure(
    o.pct_final >= o.pct_start,
    LINEAR,
    "pct_final",
    `must be at least pct_start (${o.pct_start})`,
    o.pct_final,
  );
  const T = o.transition_steps;
  const entries = dictEntries([
    [Math.trunc(o.pct_start * T), o.div_factor],
    [Math.trunc(o.pct_final * T), 1.0 / o.div_factor],
    [T, 1.0 / o.final_div_factor],
  ]);
  const inner = interpolationPart(LINEAR, "peak_value", "linear", o.peak_value / o.div_factor, entries);
  return relabel(inner, specOf(LINEAR, options));
}

/** Registry entry of {@link linear_onecycle_schedule}. */
export const linearOnecycleScheduleFamily = /* @__PURE__ */ definePreset({
  type: LINEAR,
  summary: "Optax linear_onecycle_schedule: linear up to peak_value, back to the start, then far down.",
  example: "optax.linear_onecycle_schedule(50, 0.1)",
  params: linearParams,
  positional: ["transition_steps", "peak_value", "pct_start", "pct_final", "div_factor", "final_div_factor"],
  create: (o) => linear_onecycle_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
