// Anchor: huggingface/pytorch-image-models timm/scheduler/poly_lr.py, PolyLRScheduler.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { timmCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cycleOrder, cyclesEnd, cycleShape, ensureFloor, timmCycles } from "./cycles.js";
import { lrParam, noiseShape, timmSchedule, warmupNoiseOrder, warmupShape } from "./scheduler.js";
import type { PolyLRSchedulerOptions } from "./options.generated.js";

export type { PolyLRSchedulerOptions };

const NAME = "timm.PolyLRScheduler";

const params = v.strictObject({
  lr: lrParam,
  t_initial: p.positive("The length of the first cycle; positive."),
  power: v.optional(p.positive("The exponent of the decay; positive. Defaults to 0.5."), 0.5),
  lr_min: v.optional(
    p.nonNegative("The lr at the end of every cycle and after the last; at most lr. Defaults to 0."),
    0,
  ),
  ...cycleShape,
  ...warmupShape(false),
  ...noiseShape,
  k_decay: v.optional(
    p.positive("k-decay, positive: the decay uses t_curr^k / t_i^k. Defaults to 1.0."),
    1.0,
  ),
});

/**
 * timm's `PolyLRScheduler`: polynomial decay with restarts, k-decay, warmup and noise. In cycle `i`
 * (length `t_i = t_initial * cycle_mul ** i`, `t_curr` steps into it) the lr is
 * `lr_min + (lr * cycle_decay ** i - lr_min) * (1 - t_curr ** k_decay / t_i ** k_decay) ** power`,
 * and `lr_min` after `cycle_limit` cycles. The core {@link polynomial} has no k-decay and no floor
 * that stays when the peak decays, so the cycle shape is timm's own closed form.
 *
 * Warmup as in {@link CosineLRScheduler}: to `lr`, and without `warmup_prefix` (the default) the
 * cycles count from step 0. Noise as in {@link CosineLRScheduler}.
 *
 * @param options - timm's parameters: see {@link PolyLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `t_initial` or `power`, `lr_min > lr`, `cycle_mul < 1`.
 * @example
 * ```ts
 * const s = PolyLRScheduler({ lr: 0.1, t_initial: 100, lr_min: 1e-5 });
 * [s(0), s(50), s(100)]; // [0.1, 0.0707, 1e-5]
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/poly_lr.py`.
 */
export function PolyLRScheduler(options: PolyLRSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensureFloor(NAME, o);
  const { power, k_decay: k } = o;
  const body = timmCycles(
    o,
    (lrMax, lrMin, tCurr, tI) => lrMin + (lrMax - lrMin) * (1 - tCurr ** k / tI ** k) ** power,
  );
  return timmSchedule(NAME, options, o, { body, horizon: cyclesEnd(o) });
}

/** Registry entry of {@link PolyLRScheduler}. */
export const PolyLRSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "timm PolyLRScheduler: warmup, polynomial decay cycles with restarts, k-decay and noise.",
  example:
    "timm.PolyLRScheduler(0.1, 25, 0.5, 1e-4, cycle_limit=2, cycle_decay=0.5, warmup_t=5, warmup_prefix=True)",
  params,
  // Positional: timm's signature with `lr` for `optimizer`, without t_in_epochs and initialize.
  positional: ["lr", "t_initial", "power", "lr_min", ...cycleOrder, ...warmupNoiseOrder, "k_decay"],
  create: (o) => PolyLRScheduler(o),
  preset: { anchor: "timm", native: { pytorch: (_, context) => timmCall(context) } },
});
