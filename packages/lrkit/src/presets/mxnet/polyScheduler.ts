// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, class PolyScheduler.
import * as v from "valibot";
import { polynomial } from "../../families/polynomial.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { decayToMaxUpdate, maxUpdate } from "./decayToMaxUpdate.js";
import { baseLr, warmupShape } from "./lrScheduler.js";
import type { PolySchedulerOptions } from "./options.generated.js";

export type { PolySchedulerOptions };

const NAME = "mxnet.PolyScheduler";

const params = v.strictObject({
  max_update: maxUpdate(),
  base_lr: baseLr(),
  pwr: v.optional(p.positive("The power of the decay; positive. Defaults to 2."), 2),
  final_lr: v.optional(p.nonNegative("The lr at max_update and after. Defaults to 0."), 0),
  ...warmupShape,
});

/**
 * MXNet's `PolyScheduler`: after the warmup, with `w = warmup_steps` and `T = max_update`,
 * `final_lr + (base_lr - final_lr) * (1 - (t - w) / (T - w)) ** pwr` for `w <= t <= T`, then held at
 * `final_lr` (MXNet returns its last value). The warmup shifts the decay's clock and counts in
 * `max_update`: the core {@link polynomial} over `T - w` updates behind MXNet's warmup.
 *
 * A `final_lr` above `base_lr` is accepted (the lr rises), as in MXNet. MXNet divides by zero when
 * `warmup_steps == max_update` and never decays when `warmup_steps > max_update`; lrkit rejects both.
 *
 * @param options - MXNet's parameters: see {@link PolySchedulerOptions} for each one's meaning and default.
 * @throws RangeError where MXNet raises ValueError (`max_update < 1`, `warmup_steps < 0`,
 *   `warmup_begin_lr > base_lr`, an unknown `warmup_mode`), for `warmup_steps >= max_update`, a
 *   non-positive `pwr` or a negative lr; TypeError where it asserts an int (`max_update`, `warmup_steps`).
 * @example
 * ```ts
 * const s = PolyScheduler({ max_update: 20, base_lr: 0.3, final_lr: 0.01 });
 * [s(0), s(10), s(20), s(40)]; // [0.3, 0.0825, 0.01, 0.01]
 * ```
 * @see apache/mxnet `python/mxnet/lr_scheduler.py`.
 */
export function PolyScheduler(options: PolySchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  return decayToMaxUpdate(NAME, options, o, (steps) =>
    polynomial({ lr: o.base_lr, steps, power: o.pwr, endLr: o.final_lr }),
  );
}

/** Registry entry of {@link PolyScheduler}. */
export const PolySchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "MXNet PolyScheduler: optional warmup, polynomial decay to final_lr at max_update, then hold.",
  example: "mxnet.PolyScheduler(max_update=50, base_lr=0.1, pwr=2)",
  params,
  positional: ["max_update", "base_lr", "pwr", "final_lr", "warmup_steps", "warmup_begin_lr", "warmup_mode"],
  create: (o) => PolyScheduler(o),
  preset: { anchor: "mxnet" },
});
