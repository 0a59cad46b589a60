// Anchor: huggingface/transformers src/transformers/optimization.py, get_cosine_schedule_with_warmup.
import * as v from "valibot";
import { parseParams } from "../../params.js";
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
} from "./lambda.js";
import type { GetCosineScheduleWithWarmupOptions } from "./options.generated.js";

export type { GetCosineScheduleWithWarmupOptions };

const NAME = "hf.get_cosine_schedule_with_warmup";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: trainingStepsParam,
  num_cycles: numCyclesParam,
});

/**
 * HF's `get_cosine_schedule_with_warmup`: `lr * t / max(1, w)` for `t < w = num_warmup_steps`, then
 * `lr * max(0, 0.5 * (1 + cos(pi * num_cycles * 2 * progress)))` with
 * `progress = (t - w) / max(1, T - w)`. With `num_cycles = 0.5` it falls from `lr` to 0 at
 * `T = num_training_steps`; past `T` the cosine goes on and the lr rises again (HF does not clamp the
 * progress), back to `lr` at `2T - w`.
 *
 * @param options - HF's parameters: see {@link GetCosineScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws RangeError for negative step counts.
 * @example
 * ```ts
 * const s = get_cosine_schedule_with_warmup({ lr: 10, num_warmup_steps: 2, num_training_steps: 10 });
 * [s(2), s(6), s(10)]; // [10, 5, 0]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_cosine_schedule_with_warmup(options: GetCosineScheduleWithWarmupOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const { num_warmup_steps: w, num_training_steps: T, num_cycles } = o;
  return warmupLambdaSchedule(NAME, options, o, (t) =>
    Math.max(0, cosineWave(cosineProgress(t, w, T), num_cycles)),
  );
}

/** Registry entry of {@link get_cosine_schedule_with_warmup}. */
export const getCosineScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_cosine_schedule_with_warmup: linear warmup from 0, then num_cycles cosine waves.",
  example: "hf.get_cosine_schedule_with_warmup(5e-5, 5, 50)",
  params,
  positional: ["lr", "num_warmup_steps", "num_training_steps", "num_cycles"],
  create: (o) => get_cosine_schedule_with_warmup(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
