// Anchor: huggingface/pytorch-image-models timm/scheduler/cosine_lr.py, CosineLRScheduler.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { timmCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cycleOrder, cyclesEnd, cycleShape, ensureFloor, timmCycles } from "./cycles.js";
import { lrParam, noiseShape, timmSchedule, warmupNoiseOrder, warmupShape } from "./scheduler.js";
import type { CosineLRSchedulerOptions } from "./options.generated.js";

export type { CosineLRSchedulerOptions };

const NAME = "timm.CosineLRScheduler";

const params = v.strictObject({
  lr: lrParam,
  t_initial: p.positive("The length of the first cycle; positive."),
  lr_min: v.optional(
    p.nonNegative("The lr at the end of every cycle and after the last; at most lr. Defaults to 0."),
    0,
  ),
  ...cycleShape,
  ...warmupShape(false),
  ...noiseShape,
  k_decay: v.optional(
    p.positive(
      "k-decay, positive: the phase is pi * t_curr^k / t_i^k; k > 1 holds the lr up longer. Defaults to 1.0.",
    ),
    1.0,
  ),
});

/**
 * timm's `CosineLRScheduler`: cosine annealing with warm restarts (SGDR), k-decay, warmup and noise.
 * In cycle `i` (length `t_i = t_initial * cycle_mul ** i`, `t_curr` steps into it) the lr is
 * `lr_min + 0.5 * (lr * cycle_decay ** i - lr_min) * (1 + cos(pi * t_curr ** k_decay / t_i ** k_decay))`,
 * and `lr_min` after `cycle_limit` cycles: the curve of the core `sgdr` with
 * `decayMode: "peak"`, but with the cycles located as timm locates them (see {@link timmCycles}:
 * its logarithm rounds a few exact restarts into the cycle before, where the core restarts).
 *
 * The warmup rises linearly from `warmup_lr_init` to `lr` over `warmup_t` steps. With
 * `warmup_prefix` false (timm's default) the cycles count from step 0, so the warmup covers their
 * first `warmup_t` steps and the lr jumps down to the cosine's value at `warmup_t` when it ends; with
 * `warmup_prefix` true they start after it. `schedule.horizon` is then timm's `get_cycle_length()`
 * (exact, where timm floors fractional cycle ends).
 *
 * Noise (`noise_range_t`) multiplies the lr by `1 + n`, `n` standard normal truncated to
 * `(-noise_pct, noise_pct)`, drawn from lrkit's seeded generator: deterministic per
 * `(noise_seed, t)` like timm's, but not torch's numbers. `noise_std` is unused, as in timm.
 *
 * @param options - timm's parameters: see {@link CosineLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `t_initial`, `lr_min > lr`, `cycle_mul < 1`, negative values.
 * @example
 * ```ts
 * const s = CosineLRScheduler({ lr: 0.1, t_initial: 10, warmup_t: 3, warmup_lr_init: 0.01 });
 * [s(0), s(2), s(3), s(10)]; // [0.01, 0.07, 0.0794 (the cosine at 3), 0]
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/cosine_lr.py`; Loshchilov & Hutter,
 *   "SGDR", ICLR 2017; Zhang et al., "k-decay", 2020.
 */
export function CosineLRScheduler(options: CosineLRSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensureFloor(NAME, o);
  const k = o.k_decay;
  const body = timmCycles(
    o,
    (lrMax, lrMin, tCurr, tI) =>
      lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * tCurr ** k) / tI ** k)),
  );
  return timmSchedule(NAME, options, o, { body, horizon: cyclesEnd(o) });
}

/** Registry entry of {@link CosineLRScheduler}. */
export const CosineLRSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "timm CosineLRScheduler: warmup, cosine cycles with restarts, k-decay and noise.",
  example: "timm.CosineLRScheduler(0.1, 50, 1e-4, warmup_t=5, warmup_lr_init=1e-4)",
  params,
  // Positional: timm's signature with `lr` for `optimizer`, without t_in_epochs and initialize.
  positional: ["lr", "t_initial", "lr_min", ...cycleOrder, ...warmupNoiseOrder, "k_decay"],
  create: (o) => CosineLRScheduler(o),
  preset: { anchor: "timm", native: { pytorch: (_, context) => timmCall(context) } },
});
