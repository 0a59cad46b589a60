// Anchor: google-deepmind/optax optax/schedules/_schedule.py, polynomial_schedule and linear_schedule.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, relabel, specOf, type Schedule } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { constantPart } from "./constant.js";
import type { PolynomialScheduleOptions, LinearScheduleOptions } from "./options.generated.js";

export type { PolynomialScheduleOptions, LinearScheduleOptions };

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

/**
 * Optax's polynomial transition, its `schedule(count)` in its operation order, for values of any
 * sign: `(init - end) * (1 - clip(t - transitionBegin, 0, transitionSteps) / transitionSteps) ** power
 * + end`, with Optax's fallbacks: a non-positive `transitionSteps` gives the constant `init` and a
 * negative `transitionBegin` counts as 0 (Optax logs both and goes on). Its spec is the
 * `polynomial_schedule` that it is.
 */
export function polynomialPart(
  init: number,
  end: number,
  power: number,
  transitionSteps: number,
  transitionBegin: number,
): Schedule {
  if (transitionSteps <= 0) return constantPart(init);
  const begin = Math.max(transitionBegin, 0);
  const spec = specOf(POLYNOMIAL, {
    init_value: init,
    end_value: end,
    power,
    transition_steps: transitionSteps,
    transition_begin: transitionBegin,
  });
  return define(
    (t) =>
      (init - end) * (1 - Math.min(Math.max(t - begin, 0), transitionSteps) / transitionSteps) ** power + end,
    spec,
    { horizon: begin + transitionSteps },
  );
}

const polynomialParams = v.strictObject({
  init_value: p.number("The value until transition_begin; of any sign."),
  end_value: p.number("The value from transition_begin + transition_steps on; of any sign."),
  power: p.positive(
    "The power of the polynomial, positive (lrkit rejects <= 0, which Optax accepts); 1 is linear.",
  ),
  transition_steps: transitionSteps(),
  transition_begin: transitionBegin(),
});

/**
 * Optax's `polynomial_schedule`: with `k = clip(step - transition_begin, 0, transition_steps)`,
 * `(init_value - end_value) * (1 - k / transition_steps) ** power + end_value`.
 *
 * As in Optax, a `transition_steps <= 0` gives the constant `init_value`, a negative
 * `transition_begin` counts as 0 (Optax logs these and does not raise), and values of any sign are
 * accepted (`lint` reports a negative learning rate). Optax computes in float32 under JAX; lrkit
 * evaluates the same formula in float64.
 *
 * @param options - Optax's parameters: see {@link PolynomialScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value or a non-positive power.
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
export const polynomialScheduleFamily = /* @__PURE__ */ definePreset({
  type: POLYNOMIAL,
  summary: "Optax polynomial_schedule: polynomial transition from init_value to end_value.",
  example:
    "optax.polynomial_schedule(init_value=0.1, end_value=0.001, power=2, transition_steps=40, transition_begin=5)",
  params: polynomialParams,
  positional: ["init_value", "end_value", "power", "transition_steps", "transition_begin"],
  create: (o) => polynomial_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});

const LINEAR = "optax.linear_schedule";

const linearParams = v.strictObject({
  init_value: p.number("The value until transition_begin; of any sign."),
  end_value: p.number("The value from transition_begin + transition_steps on; of any sign."),
  transition_steps: transitionSteps(),
  transition_begin: transitionBegin(),
});

/**
 * Optax's `linear_schedule`: {@link polynomial_schedule} with `power = 1`, with
 * `k = clip(step - transition_begin, 0, transition_steps)`:
 * `(init_value - end_value) * (1 - k / transition_steps) + end_value`.
 *
 * As in Optax, a `transition_steps <= 0` gives the constant `init_value`, a negative
 * `transition_begin` counts as 0, and values of any sign are accepted. Optax computes in float32
 * under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link LinearScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value.
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
export const linearScheduleFamily = /* @__PURE__ */ definePreset({
  type: LINEAR,
  summary: "Optax linear_schedule: linear transition from init_value to end_value.",
  example: "optax.linear_schedule(init_value=0.1, end_value=0.001, transition_steps=50)",
  params: linearParams,
  positional: ["init_value", "end_value", "transition_steps", "transition_begin"],
  create: (o) => linear_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
