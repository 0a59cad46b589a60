// Anchor: google-deepmind/optax optax/schedules/_schedule.py, warmup_constant_schedule,
// warmup_cosine_decay_schedule and warmup_exponential_decay_schedule.
import * as v from "valibot";
import { join } from "../../compose/join.js";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cosinePart } from "./cosine.js";
import { exponentialPart, exponentialShape } from "./exponential.js";
import { polynomialPart } from "./polynomial.js";
import type {
  WarmupCosineDecayScheduleOptions,
  WarmupExponentialDecayScheduleOptions,
  WarmupConstantScheduleOptions,
} from "./options.generated.js";

export type {
  WarmupCosineDecayScheduleOptions,
  WarmupExponentialDecayScheduleOptions,
  WarmupConstantScheduleOptions,
};

const initValue = () => p.number("The value at step 0, where the linear warmup starts; of any sign.");
const peakValue = () => p.number("The value at the end of the warmup; of any sign.");
const warmupSteps = () =>
  p.nonNegative(
    "The length of the linear warmup, non-negative (lrkit rejects the negative ones Optax accepts); the decay starts at this step.",
  );

/** The parameters of `warmup_cosine_decay_schedule`, in Optax's order (shared with sgdr_schedule). */
export const warmupCosineShape = {
  init_value: initValue(),
  peak_value: peakValue(),
  warmup_steps: warmupSteps(),
  decay_steps: p.number(
    "The total length of the schedule, warmup included; must exceed warmup_steps (Optax raises ValueError otherwise).",
  ),
  end_value: v.optional(
    p.number(
      "The value at decay_steps and after, of any sign; ignored when peak_value is 0. Defaults to 0.0.",
    ),
    0.0,
  ),
  exponent: v.optional(p.positive("Raises the cosine factor to this power; positive. Defaults to 1.0."), 1.0),
};

const cosineParams = v.strictObject(warmupCosineShape);

/**
 * Builds Optax's warmup + cosine as Optax does, a join of its linear and cosine schedules, checking
 * that the cosine has steps; `prefix` locates the options in errors (`"cosine_kwargs[1]."` for
 * sgdr_schedule).
 */
export function warmupCosinePart(
  fn: string,
  prefix: string,
  o: v.InferOutput<typeof cosineParams>,
): Schedule {
  const { init_value: init, peak_value: peak, warmup_steps: warmup, decay_steps: decay } = o;
  ensure(decay > warmup, fn, `${prefix}decay_steps`, `must exceed warmup_steps (${warmup})`, decay);
  const alpha = peak === 0 ? 0 : o.end_value / peak;
  return join(
    [polynomialPart(init, peak, 1, warmup, 0), cosinePart(peak, decay - warmup, alpha, o.exponent)],
    [warmup],
  );
}

const COSINE = "optax.warmup_cosine_decay_schedule";

/**
 * Optax's `warmup_cosine_decay_schedule`: a `linear_schedule` from `init_value` to `peak_value`
 * over `warmup_steps`, joined at `warmup_steps` with a `cosine_decay_schedule` from `peak_value`
 * with `alpha = end_value / peak_value` over `decay_steps - warmup_steps` steps: `decay_steps` is
 * the TOTAL length, warmup included (unlike Keras' `CosineDecay`). For `w <= step < decay_steps`,
 * `peak_value * ((1 - alpha) * (0.5 * (1 + cos(pi * (step - w) / (decay_steps - w)))) ** exponent + alpha)`;
 * `end_value` (`peak_value * alpha`) from `decay_steps` on. A core {@link join} of the two.
 *
 * As in Optax, `peak_value = 0` makes `alpha = 0`, so the decay stays at 0 whatever `end_value`;
 * values of any sign are accepted, and an `end_value` above `peak_value` (Optax's own test has
 * `end_value=-3.0`); `lint` reports a negative learning rate. Optax computes in float32 under JAX;
 * lrkit evaluates the same formula in float64.
 *
 * @param options - Optax's parameters: see {@link WarmupCosineDecayScheduleOptions} for each one's meaning and default.
 * @throws RangeError for `decay_steps <= warmup_steps` or a non-finite value.
 * @example
 * ```ts
 * const s = warmup_cosine_decay_schedule({ init_value: 0, peak_value: 1, warmup_steps: 5, decay_steps: 25, end_value: 0.1 });
 * [s(0), s(5), s(15), s(25)]; // [0, 1, 0.55, 0.1]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function warmup_cosine_decay_schedule(options: WarmupCosineDecayScheduleOptions): Schedule {
  const o = parseParams(COSINE, cosineParams, options);
  const inner = warmupCosinePart(COSINE, "", o);
  return relabel(inner, specOf(COSINE, options));
}

/** Registry entry of {@link warmup_cosine_decay_schedule}. */
export const warmupCosineDecayScheduleFamily = /* @__PURE__ */ definePreset({
  type: COSINE,
  summary: "Optax warmup_cosine_decay_schedule: linear warmup, then cosine; decay_steps counts both.",
  example: "optax.warmup_cosine_decay_schedule(0.0, 0.1, warmup_steps=5, decay_steps=50, end_value=0.001)",
  params: cosineParams,
  positional: ["init_value", "peak_value", "warmup_steps", "decay_steps", "end_value", "exponent"],
  create: (o) => warmup_cosine_decay_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});

