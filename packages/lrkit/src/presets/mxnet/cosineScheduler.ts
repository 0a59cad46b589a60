// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, class CosineScheduler.
import * as v from "valibot";
import { cosine } from "../../families/cosine.js";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { decayToMaxUpdate, maxUpdate } from "./decayToMaxUpdate.js";
import { baseLr, warmupShape } from "./lrScheduler.js";
import type { CosineSchedulerOptions } from "./options.generated.js";

export type { CosineSchedulerOptions };

const NAME = "mxnet.CosineScheduler";

const params = v.strictObject({
  max_update: maxUpdate(),
  base_lr: baseLr(),
  final_lr: v.optional(p.nonNegative("The lr at max_update and after; at most base_lr. Defaults to 0."), 0),
  ...warmupShape,
});

/**
 * The decay of MXNet's `CosineScheduler` (and of d2l's, a copy of it) over `steps` updates:
 * `final_lr + (base_lr - final_lr) * (1 + cos(pi * t / steps)) / 2`, then held at `final_lr`: the
 * core {@link cosine}, which only anneals downwards.
 *
 * @throws RangeError for `final_lr > base_lr`.
 */
export function cosineToFinalLr(
  name: string,
  o: { readonly base_lr: number; readonly final_lr: number },
  steps: number,
): Schedule {
  ensure(o.final_lr <= o.base_lr, name, "final_lr", `must not exceed base_lr (${o.base_lr})`, o.final_lr);
  return cosine({ lr: o.base_lr, steps, minLr: o.final_lr, after: "hold" });
}

/**
 * MXNet's `CosineScheduler`: after the warmup, with `w = warmup_steps` and `T = max_update`,
 * `final_lr + (base_lr - final_lr) * (1 + cos(pi * (t - w) / (T - w))) / 2` for `w <= t <= T`, then
 * held at `final_lr` (MXNet returns its last value). The warmup shifts the cosine's clock and counts
 * in `max_update`: the core {@link cosine} over `T - w` updates behind MXNet's warmup. d2l's
 * chapter uses this class in its MXNet tab.
 *
 * MXNet divides by zero when `warmup_steps == max_update` and never decays when
 * `warmup_steps > max_update`; lrkit rejects both. It also rejects `final_lr > base_lr`, which MXNet
 * accepts (a rising half cosine): the core cosine only anneals downwards.
 *
 * @param options - MXNet's parameters: see {@link CosineSchedulerOptions} for each one's meaning and default.
 * @throws RangeError where MXNet raises ValueError (`max_update < 1`, `warmup_steps < 0`,
 *   `warmup_begin_lr > base_lr`, an unknown `warmup_mode`), for `warmup_steps >= max_update`,
 *   `final_lr > base_lr` or a negative lr; TypeError where it asserts an int (`max_update`,
 *   `warmup_steps`).
 * @example
 * ```ts
 * const s = CosineScheduler({ max_update: 20, warmup_steps: 5, base_lr: 0.3, final_lr: 0.01 });
 * [s(0), s(1), s(5), s(20), s(25)]; // [0, 0.06, 0.3, 0.01, 0.01]
 * ```
 * @see apache/mxnet `python/mxnet/lr_scheduler.py`; Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function CosineScheduler(options: CosineSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  return decayToMaxUpdate(NAME, options, o, (steps) => cosineToFinalLr(NAME, o, steps));
}

/** Registry entry of {@link CosineScheduler}. */
export const CosineSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "MXNet CosineScheduler: optional warmup, cosine to final_lr at max_update, then hold.",
  example: "mxnet.CosineScheduler(max_update=50, base_lr=0.1, final_lr=0.001, warmup_steps=5)",
  params,
  positional: ["max_update", "base_lr", "final_lr", "warmup_steps", "warmup_begin_lr", "warmup_mode"],
  create: (o) => CosineScheduler(o),
  preset: { anchor: "mxnet" },
});
