// Anchor: d2l-ai/d2l-en chapter_optimization/lr-scheduler.md ("Learning Rate Scheduling"),
// class MultiFactorScheduler of the TensorFlow tab (the MXNet tab calls MXNet's own class, which
// counts differently: see mxnet.MultiFactorScheduler).
import * as v from "valibot";
import { constant } from "../../families/constant.js";
import { multiStep } from "../../families/multiStep.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { MultiFactorSchedulerOptions } from "./options.generated.js";

export type { MultiFactorSchedulerOptions };

const NAME = "d2l.MultiFactorScheduler";

const params = v.strictObject({
  step: v.pipe(
    v.array(p.nonNegativeInt(), "must be a list of non-negative integers"),
    v.description(
      "The epochs at which the lr is multiplied by factor (in any order; repeats count once); non-negative integers.",
    ),
  ),
  factor: p.nonNegative(
    "The factor applied at each epoch of step; non-negative (above 1 the lr rises at each step, as in the chapter).",
  ),
  base_lr: p.nonNegative("The lr before the first epoch of step."),
});

/**
 * d2l's `MultiFactorScheduler`: called with epochs 0, 1, ..., t, it multiplies the lr by `factor`
 * whenever `epoch in step`, so the lr at epoch t is `base_lr * factor ** n` where `n` counts the
 * distinct entries of `step` that are `<= t`: the epoch of a step already has the new lr
 * (`step = [15, 30]` halves at 15 and 30). The core {@link multiStep} on the sorted, distinct steps.
 *
 * As in the chapter, `step` may be unsorted, a repeated entry applies `factor` once (`in` is a
 * membership test), and an empty list keeps `base_lr`. Entries that no integer epoch can equal
 * (negative or fractional) are rejected.
 *
 * @param options - d2l's parameters: see {@link MultiFactorSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a negative or fractional entry of `step`, or a negative factor or lr;
 *   TypeError when a parameter is missing or `step` is not a list.
 * @example
 * ```ts
 * const s = MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 });
 * [s(14), s(15), s(30)]; // [0.5, 0.25, 0.125]
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling", Multi Factor Scheduler (d2l-ai/d2l-en
 *   `chapter_optimization/lr-scheduler.md`).
 */
export function MultiFactorScheduler(options: MultiFactorSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const milestones = [...new Set(o.step)].sort((a, b) => a - b);
  const inner =
    milestones.length === 0
      ? constant({ lr: o.base_lr })
      : multiStep({ lr: o.base_lr, milestones, gamma: o.factor });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link MultiFactorScheduler}. */
export const MultiFactorSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "d2l MultiFactorScheduler: multiply base_lr by factor at each epoch listed in step.",
  example: "d2l.MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)",
  params,
  positional: ["step", "factor", "base_lr"],
  create: (o) => MultiFactorScheduler(o),
  preset: { anchor: "d2l" },
});
