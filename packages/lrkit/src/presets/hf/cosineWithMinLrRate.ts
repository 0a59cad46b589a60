// Anchor: huggingface/transformers src/transformers/optimization.py,
// get_cosine_with_min_lr_schedule_with_warmup_lr_rate.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { minLrRate, minLrShape } from "./cosineWithMinLr.js";
import { cosineWave } from "./cosineWave.js";
import {
  lambdaSchedule,
  lrParam,
  numCyclesParam,
  trainingStepsParam,
  warmupStepsParam,
  withFloor,
} from "./lambda.js";
import type { GetCosineWithMinLrScheduleWithWarmupLrRateOptions } from "./options.generated.js";

export type { GetCosineWithMinLrScheduleWithWarmupLrRateOptions };

const NAME = "hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: trainingStepsParam,
  num_cycles: numCyclesParam,
  ...minLrShape,
  warmup_lr_rate: v.nullish(
    p.nonNegative("The lr at step 0 as a ratio of lr. Defaults to None: (t + 1) / num_warmup_steps."),
  ),
});

/**
 * HF's `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`
 * (`lr_scheduler_type="cosine_warmup_with_min_lr"`): a cosine to `min_lr` whose warmup and decay
 * are one step ahead of {@link get_cosine_with_min_lr_schedule_with_warmup}'s. For
 * `t < w = num_warmup_steps` the multiplier is `(t + 1) / max(1, w)` (so it reaches 1 at `t = w - 1`
 * and never starts at 0), or with `warmup_lr_rate = r`, `r + (1 - r) * t / max(1, w - 1)`; then with
 * `progress = (t - w + 1) / max(1, T - w)`, `f = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))`,
 * `lr * max(0, f * (1 - min_lr_rate) + min_lr_rate)`: `min_lr` at `t = T - 1`, rising after it.
 *
 * @param options - HF's parameters: see {@link GetCosineWithMinLrScheduleWithWarmupLrRateOptions} for each one's meaning and default.
 * @throws TypeError when both or neither of `min_lr` and `min_lr_rate` are given; RangeError for
 *   negative values.
 * @example
 * ```ts
 * const s = get_cosine_with_min_lr_schedule_with_warmup_lr_rate({
 *   lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100, min_lr_rate: 0.1,
 * });
 * [s(0), s(4), s(99)]; // [6e-5, 3e-4, 3e-5]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
  options: GetCosineWithMinLrScheduleWithWarmupLrRateOptions,
): Schedule {
  const o = parseParams(NAME, params, options);
  const rate = minLrRate(NAME, o.lr, o.min_lr, o.min_lr_rate);
  const { num_warmup_steps: w, num_training_steps: T, num_cycles } = o;
  const warmupRate = o.warmup_lr_rate;
  const warmupFactor =
    warmupRate === null || warmupRate === undefined
      ? (t: number) => (t + 1) / Math.max(1, w)
      : (t: number) => warmupRate + ((1 - warmupRate) * t) / Math.max(1, w - 1);
  return lambdaSchedule(
    NAME,
    options,
    o.lr,
    (t) => {
      if (t < w) return warmupFactor(t);
      const progress = (t - w + 1) / Math.max(1, T - w);
      return withFloor(cosineWave(progress, num_cycles), rate);
    },
    Math.max(w, T),
  );
}

/** Registry entry of {@link get_cosine_with_min_lr_schedule_with_warmup_lr_rate}. */
export const getCosineWithMinLrScheduleWithWarmupLrRateFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_cosine_with_min_lr_schedule_with_warmup_lr_rate: warmup one step ahead, cosine to min_lr.",
  example: "hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(5e-5, 5, 50, min_lr_rate=0.1)",
  params,
  positional: [
    "lr",
    "num_warmup_steps",
    "num_training_steps",
    "num_cycles",
    "min_lr",
    "min_lr_rate",
    "warmup_lr_rate",
  ],
  create: (o) =>
    get_cosine_with_min_lr_schedule_with_warmup_lr_rate(
      o as GetCosineWithMinLrScheduleWithWarmupLrRateOptions,
    ),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
