// Anchor: huggingface/pytorch-image-models timm/scheduler/multistep_lr.py, MultiStepLRScheduler.
import * as v from "valibot";
import { constant } from "../../families/constant.js";
import { multiStep } from "../../families/multiStep.js";
import * as p from "../../params.js";
import { ensureSorted, parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { timmCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, noiseShape, timmSchedule, warmupNoiseOrder, warmupShape } from "./scheduler.js";
import type { MultiStepLRSchedulerOptions } from "./options.generated.js";

export type { MultiStepLRSchedulerOptions };

const NAME = "timm.MultiStepLRScheduler";

const params = v.strictObject({
  lr: lrParam,
  decay_t: p.numbers(
    "The milestones, sorted (timm assumes so; lrkit checks), possibly none: the lr is multiplied by decay_rate one step before each.",
  ),
  decay_rate: v.optional(p.nonNegative("The factor applied at every milestone. Defaults to 1.0."), 1.0),
  ...warmupShape(true),
  ...noiseShape,
});

/**
 * timm's `MultiStepLRScheduler`: `lr * decay_rate ** bisect_right(decay_t, t + 1)`, after an optional
 * linear warmup from `warmup_lr_init` to `lr` (`warmup_prefix` defaults to true), with noise as in
 * {@link CosineLRScheduler}.
 *
 * timm counts the milestones `<= t + 1`, so each decay happens at `t = milestone - 1`, one step
 * before PyTorch's `MultiStepLR` would (with `decay_t: [30]`, the lr is already decayed at t = 29);
 * lrkit keeps that: it is the core {@link multiStep} with every milestone moved one step earlier.
 * The warmup still rises to `lr`, even when a milestone of 0 or 1 has decayed the first step after it.
 *
 * @param options - timm's parameters: see {@link MultiStepLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for unsorted milestones or negative values.
 * @example
 * ```ts
 * const s = MultiStepLRScheduler({ lr: 0.1, decay_t: [30, 60], decay_rate: 0.1 });
 * [s(28), s(29), s(59)]; // [0.1, 0.01, 0.001]
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/multistep_lr.py`.
 */
export function MultiStepLRScheduler(options: MultiStepLRSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensureSorted(NAME, "decay_t", o.decay_t);
  const milestones = o.decay_t.map((m) => Math.max(0, m - 1));
  const body =
    milestones.length === 0
      ? constant({ lr: o.lr })
      : multiStep({ lr: o.lr, milestones, gamma: o.decay_rate });
  return timmSchedule(NAME, options, o, { body, horizon: body.horizon });
}

/** Registry entry of {@link MultiStepLRScheduler}. */
export const MultiStepLRSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary:
    "timm MultiStepLRScheduler: warmup, then decay_rate at each milestone (one step early), with noise.",
  example: "timm.MultiStepLRScheduler(0.1, [20, 40], 0.1, warmup_t=5, warmup_lr_init=1e-4)",
  params,
  // Positional: timm's signature with `lr` for `optimizer`, without t_in_epochs and initialize.
  positional: ["lr", "decay_t", "decay_rate", ...warmupNoiseOrder],
  create: (o) => MultiStepLRScheduler(o),
  preset: { anchor: "timm", native: { pytorch: (_, context) => timmCall(context) } },
});
