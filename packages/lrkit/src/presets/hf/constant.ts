// Anchor: huggingface/transformers src/transformers/optimization.py, get_constant_schedule and
// get_constant_schedule_with_warmup.
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import { constant } from "../../families/constant.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, warmupStepsParam } from "./lambda.js";
import type {
  GetConstantScheduleOptions,
  GetConstantScheduleWithWarmupOptions,
} from "./options.generated.js";

export type { GetConstantScheduleOptions, GetConstantScheduleWithWarmupOptions };

const CONSTANT = "hf.get_constant_schedule";
const WITH_WARMUP = "hf.get_constant_schedule_with_warmup";

const constantParams = v.strictObject({ lr: lrParam });
const withWarmupParams = v.strictObject({ lr: lrParam, num_warmup_steps: warmupStepsParam });

/**
 * HF's `get_constant_schedule`: the optimizer's lr at every step (the lambda is 1): the core
 * {@link constant}.
 *
 * @param options - HF's parameters: see {@link GetConstantScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a negative lr.
 * @example
 * ```ts
 * get_constant_schedule({ lr: 5e-5 })(1000); // 5e-5
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_constant_schedule(options: GetConstantScheduleOptions): Schedule {
  const { lr } = parseParams(CONSTANT, constantParams, options);
  const inner = constant({ lr });
  return relabel(inner, specOf(CONSTANT, options));
}

/**
 * HF's `get_constant_schedule_with_warmup`: `lr * t / max(1, num_warmup_steps)` during the warmup
 * (from 0), then `lr`: a {@link warmup} from 0 of a {@link constant}, which gives exactly HF's numbers.
 *
 * @param options - HF's parameters: see {@link GetConstantScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws RangeError for negative values.
 * @example
 * ```ts
 * const s = get_constant_schedule_with_warmup({ lr: 10, num_warmup_steps: 4 });
 * [s(0), s(1), s(4)]; // [0, 2.5, 10]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_constant_schedule_with_warmup(options: GetConstantScheduleWithWarmupOptions): Schedule {
  const { lr, num_warmup_steps } = parseParams(WITH_WARMUP, withWarmupParams, options);
  const inner = warmup(constant({ lr }), { steps: num_warmup_steps, from: 0 });
  return relabel(inner, specOf(WITH_WARMUP, options));
}

/** Registry entry of {@link get_constant_schedule}. */
export const getConstantScheduleFamily = /* @__PURE__ */ definePreset({
  type: CONSTANT,
  summary: "HF get_constant_schedule: the optimizer's lr at every step.",
  example: "hf.get_constant_schedule(5e-5)",
  params: constantParams,
  positional: ["lr"],
  create: (o) => get_constant_schedule(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});

/** Registry entry of {@link get_constant_schedule_with_warmup}. */
export const getConstantScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: WITH_WARMUP,
  summary: "HF get_constant_schedule_with_warmup: linear warmup from 0, then the optimizer's lr.",
  example: "hf.get_constant_schedule_with_warmup(5e-5, 10)",
  params: withWarmupParams,
  positional: ["lr", "num_warmup_steps"],
  create: (o) => get_constant_schedule_with_warmup(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
