// Anchor: google-deepmind/optax optax/schedules/_schedule.py, exponential_decay.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, relabel, specOf, type Schedule } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { constantPart } from "./constant.js";
import type { ExponentialDecayOptions } from "./options.generated.js";

export type { ExponentialDecayOptions };

/** The parameters of Optax's exponential decay after `init_value` (shared with the warmup variant). */
export const exponentialShape = {
  transition_steps: p.number(
    "Steps per factor of decay_rate; if <= 0 the value stays where the decay starts: init_value, or peak_value after a warmup (Optax logs it).",
  ),
  decay_rate: p.nonNegative(
    "The decay rate, non-negative (lrkit rejects negative rates, which Optax accepts); 0 gives a constant schedule (Optax logs it); above 1 it grows.",
  ),
  transition_begin: v.optional(
    p.number("Steps held first; a negative value counts as 0 (Optax logs it). Defaults to 0."),
    0,
  ),
  staircase: v.optional(
    p.boolean("Decay at discrete intervals, floor of the exponent. Defaults to false."),
    false,
  ),
  end_value: v.nullish(
    p.number("A floor when decay_rate < 1, a ceiling otherwise; of any sign. Defaults to None."),
  ),
};

/** The parsed values of {@link exponentialShape}. */
export interface ExponentialPart {
  readonly transition_steps: number;
  readonly decay_rate: number;
  readonly transition_begin: number;
  readonly staircase: boolean;
  readonly end_value?: number | null | undefined;
}

const NAME = "optax.exponential_decay";

/**
 * Optax's exponential decay from `init`, its `schedule(count)` in its operation order, for values of
 * any sign: with `d = t - transition_begin`, `init` while `d <= 0`, else
 * `init * decay_rate ** (d / transition_steps)` (the exponent floored with `staircase`), bounded by
 * `end_value` (a floor when `decay_rate < 1`, else a ceiling). Optax's fallbacks: a non-positive
 * `transition_steps` or a zero `decay_rate` gives the constant `init`, a negative
 * `transition_begin` counts as 0. Its spec is the `exponential_decay` that it is.
 */
export function exponentialPart(init: number, o: ExponentialPart): Schedule {
  const { transition_steps: steps, decay_rate: rate, staircase, end_value: end } = o;
  if (steps <= 0 || rate === 0) return constantPart(init);
  const begin = Math.max(o.transition_begin, 0);
  const bound =
    end === null || end === undefined
      ? (v: number) => v
      : rate < 1
        ? (v: number) => Math.max(v, end)
        : (v: number) => Math.min(v, end);
  return define(
    (t) => {
      const decreased = t - begin;
      const e = decreased / steps;
      return bound(decreased <= 0 ? init : init * rate ** (staircase ? Math.floor(e) : e));
    },
    specOf(NAME, {
      init_value: init,
      transition_steps: steps,
      decay_rate: rate,
      transition_begin: o.transition_begin,
      staircase,
      end_value: end,
    }),
  );
}

const params = v.strictObject({
  init_value: p.number("The value until transition_begin; of any sign."),
  ...exponentialShape,
});

/**
 * Optax's `exponential_decay`: with `k = step - transition_begin`, `init_value` while `k <= 0`,
 * then `init_value * decay_rate ** (k / transition_steps)` (the exponent floored when
 * `staircase`), bounded by `end_value`: a floor when `decay_rate < 1`, a ceiling otherwise
 * (at every step, the first ones included).
 *
 * As in Optax, which logs and does not raise: `transition_steps <= 0` or `decay_rate == 0` give the
 * constant `init_value` (`end_value` ignored), a negative `transition_begin` counts as 0, and values
 * of any sign are accepted (`lint` reports a negative learning rate). Optax computes in float32
 * under JAX; lrkit evaluates the same formula in float64.
 *
 * @param options - Optax's parameters: see {@link ExponentialDecayOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value or a negative `decay_rate`.
 * @example
 * ```ts
 * exponential_decay({ init_value: 32, transition_steps: 1, decay_rate: 0.5 })(4); // 2
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function exponential_decay(options: ExponentialDecayOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = exponentialPart(o.init_value, o);
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link exponential_decay}. */
export const exponentialDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary:
    "Optax exponential_decay: init_value * decay_rate ** (k / transition_steps), bounded by end_value.",
  example:
    "optax.exponential_decay(0.1, transition_steps=10, decay_rate=0.5, transition_begin=5, end_value=0.001)",
  params,
  positional: ["init_value", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"],
  create: (o) => exponential_decay(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
