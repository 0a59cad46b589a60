// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, PolynomialDecay.
import * as v from "valibot";
import { polynomial } from "../../families/polynomial.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { PolynomialDecayOptions } from "./options.generated.js";

export type { PolynomialDecayOptions };

const NAME = "keras.PolynomialDecay";

const params = v.strictObject({
  initial_learning_rate: p.nonNegative("The learning rate at step 0."),
  decay_steps: p.positive("Steps to reach end_learning_rate; positive (Keras raises for <= 0)."),
  end_learning_rate: v.optional(
    p.nonNegative("The learning rate at and after decay_steps. Defaults to 0.0001."),
    0.0001,
  ),
  power: v.optional(p.positive("The power of the polynomial; positive. Defaults to 1.0."), 1.0),
  cycle: v.optional(
    p.boolean(
      "Past decay_steps, decay again over the first multiple of decay_steps above step. Defaults to false.",
    ),
    false,
  ),
});

/**
 * Keras' `PolynomialDecay`: with `s = min(step, decay_steps)`,
 * `(initial_learning_rate - end_learning_rate) * (1 - s / decay_steps) ** power + end_learning_rate`.
 * With `cycle`, `s = step` and `decay_steps` is replaced by `decay_steps * ceil(step / decay_steps)`
 * (by `decay_steps` at step 0), so the lr jumps up again after each multiple of `decay_steps`.
 * The core {@link polynomial} family.
 *
 * Keras computes in float32 by default; lrkit evaluates the same formula in float64. Note the
 * default `end_learning_rate` of 0.0001, not 0.
 *
 * @param options - Keras's parameters: see {@link PolynomialDecayOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_steps` or `power`, or a negative learning rate.
 * @example
 * ```ts
 * PolynomialDecay({ initial_learning_rate: 0.05, decay_steps: 10, end_learning_rate: 0.001, cycle: true })(15);
 * // (0.05 - 0.001) * 0.25 + 0.001
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`.
 */
export function PolynomialDecay(options: PolynomialDecayOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = polynomial({
    lr: o.initial_learning_rate,
    steps: o.decay_steps,
    power: o.power,
    endLr: o.end_learning_rate,
    cycle: o.cycle,
  });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link PolynomialDecay}. */
export const PolynomialDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras PolynomialDecay: polynomial decay to end_learning_rate, optionally cycling.",
  example: "keras.PolynomialDecay(0.1, 50, end_learning_rate=0.001, power=2)",
  params,
  positional: ["initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle"],
  create: (o) => PolynomialDecay(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
