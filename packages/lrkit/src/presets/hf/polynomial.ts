// Anchor: huggingface/transformers src/transformers/optimization.py,
// get_polynomial_decay_schedule_with_warmup.
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, warmupLambdaSchedule, warmupStepsParam } from "./lambda.js";
import type { GetPolynomialDecayScheduleWithWarmupOptions } from "./options.generated.js";

export type { GetPolynomialDecayScheduleWithWarmupOptions };

const NAME = "hf.get_polynomial_decay_schedule_with_warmup";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: p.nonNegative(
    "The total number of training steps; non-negative, and not num_warmup_steps (HF divides by the difference at step T).",
  ),
  lr_end: v.optional(p.nonNegative("The end lr, below lr (HF raises otherwise). Defaults to 1e-7."), 1e-7),
  power: v.optional(
    p.nonNegative(
      "Power factor of the decay; non-negative (a negative power divides by zero at T in HF). Defaults to 1.0.",
    ),
    1.0,
  ),
});

/**
 * HF's `get_polynomial_decay_schedule_with_warmup` (fairseq's and BERT's): `lr * t / max(1, w)` for
 * `t < w = num_warmup_steps`; then up to `T = num_training_steps`
 * `(lr - lr_end) * (1 - (t - w) / (T - w)) ** power + lr_end`, and `lr_end` after `T`. HF returns
 * that divided by `lr` as the multiplier and LambdaLR multiplies it back, so the value is
 * `lr * (decay / lr)`, kept here digit for digit. The lr is `lr_init = optimizer.defaults["lr"]`.
 *
 * @param options - HF's parameters: see {@link GetPolynomialDecayScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws RangeError for `lr <= lr_end`, `num_training_steps === num_warmup_steps` or negative values.
 * @example
 * ```ts
 * const s = get_polynomial_decay_schedule_with_warmup({
 *   lr: 10, num_warmup_steps: 2, num_training_steps: 10, power: 2, lr_end: 1e-7,
 * });
 * [s(2), s(6), s(10), s(11)]; // [10, 2.500000075, 1e-7, 1e-7]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_polynomial_decay_schedule_with_warmup(
  options: GetPolynomialDecayScheduleWithWarmupOptions,
): Schedule {
  const o = parseParams(NAME, params, options);
  const { lr, num_warmup_steps: w, num_training_steps: T, lr_end, power } = o;
  ensure(lr > lr_end, NAME, "lr_end", `must be smaller than lr (${lr})`, lr_end);
  ensure(T !== w, NAME, "num_training_steps", `must differ from num_warmup_steps (${w})`, T);
  const lrRange = lr - lr_end;
  const decaySteps = T - w;
  return warmupLambdaSchedule(NAME, options, o, (t) => {
    if (t > T) return lr_end / lr;
    const pctRemaining = 1 - (t - w) / decaySteps;
    return (lrRange * pctRemaining ** power + lr_end) / lr;
  });
}

/** Registry entry of {@link get_polynomial_decay_schedule_with_warmup}. */
export const getPolynomialDecayScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary:
    "HF get_polynomial_decay_schedule_with_warmup: linear warmup from 0, then polynomial decay to lr_end.",
  example: "hf.get_polynomial_decay_schedule_with_warmup(5e-5, 5, 50, lr_end=1e-7, power=2.0)",
  params,
  positional: ["lr", "num_warmup_steps", "num_training_steps", "lr_end", "power"],
  create: (o) => get_polynomial_decay_schedule_with_warmup(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
