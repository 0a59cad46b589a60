// Anchor: d2l-ai/d2l-en chapter_optimization/lr-scheduler.md ("Learning Rate Scheduling"),
// class CosineScheduler (the same in the PyTorch and TensorFlow tabs).
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cosineToFinalLr } from "../mxnet/cosineScheduler.js";
import { ensureWarmupBeforeMaxUpdate } from "../mxnet/decayToMaxUpdate.js";
import type { CosineSchedulerOptions } from "./options.generated.js";

export type { CosineSchedulerOptions };

const NAME = "d2l.CosineScheduler";

const params = v.strictObject({
  max_update: p.positiveInt(
    "The update at which the lr reaches final_lr (warmup included); held after. A positive integer.",
  ),
  base_lr: v.optional(p.nonNegative("The peak lr, where the cosine starts. Defaults to 0.01."), 0.01),
  final_lr: v.optional(p.nonNegative("The lr at max_update and after; at most base_lr. Defaults to 0."), 0),
  warmup_steps: v.optional(
    p.nonNegativeInt(
      "The length of the linear warmup, a non-negative integer less than max_update. Defaults to 0.",
    ),
    0,
  ),
  warmup_begin_lr: v.optional(p.nonNegative("The lr at update 0 of the warmup. Defaults to 0."), 0),
});

/**
 * d2l's `CosineScheduler`: with `w = warmup_steps` and `T = max_update`,
 * - `t < w`: `warmup_begin_lr + (base_lr - warmup_begin_lr) * t / w` (linear warmup);
 * - `w <= t <= T`: `final_lr + (base_lr - final_lr) * (1 + cos(pi * (t - w) / (T - w))) / 2`;
 * - `t > T`: held at `final_lr` (the object returns its last value).
 *
 * The warmup shifts the cosine's clock and counts in `max_update`: a {@link warmup} of the core
 * `cosine` over `T - w` steps, the decay of MXNet's CosineScheduler ({@link cosineToFinalLr}).
 *
 * The chapter divides by zero when `warmup_steps == max_update` and never sets its value past
 * `max_update` when `warmup_steps > max_update`; lrkit rejects both. A `warmup_begin_lr` above
 * `base_lr` is accepted (the warmup then descends), as in the chapter.
 *
 * @param options - d2l's parameters: see {@link CosineSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for `warmup_steps >= max_update`, `final_lr > base_lr`, a non-positive or
 *   fractional `max_update`, or negative values.
 * @example
 * ```ts
 * const s = CosineScheduler({ max_update: 20, warmup_steps: 5, base_lr: 0.3, final_lr: 0.01 });
 * [s(0), s(1), s(5), s(20), s(25)]; // [0, 0.06, 0.3, 0.01, 0.01]
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling", Cosine Scheduler and Warmup
 *   (d2l-ai/d2l-en `chapter_optimization/lr-scheduler.md`); Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function CosineScheduler(options: CosineSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensureWarmupBeforeMaxUpdate(NAME, o);
  const decay = cosineToFinalLr(NAME, o, o.max_update - o.warmup_steps);
  const inner = warmup(decay, { steps: o.warmup_steps, from: o.warmup_begin_lr, mode: "linear" });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link CosineScheduler}. */
export const CosineSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "d2l CosineScheduler: optional linear warmup, cosine to final_lr at max_update, then hold.",
  example: "d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)",
  params,
  positional: ["max_update", "base_lr", "final_lr", "warmup_steps", "warmup_begin_lr"],
  create: (o) => CosineScheduler(o),
  preset: { anchor: "d2l" },
});
