// Anchor: huggingface/pytorch-image-models timm/scheduler/step_lr.py, StepLRScheduler.
import * as v from "valibot";
import { floorDiv } from "../../families/math.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { timmCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, noiseShape, timmSchedule, warmupNoiseOrder, warmupShape } from "./scheduler.js";
import type { StepLRSchedulerOptions } from "./options.generated.js";

export type { StepLRSchedulerOptions };

const NAME = "timm.StepLRScheduler";

const params = v.strictObject({
  lr: lrParam,
  decay_t: p.positive(
    "Steps between two decays (a float: 2.4 epochs is common); positive (timm divides by it).",
  ),
  decay_rate: v.optional(p.nonNegative("The factor applied at every decay. Defaults to 1.0."), 1.0),
  ...warmupShape(true),
  ...noiseShape,
});

/**
 * timm's `StepLRScheduler`: `lr * decay_rate ** (t // decay_t)`, after an optional linear warmup from
 * `warmup_lr_init` to `lr` over `warmup_t` steps, with noise as in {@link CosineLRScheduler}. Unlike
 * timm's cosine, `warmup_prefix` defaults to true: the decays count from the end of the warmup.
 *
 * `t // decay_t` is Python's floor division, exact for a fractional `decay_t` (the core {@link step}
 * floors the rounded quotient, which decays one step early at some multiples, such as `decay_t = 1.1`
 * at t = 11); that is why the decay is timm's own closed form.
 *
 * @param options - timm's parameters: see {@link StepLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_t` or negative values.
 * @example
 * ```ts
 * // timm's EfficientNet recipe: --sched step --decay-epochs 2.4 --decay-rate .97 --warmup-epochs 3
 * const s = StepLRScheduler({ lr: 0.048, decay_t: 2.4, decay_rate: 0.97, warmup_t: 3, warmup_lr_init: 1e-6 });
 * s(12); // 0.048 * 0.97 ** 3
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/step_lr.py`.
 */
export function StepLRScheduler(options: StepLRSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const { lr, decay_t, decay_rate } = o;
  const body = (t: number) => lr * decay_rate ** floorDiv(t, decay_t);
  return timmSchedule(NAME, options, o, { body });
}

/** Registry entry of {@link StepLRScheduler}. */
export const StepLRSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "timm StepLRScheduler: warmup, then lr * decay_rate ** (t // decay_t), with noise.",
  example:
    "timm.StepLRScheduler(0.048, 2.4, 0.97, warmup_t=3, warmup_lr_init=1e-6, noise_range_t=[10, 40], noise_pct=0.1)",
  params,
  // Positional: timm's signature with `lr` for `optimizer`, without t_in_epochs and initialize.
  positional: ["lr", "decay_t", "decay_rate", ...warmupNoiseOrder],
  create: (o) => StepLRScheduler(o),
  preset: { anchor: "timm", native: { pytorch: (_, context) => timmCall(context) } },
});
