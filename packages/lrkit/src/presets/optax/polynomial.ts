// Anchor: google-deepmind/optax optax/schedules/_schedule.py, polynomial_schedule and linear_schedule.
import * as v from "valibot";
import { join } from "../../compose/join.js";
import { constant } from "../../families/constant.js";
import { polynomial } from "../../families/polynomial.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import type { Family } from "../../spec/family.js";

/**
 * Optax's polynomial transition as a core schedule, with Optax's fallbacks: a non-positive
 * `transitionSteps` gives the constant `init` and a negative `transitionBegin` counts as 0 (Optax
 * logs both and goes on). Before `transitionBegin` the value is the formula's own value at 0,
 * `(init - end) * 1 + end`, as Optax computes it.
 */
export function polynomialPart(
  init: number,
  end: number,
  power: number,
  transitionSteps: number,
  transitionBegin: number,
): Schedule {
  if (transitionSteps <= 0) return constant({ lr: init });
  const decay = polynomial({ lr: init, steps: transitionSteps, power, endLr: end });
  const begin = Math.max(transitionBegin, 0);
  return begin > 0 ? join([constant({ lr: decay(0) }), decay], [begin]) : decay;
}

const transitionSteps = () =>
  p.number(
    "Steps of the transition, from transition_begin; if <= 0 the value stays at init_value (Optax logs it).",
  );
const transitionBegin = () =>
  v.optional(
    p.number("Steps held at init_value first; a negative value counts as 0 (Optax logs it). Defaults to 0."),
    0,
  );

const POLYNOMIAL = "optax.polynomial_schedule";

const polynomialParams = v.strictObject({
  init_value: p.nonNegative("The value until transition_begin."),
  end_value: p.nonNegative("The value from transition_begin + transition_steps on."),
  power: p.positive("The power of the polynomial; 1 is linear."),
  transition_steps: transitionSteps(),
  transition_begin: transitionBegin(),
});

/** Options of {@link polynomial_schedule}: Optax's parameter names. */
export type PolynomialScheduleOptions = v.InferInput<typeof polynomialParams>;

/**
 * Optax's `polynomial_schedule`: with `k = clip(step - transition_begin, 0, transition_steps)`,
 * `(init_value - end_value) * (1 - k / transition_steps) ** power + end_value`. The core
 * {@link polynomial} family, joined after a constant when `transition_begin > 0`.
 *
 * As in Optax, a `transition_steps <= 0` gives the constant `init_value` and a negative
 * `transition_begin` counts as 0 (Optax logs these and does not raise). Optax computes in float32
 * under JAX; lrkit evaluates the same formula in float64.
 *
 * @param options.init_value - non-negative (Optax accepts any sign; so does no lrkit schedule).
 * @param options.end_value - non-negative.
 * @param options.power - positive (lrkit rejects `<= 0`, which Optax accepts).
 * @param options.transition_steps - any number; `<= 0` means constant.
 * @param options.transition_begin - Defaults to 0.
 * @throws RangeError for negative values or a non-positive power.
 * @example
 * ```ts
 * const s = polynomial_schedule({ init_value: 1.0, end_value: 0.01, power: 2, transition_steps: 100, transition_begin: 5 });
 * [s(5), s(6), s(105)]; // [1, 0.980299, 0.01]
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function polynomial_schedule(options: PolynomialScheduleOptions): Schedule {
  const o = parseParams(POLYNOMIAL, polynomialParams, options);
  const inner = polynomialPart(o.init_value, o.end_value, o.power, o.transition_steps, o.transition_begin);
  return relabel(inner, specOf(POLYNOMIAL, options));
}

/** Registry entry of {@link polynomial_schedule}. */
export const polynomialScheduleFamily: Family = {
  type: POLYNOMIAL,
  summary: "Optax polynomial_schedule: polynomial transition from init_value to end_value.",
  example:
    "optax.polynomial_schedule(init_value=0.1, end_value=0.001, power=2, transition_steps=40, transition_begin=5)",
  params: polynomialParams,
  create: (o) => polynomial_schedule(o as PolynomialScheduleOptions),
};

const LINEAR = "optax.linear_schedule";

const linearParams = v.strictObject({
  init_value: p.nonNegative("The value until transition_begin."),
  end_value: p.nonNegative("The value from transition_begin + transition_steps on."),
  transition_steps: transitionSteps(),
  transition_begin: transitionBegin(),
});

/** Options of {@link linear_schedule}: Optax's parameter names. */
export type LinearScheduleOptions = v.InferInput<typeof linearParams>;

/**
 * Optax's `linear_schedule`: {@link polynomial_schedule} with `power = 1`, with
 * `k = clip(step - transition_begin, 0, transition_steps)`:
 * `(init_value - end_value) * (1 - k / transition_steps) + end_value`.
 *
 * As in Optax, a `transition_steps <= 0` gives the constant `init_value` and a negative
 * `transition_begin` counts as 0. Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options.init_value - non-negative.
 * @param options.end_value - non-negative.
 * @param options.transition_steps - any number; `<= 0` means constant.
 * @param options.transition_begin - Defaults to 0.
 * @throws RangeError for negative values.
 * @example
 * ```ts
 * linear_schedule({ init_value: 1.0, end_value: 0.01, transition_steps: 100 })(50); // 0.505
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function linear_schedule(options: LinearScheduleOptions): Schedule {
  const o = parseParams(LINEAR, linearParams, options);
  const inner = polynomialPart(o.init_value, o.end_value, 1, o.transition_steps, o.transition_begin);
  return relabel(inner, specOf(LINEAR, options));
}

/** Registry entry of {@link linear_schedule}. */
export const linearScheduleFamily: Family = {
  type: LINEAR,
  summary: "Optax linear_schedule: linear transition from init_value to end_value.",
  example: "optax.linear_schedule(init_value=0.1, end_value=0.001, transition_steps=50)",
  params: linearParams,
  create: (o) => linear_schedule(o as LinearScheduleOptions),
};
