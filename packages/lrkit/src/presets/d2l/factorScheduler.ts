// Anchor: d2l-ai/d2l-en chapter_optimization/lr-scheduler.md ("Learning Rate Scheduling"),
// class FactorScheduler (the same in the PyTorch, MXNet and TensorFlow tabs).
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { loopDecay } from "../mxnet/loopDecay.js";
import type { FactorSchedulerOptions } from "./options.generated.js";

export type { FactorSchedulerOptions };

const NAME = "d2l.FactorScheduler";

const params = v.strictObject({
  factor: v.optional(
    v.pipe(
      p.positive(),
      v.check((x) => x <= 1, "must be in (0, 1]"),
      v.description(
        "The factor applied at every call, in (0, 1]. The chapter's alpha is in (0, 1); lrkit rejects a factor above 1, whose recursion would differ from any closed form once the floor is hit. Defaults to 1.",
      ),
    ),
    1,
  ),
  stop_factor_lr: v.optional(p.nonNegative("The floor the lr never goes below. Defaults to 1e-7."), 1e-7),
  base_lr: v.optional(p.nonNegative("The lr before the first call. Defaults to 0.1."), 0.1),
});

/**
 * d2l's `FactorScheduler`: `eta <- max(stop_factor_lr, eta * factor)` on every call, so the lr at
 * update `t` (the object called with 0, 1, ..., t) is `max(stop_factor_lr, base_lr * factor ** (t + 1))`,
 * rounded as the chapter's loop rounds it: one multiplication per call (see {@link loopDecay};
 * `base_lr * factor ** (t + 1)` is an ulp or more away after a few calls).
 *
 * Quirk kept: the chapter multiplies before returning, so even update 0 gets `base_lr * factor`,
 * never `base_lr` itself.
 *
 * @param options - d2l's parameters: see {@link FactorSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a factor outside (0, 1] or a negative learning rate.
 * @example
 * ```ts
 * const s = FactorScheduler({ factor: 0.9, stop_factor_lr: 1e-2, base_lr: 2.0 });
 * [s(0), s(1), s(49)]; // [1.8, 1.62, 0.0103...]
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling", Factor Scheduler (d2l-ai/d2l-en
 *   `chapter_optimization/lr-scheduler.md`).
 */
export function FactorScheduler(options: FactorSchedulerOptions = {}): Schedule {
  const o = parseParams(NAME, params, options);
  const decayed = loopDecay(o.base_lr, o.factor, o.stop_factor_lr);
  return define((t) => decayed(Math.floor(t + 1)), specOf(NAME, options));
}

/** Registry entry of {@link FactorScheduler}. */
export const FactorSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "d2l FactorScheduler: max(stop_factor_lr, base_lr * factor ** (t + 1)).",
  example: "d2l.FactorScheduler(factor=0.9, stop_factor_lr=0.01, base_lr=2.0)",
  params,
  positional: ["factor", "stop_factor_lr", "base_lr"],
  create: (o) => FactorScheduler(o),
  preset: { anchor: "d2l" },
});
