// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, class FactorScheduler.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, specOf, type Schedule, relabel } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { baseLr, checkWarmup, integer, warmupShape, withWarmup } from "./lrScheduler.js";
import { loopDecay } from "./loopDecay.js";
import type { FactorSchedulerOptions } from "./options.generated.js";

export type { FactorSchedulerOptions };

const NAME = "mxnet.FactorScheduler";

/** MXNet's `factor` check, shared with MultiFactorScheduler. */
export const reducingFactor = () =>
  v.pipe(
    p.positive(),
    v.check((x) => x <= 1, "must be no more than 1 to make lr reduce"),
  );

const params = v.strictObject({
  step: v.pipe(
    integer(),
    v.check((x) => x >= 1, "must be at least 1"),
    v.description(
      "Updates between two decays; the first decay is at update step + 1. An integer >= 1 (MXNet accepts a float >= 1; lrkit requires an integer, as its docstring says).",
    ),
  ),
  factor: v.optional(
    v.pipe(reducingFactor(), v.description("The factor applied at each decay, in (0, 1]. Defaults to 1.")),
    1,
  ),
  stop_factor_lr: v.optional(p.nonNegative("The floor a decay never goes below. Defaults to 1e-8."), 1e-8),
  base_lr: baseLr(),
  ...warmupShape,
});

/**
 * MXNet's `FactorScheduler`. Its docstring says `base_lr * factor ** floor(t / step)`, but its loop
 * `while num_update > count + step` decays only once `t` exceeds a multiple of `step`: the lr at
 * update `t` is `base_lr` for `t <= step`, then `max(stop_factor_lr, base_lr * factor ** k)` with
 * `k = ceil(t / step) - 1` decays (`step = 10`: the first decay is at update 11).
 *
 * Quirks kept: the lr is multiplied by `factor` once per decay, as MXNet's `base_lr *= factor` does
 * (see {@link loopDecay}; `base_lr * factor ** k` is an ulp or more away after a few decays). The
 * floor applies only when a decay happens, so a `base_lr` below `stop_factor_lr` is returned as is
 * until update `step`, then jumps up to the floor. The warmup (`t < warmup_steps`) does not shift
 * the decay's clock: at its end the lr catches up on every decay that fell inside it.
 *
 * @param options - MXNet's parameters: see {@link FactorSchedulerOptions} for each one's meaning and default.
 * @throws RangeError where MXNet raises ValueError (`step < 1`, `factor > 1`, `warmup_steps < 0`,
 *   `warmup_begin_lr > base_lr`, an unknown `warmup_mode`) and for a non-positive factor or a negative
 *   lr; TypeError where it asserts an int (`warmup_steps`, and here `step`).
 * @example
 * ```ts
 * const s = FactorScheduler({ step: 10, factor: 0.5, base_lr: 0.1 });
 * [s(10), s(11), s(21)]; // [0.1, 0.05, 0.025]
 * ```
 * @see apache/mxnet `python/mxnet/lr_scheduler.py`.
 */
export function FactorScheduler(options: FactorSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  checkWarmup(NAME, o);
  const { step, base_lr } = o;
  const decayed = loopDecay(base_lr, o.factor, o.stop_factor_lr);
  // floor((ceil(t) - 1) / step) = ceil(t / step) - 1 for an integer step: MXNet's count of decays.
  const counted = define(
    (t) => (t <= step ? base_lr : decayed(Math.floor((Math.ceil(t) - 1) / step))),
    specOf(NAME, { ...options, warmup_steps: 0 }),
  );
  const inner = withWarmup(counted, o, "shared");
  return relabel(inner, specOf(NAME, options), {});
}

/** Registry entry of {@link FactorScheduler}. */
export const FactorSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "MXNet FactorScheduler: multiply by factor after every step updates, down to stop_factor_lr.",
  example: "mxnet.FactorScheduler(step=10, factor=0.5, base_lr=0.1)",
  params,
  positional: [
    "step",
    "factor",
    "stop_factor_lr",
    "base_lr",
    "warmup_steps",
    "warmup_begin_lr",
    "warmup_mode",
  ],
  create: (o) => FactorScheduler(o),
  preset: { anchor: "mxnet" },
});
