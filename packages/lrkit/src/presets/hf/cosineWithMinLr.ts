// Anchor: huggingface/transformers src/transformers/optimization.py,
// get_cosine_with_min_lr_schedule_with_warmup.
import * as v from "valibot";
import * as p from "../../params.js";
import { ParameterTypeError, parseParams, rangeError, typeError } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cosineProgress, cosineWave } from "./cosineWave.js";
import {
  lrParam,
  numCyclesParam,
  trainingStepsParam,
  warmupLambdaSchedule,
  warmupStepsParam,
  withFloor,
} from "./lambda.js";
import type { GetCosineWithMinLrScheduleWithWarmupOptions } from "./options.generated.js";

export type { GetCosineWithMinLrScheduleWithWarmupOptions };

const NAME = "hf.get_cosine_with_min_lr_schedule_with_warmup";

/** `min_lr` and `min_lr_rate`, exactly one of which HF requires. */
export const minLrShape = {
  min_lr: v.nullish(
    p.nonNegative("The lr at the end of the cosine. Set it or min_lr_rate: exactly one is required."),
  ),
  min_lr_rate: v.nullish(
    p.nonNegative(
      "The lr at the end of the cosine as a ratio of lr. Set it or min_lr: exactly one is required.",
    ),
  ),
};

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: trainingStepsParam,
  num_cycles: numCyclesParam,
  ...minLrShape,
});

/**
 * HF's `min_lr_rate`: given, or `min_lr / lr` (HF's `min_lr / optimizer.defaults["lr"]`).
 *
 * @throws TypeError when both or neither are given (HF raises ValueError); RangeError for `min_lr`
 *   with `lr = 0` (HF divides by zero).
 */
export function minLrRate(
  name: string,
  lr: number,
  min_lr: number | null | undefined,
  min_lr_rate: number | null | undefined,
): number {
  const hasMinLr = min_lr !== null && min_lr !== undefined;
  const hasRate = min_lr_rate !== null && min_lr_rate !== undefined;
  if (hasMinLr && hasRate)
    return typeError(name, "min_lr_rate", "cannot be given together with min_lr", min_lr_rate);
  if (hasRate) return min_lr_rate;
  if (!hasMinLr) throw new ParameterTypeError(name, "min_lr", `${name}: min_lr or min_lr_rate is required`);
  if (lr === 0) return rangeError(name, "lr", "must be positive to compute min_lr / lr", lr);
  return min_lr / lr;
}

/**
 * HF's `get_cosine_with_min_lr_schedule_with_warmup` (`lr_scheduler_type="cosine_with_min_lr"`):
 * `lr * t / max(1, w)` for `t < w = num_warmup_steps`, then with
 * `progress = (t - w) / max(1, T - w)` and `f = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))`,
 * `lr * max(0, f * (1 - min_lr_rate) + min_lr_rate)`: down to `min_lr` (`min_lr_rate * lr`) at
 * `T = num_training_steps`, and up again after it, as {@link get_cosine_schedule_with_warmup}.
 *
 * @param options - HF's parameters: see {@link GetCosineWithMinLrScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws TypeError when both or neither of `min_lr` and `min_lr_rate` are given; RangeError for
 *   negative values.
 * @example
 * ```ts
 * const s = get_cosine_with_min_lr_schedule_with_warmup({
 *   lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100, min_lr: 1e-5,
 * });
 * s(100); // 1e-5
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_cosine_with_min_lr_schedule_with_warmup(
  options: GetCosineWithMinLrScheduleWithWarmupOptions,
): Schedule {
  const o = parseParams(NAME, params, options);
  const rate = minLrRate(NAME, o.lr, o.min_lr, o.min_lr_rate);
  const { num_warmup_steps: w, num_training_steps: T, num_cycles } = o;
  return warmupLambdaSchedule(NAME, options, o, (t) =>
    withFloor(cosineWave(cosineProgress(t, w, T), num_cycles), rate),
  );
}

/** Registry entry of {@link get_cosine_with_min_lr_schedule_with_warmup}. */
export const getCosineWithMinLrScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_cosine_with_min_lr_schedule_with_warmup: linear warmup from 0, then cosine to min_lr.",
  example: "hf.get_cosine_with_min_lr_schedule_with_warmup(5e-5, 5, 50, min_lr=1e-6)",
  params,
  positional: ["lr", "num_warmup_steps", "num_training_steps", "num_cycles", "min_lr", "min_lr_rate"],
  create: (o) =>
    get_cosine_with_min_lr_schedule_with_warmup(o as GetCosineWithMinLrScheduleWithWarmupOptions),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