const EXPONENTIAL = "optax.warmup_exponential_decay_schedule";

const exponentialParams = v.strictObject({
  init_value: initValue(),
  peak_value: peakValue(),
  warmup_steps: warmupSteps(),
  ...exponentialShape,
});

/**
 * Optax's `warmup_exponential_decay_schedule`: a `linear_schedule` from `init_value` to
 * `peak_value` over `warmup_steps`, joined at `warmup_steps` with an `exponential_decay` from
 * `peak_value`, which counts its steps (and `transition_begin`) from the end of the warmup.
 *
 * The decay keeps `exponential_decay`'s fallbacks: `transition_steps <= 0` or `decay_rate == 0`
 * hold `peak_value`, a negative `transition_begin` counts as 0. Values of any sign are accepted, as
 * in Optax. Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link WarmupExponentialDecayScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value, a negative `decay_rate` or a negative `warmup_steps`.
 * @example
 * ```ts
 * const s = warmup_exponential_decay_schedule({ init_value: 0, peak_value: 1, warmup_steps: 10, transition_steps: 10, decay_rate: 0.5 });
 * [s(5), s(10), s(20)]; // [0.5, 1, 0.5]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function warmup_exponential_decay_schedule(options: WarmupExponentialDecayScheduleOptions): Schedule {
  const o = parseParams(EXPONENTIAL, exponentialParams, options);
  const inner = join(
    [polynomialPart(o.init_value, o.peak_value, 1, o.warmup_steps, 0), exponentialPart(o.peak_value, o)],
    [o.warmup_steps],
  );
  return relabel(inner, specOf(EXPONENTIAL, options));
}

/** Registry entry of {@link warmup_exponential_decay_schedule}. */
export const warmupExponentialDecayScheduleFamily = /* @__PURE__ */ definePreset({
  type: EXPONENTIAL,
  summary: "Optax warmup_exponential_decay_schedule: linear warmup, then exponential_decay.",
  example:
    "optax.warmup_exponential_decay_schedule(0.0, 0.1, warmup_steps=5, transition_steps=10, decay_rate=0.5)",
  params: exponentialParams,
  positional: [
    "init_value",
    "peak_value",
    "warmup_steps",
    "transition_steps",
    "decay_rate",
    "transition_begin",
    "staircase",
    "end_value",
  ],
  create: (o) => warmup_exponential_decay_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});

const CONSTANT = "optax.warmup_constant_schedule";

const constantParams = v.strictObject({
  init_value: initValue(),
  peak_value: peakValue(),
  warmup_steps: p.number(
    "The length of the linear warmup; if <= 0 the value stays at init_value (Optax logs it).",
  ),
});

/**
 * Optax's `warmup_constant_schedule`: `linear_schedule(init_value, peak_value, warmup_steps)`, a
 * linear warmup then `peak_value` for good.
 *
 * Quirk kept from Optax: with `warmup_steps <= 0` the value is `init_value` at every step, never
 * `peak_value` (it is a `linear_schedule` with no transition). Values of any sign are accepted, as in
 * Optax. Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link WarmupConstantScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value.
 * @example
 * ```ts
 * warmup_constant_schedule({ init_value: 0, peak_value: 0.1, warmup_steps: 10 })(5); // 0.05
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function warmup_constant_schedule(options: WarmupConstantScheduleOptions): Schedule {
  const o = parseParams(CONSTANT, constantParams, options);
  const inner = polynomialPart(o.init_value, o.peak_value, 1, o.warmup_steps, 0);
  return relabel(inner, specOf(CONSTANT, options));
}

/** Registry entry of {@link warmup_constant_schedule}. */
export const warmupConstantScheduleFamily = /* @__PURE__ */ definePreset({
  type: CONSTANT,
  summary: "Optax warmup_constant_schedule: linear warmup to peak_value, then constant.",
  example: "optax.warmup_constant_schedule(0.0, 0.1, 10)",
  params: constantParams,
  positional: ["init_value", "peak_value", "warmup_steps"],
  create: (o) => warmup_constant_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
