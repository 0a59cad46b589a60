// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, ExponentialDecay.
import * as v from "valibot";
import { exponential } from "../../families/exponential.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { ExponentialDecayOptions } from "./options.generated.js";

export type { ExponentialDecayOptions };

const NAME = "keras.ExponentialDecay";

const params = v.strictObject({
  initial_learning_rate: p.nonNegative("The learning rate at step 0."),
  decay_steps: p.positive(
    "Steps over which the lr is multiplied by decay_rate once; positive (Keras raises for <= 0).",
  ),
  decay_rate: p.positive(
    "The decay rate: the factor per decay_steps steps; positive (lrkit rejects <= 0, which Keras accepts).",
  ),
  staircase: v.optional(
    p.boolean("Decay at discrete intervals, floor(step / decay_steps). Defaults to false."),
    false,
  ),
});

/**
 * Keras' `ExponentialDecay`:
 * `initial_learning_rate * decay_rate ** (step / decay_steps)`, the exponent floored when
 * `staircase`. The core {@link exponential} family with `gamma = decay_rate`.
 *
 * Keras computes in float32 by default (the dtype of `initial_learning_rate`); lrkit evaluates the
 * same formula in float64.
 *
 * @param options - Keras's parameters: see {@link ExponentialDecayOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_steps` or `decay_rate`, or a negative learning rate.
 * @example
 * ```ts
 * const s = ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 100000, decay_rate: 0.96, staircase: true });
 * s(250000); // 0.1 * 0.96 ** 2
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`.
 */
export function ExponentialDecay(options: ExponentialDecayOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = exponential({
    lr: o.initial_learning_rate,
    gamma: o.decay_rate,
    decaySteps: o.decay_steps,
    staircase: o.staircase,
  });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link ExponentialDecay}. */
export const ExponentialDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras ExponentialDecay: initial_learning_rate * decay_rate ** (step / decay_steps).",
  example: "keras.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.9)",
  params,
  positional: ["initial_learning_rate", "decay_steps", "decay_rate", "staircase"],
  create: (o) => ExponentialDecay(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
