// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, InverseTimeDecay.
import * as v from "valibot";
import { inverseTime } from "../../families/inverseTime.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { InverseTimeDecayOptions } from "./options.generated.js";

export type { InverseTimeDecayOptions };

const NAME = "keras.InverseTimeDecay";

const params = v.strictObject({
  initial_learning_rate: p.nonNegative("The learning rate at step 0."),
  decay_steps: p.positive("The unit of step in the decay; positive (Keras raises for <= 0)."),
  decay_rate: p.nonNegative(
    "The decay rate; non-negative (lrkit rejects negative rates, which Keras accepts).",
  ),
  staircase: v.optional(p.boolean("Floor step / decay_steps. Defaults to false."), false),
});

/**
 * Keras' `InverseTimeDecay`: `initial_learning_rate / (1 + decay_rate * step / decay_steps)`,
 * with `floor(step / decay_steps)` when `staircase`. The core {@link inverseTime} family.
 *
 * Keras computes in float32 by default; lrkit evaluates the same formula in float64.
 *
 * @param options - Keras's parameters: see {@link InverseTimeDecayOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_steps`, a negative `decay_rate` or learning rate.
 * @example
 * ```ts
 * InverseTimeDecay({ initial_learning_rate: 0.1, decay_steps: 1.0, decay_rate: 0.5 })(2); // 0.05
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`.
 */
export function InverseTimeDecay(options: InverseTimeDecayOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = inverseTime({
    lr: o.initial_learning_rate,
    decayRate: o.decay_rate,
    decaySteps: o.decay_steps,
    staircase: o.staircase,
  });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link InverseTimeDecay}. */
export const InverseTimeDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras InverseTimeDecay: initial_learning_rate / (1 + decay_rate * step / decay_steps).",
  example: "keras.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5)",
  params,
  positional: ["initial_learning_rate", "decay_steps", "decay_rate", "staircase"],
  create: (o) => InverseTimeDecay(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
