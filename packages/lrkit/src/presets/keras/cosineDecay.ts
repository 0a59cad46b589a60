// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, CosineDecay.
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import { cosine } from "../../families/cosine.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { CosineDecayOptions } from "./options.generated.js";

export type { CosineDecayOptions };

const NAME = "keras.CosineDecay";

const params = v.strictObject({
  initial_learning_rate: p.nonNegative(
    "The learning rate at step 0: where the warmup starts, or the decay when there is none.",
  ),
  decay_steps: p.positive(
    "The length of the cosine decay, counted after the warmup; positive (Keras raises for <= 0).",
  ),
  alpha: v.optional(
    p.unit(
      "The floor as a fraction of warmup_target (or of initial_learning_rate without warmup). In [0, 1] (lrkit rejects other values, which Keras accepts). Defaults to 0.0.",
    ),
    0.0,
  ),
  warmup_target: v.nullish(
    p.nonNegative("The lr at the end of the warmup, where the decay starts. Defaults to None: no warmup."),
  ),
  warmup_steps: v.optional(
    p.nonNegative(
      "The length of the linear warmup, non-negative; ignored without warmup_target. Defaults to 0.",
    ),
    0,
  ),
});

/**
 * Keras' `CosineDecay`, with its optional linear warmup.
 *
 * Without `warmup_target` (Keras' `None`): with `s = min(step, decay_steps)`,
 * `initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha)`, the core
 * {@link cosine} from `initial_learning_rate` to `alpha * initial_learning_rate`; `warmup_steps` is
 * then ignored, as in Keras.
 *
 * With `warmup_target`: for `step < warmup_steps` the lr rises linearly,
 * `(warmup_target - initial_learning_rate) * step / warmup_steps + initial_learning_rate`; then the
 * cosine runs from `warmup_target` to `alpha * warmup_target` over the NEXT `decay_steps` steps
 * (`decay_steps` does not include the warmup, unlike Optax's `warmup_cosine_decay_schedule`), and
 * holds from `warmup_steps + decay_steps` on. A {@link warmup} of a {@link cosine}.
 *
 * `alpha` is a fraction, not a learning rate. Keras computes in float32 by default; lrkit evaluates
 * the same formula in float64.
 *
 * @param options - Keras's parameters: see {@link CosineDecayOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_steps`, an `alpha` outside [0, 1] or negative values.
 * @example
 * ```ts
 * const s = CosineDecay({ initial_learning_rate: 0, decay_steps: 1000, warmup_target: 0.1, warmup_steps: 1000 });
 * [s(500), s(1000), s(2000)]; // [0.05, 0.1, 0]
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`;
 *   Loshchilov & Hutter, "SGDR", ICLR 2017; Goyal et al., "Accurate, Large Minibatch SGD", 2017.
 */
export function CosineDecay(options: CosineDecayOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const target = o.warmup_target;
  let inner: Schedule;
  if (target === null || target === undefined) {
    const lr = o.initial_learning_rate;
    inner = cosine({ lr, steps: o.decay_steps, minLr: lr * o.alpha });
  } else {
    const decay = cosine({ lr: target, steps: o.decay_steps, minLr: target * o.alpha });
    inner = warmup(decay, { steps: o.warmup_steps, from: o.initial_learning_rate, mode: "linear" });
  }
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link CosineDecay}. */
export const CosineDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras CosineDecay: optional linear warmup to warmup_target, then cosine to alpha times it.",
  example: "keras.CosineDecay(0.0, 50, alpha=0.1, warmup_target=0.1, warmup_steps=5)",
  params,
  // Positional: Keras' signature without `name`: (initial_learning_rate, decay_steps, alpha,
  // [name,] warmup_target, warmup_steps).
  positional: ["initial_learning_rate", "decay_steps", "alpha", "warmup_target", "warmup_steps"],
  create: (o) => CosineDecay(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
