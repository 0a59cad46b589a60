// Anchor: huggingface/transformers src/transformers/optimization.py,
// get_cosine_with_hard_restarts_schedule_with_warmup.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cosineProgress } from "./cosineWave.js";
import { lrParam, trainingStepsParam, warmupLambdaSchedule, warmupStepsParam } from "./lambda.js";
import type { GetCosineWithHardRestartsScheduleWithWarmupOptions } from "./options.generated.js";

export type { GetCosineWithHardRestartsScheduleWithWarmupOptions };

const NAME = "hf.get_cosine_with_hard_restarts_schedule_with_warmup";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_training_steps: trainingStepsParam,
  num_cycles: v.optional(
    p.number("The number of hard restarts: cosine cycles over the decay. Defaults to 1."),
    1,
  ),
});

/** Python's float `x % 1.0`: in [0, 1] (1.0 itself for tiny negative x), where JS `%` keeps x's sign. */
export function pyMod1(x: number): number {
  const mod = x % 1;
  return mod < 0 ? mod + 1 : mod === 0 ? 0 : mod;
}

/**
 * HF's `get_cosine_with_hard_restarts_schedule_with_warmup`: `lr * t / max(1, w)` for
 * `t < w = num_warmup_steps`; then, with `progress = (t - w) / max(1, T - w)`, 0 once
 * `progress >= 1`, else `lr * max(0, 0.5 * (1 + cos(pi * ((num_cycles * progress) % 1.0))))`:
 * `num_cycles` cosine cycles from `lr` to 0, each restarting at `lr`, and 0 from
 * `T = num_training_steps` on.
 *
 * The closed form is HF's own rather than the core {@link sgdr}: HF cuts to 0 at `progress >= 1`
 * even in the middle of a cycle (a fractional `num_cycles` such as 1.5), `num_cycles = 0` holds `lr`
 * until `T`, and `% 1.0` is Python's (never negative), so a negative `num_cycles` runs each cycle
 * backwards, from the floor up; `sgdr` takes none of these, nor HF's `max(1, T - w)` when `T <= w`.
 *
 * @param options - HF's parameters: see {@link GetCosineWithHardRestartsScheduleWithWarmupOptions} for each one's meaning and default.
 * @throws RangeError for negative step counts.
 * @example
 * ```ts
 * const s = get_cosine_with_hard_restarts_schedule_with_warmup({
 *   lr: 10, num_warmup_steps: 2, num_training_steps: 10, num_cycles: 2,
 * });
 * [s(2), s(4), s(6), s(10)]; // [10, 5, 10, 0]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`.
 */
export function get_cosine_with_hard_restarts_schedule_with_warmup(
  options: GetCosineWithHardRestartsScheduleWithWarmupOptions,
): Schedule {
  const o = parseParams(NAME, params, options);
  const { num_warmup_steps: w, num_training_steps: T, num_cycles } = o;
  return warmupLambdaSchedule(NAME, options, o, (t) => {
    const progress = cosineProgress(t, w, T);
    if (progress >= 1) return 0;
    return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * pyMod1(num_cycles * progress))));
  });
}

/** Registry entry of {@link get_cosine_with_hard_restarts_schedule_with_warmup}. */
export const getCosineWithHardRestartsScheduleWithWarmupFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_cosine_with_hard_restarts_schedule_with_warmup: warmup, then num_cycles cosine restarts.",
  example: "hf.get_cosine_with_hard_restarts_schedule_with_warmup(5e-5, 5, 50, num_cycles=3)",
  params,
  positional: ["lr", "num_warmup_steps", "num_training_steps", "num_cycles"],
  create: (o) =>
    get_cosine_with_hard_restarts_schedule_with_warmup(
      o as GetCosineWithHardRestartsScheduleWithWarmupOptions,
    ),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
