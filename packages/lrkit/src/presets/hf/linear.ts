// Anchor: huggingface/transformers src/transformers/optimization.py, get_linear_schedule_with_warmup.
import * as v from "valibot";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, trainingStepsParam, warmupLambdaSchedule, warmupStepsParam } from "./lambda.js";
import type { GetLinearScheduleWithWarmupOptions } from "./options.generated.js";

export type { GetLinearScheduleWithWarmupOptions };

const NAME = "hf.get_linear_schedule_with_warmup";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: trainingStepsParam,
});

/**
 * HF's `get_linear_schedule_with_warmup` (the Trainer's default): `lr * t / max(1, w)` for
 * `t < w = num_warmup_steps`, then `lr * max(0, (T - t) / max(1, T - w))` with
 * `T = num_training_steps`: down to 0 at `T`, and 0 after. When `T <= w` the lr is 0 from the end of
 * the warmup on, as in HF.
 *
 * @param options - HF's parameters: see {@link GetLinearScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws RangeError for negative values.
 * @example
 * ```ts
 * const s = get_linear_schedule_with_warmup({ lr: 10, num_warmup_steps: 2, num_training_steps: 10 });
 * [s(1), s(2), s(3), s(10)]; // [5, 10, 8.75, 0]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_linear_schedule_with_warmup(options: GetLinearScheduleWithWarmupOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const { num_warmup_steps: w, num_training_steps: T } = o;
  const decaySteps = Math.max(1, T - w);
  return warmupLambdaSchedule(NAME, options, o, (t) => Math.max(0, (T - t) / decaySteps));
}

/** Registry entry of {@link get_linear_schedule_with_warmup}. */
export const getLinearScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_linear_schedule_with_warmup: linear warmup from 0, then linear decay to 0.",
  example: "hf.get_linear_schedule_with_warmup(5e-5, 5, 50)",
  params,
  positional: ["lr", "num_warmup_steps", "num_training_steps"],
  create: (o) => get_linear_schedule_with_warmup(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
