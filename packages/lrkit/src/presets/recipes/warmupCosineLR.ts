// Anchor: the blog post "PyTorch 學習率衰減自定義" (shared/seeds/warmup-cosine-custom-scheduler.txt):
// class WarmupCosineLR(lr_scheduler._LRScheduler), its get_lr.
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import { cosine } from "../../families/cosine.js";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { WarmupCosineLROptions } from "./options.generated.js";

export type { WarmupCosineLROptions };

const NAME = "recipes.WarmupCosineLR";

const params = v.strictObject({
  lr_min: p.nonNegative(
    "The lr at T_max, where the cosine ends (and where the warmup line starts); at most lr_max.",
  ),
  lr_max: p.nonNegative("The peak lr, at the end of the warmup."),
  warm_up: v.optional(
    p.nonNegativeInt(
      "The warmup length in epochs (or iterations), a non-negative integer; 0 for none. Defaults to 0.",
    ),
    0,
  ),
  T_max: v.optional(
    p.positiveInt(
      "The epoch at which the cosine reaches lr_min, warmup included; an integer greater than warm_up (the blog divides by zero at T_max == warm_up). Defaults to 10.",
    ),
    10,
  ),
  start_ratio: v.optional(
    p.unit(
      "Epoch 0's place on the warmup line, as a fraction of the first epoch (0 gives lr_min); in [0, 1] (the blog accepts any number; above 1, epoch 0 would exceed epoch 1). Defaults to 0.1.",
    ),
    0.1,
  ),
});

/**
 * The blog's `WarmupCosineLR`, a PyTorch `_LRScheduler` that sets the lr itself (not a multiplier).
 * With `w = warm_up`, `T = T_max` and epoch `t`:
 * - `w = 0` and `t = 0`: `lr_max`;
 * - `w > 0` and `t <= w`: `lr_min + (lr_max - lr_min) * t / w`, except at `t = 0`, where `t` is
 *   replaced by `start_ratio` (the blog's fix for the near-zero first epoch of its LambdaLR version);
 * - otherwise: `lr_min + (lr_max - lr_min) * 0.5 * (cos(pi * (t - w) / (T - w)) + 1)`, which past `T`
 *   rises again (periodic, as `np.cos` goes on).
 *
 * A {@link warmup} from `lr_min` of a periodic {@link cosine} over `T - w` epochs, evaluated at
 * `start_ratio` for epoch 0.
 *
 * @param options - the blog's parameters: see {@link WarmupCosineLROptions} for each one's meaning and default.
 * @throws RangeError for `lr_min > lr_max`, `T_max <= warm_up`, a `start_ratio` outside [0, 1] or
 *   negative values; TypeError for a missing `lr_min` or `lr_max`.
 * @example
 * ```ts
 * const s = WarmupCosineLR({ lr_min: 1e-9, lr_max: 1e-3, warm_up: 5, T_max: 100, start_ratio: 0.1 });
 * [s(0), s(1), s(5), s(100), s(195)]; // [2.0000098e-5, 2.000008e-4, 1e-3, 1e-9, 1e-3]
 * ```
 * @see shared/seeds/warmup-cosine-custom-scheduler.txt (a PyTorch blog post on custom warmup + cosine
 *   schedulers).
 */
export function WarmupCosineLR(options: WarmupCosineLROptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensure(o.lr_min <= o.lr_max, NAME, "lr_min", `must not exceed lr_max (${o.lr_max})`, o.lr_min);
  ensure(o.T_max > o.warm_up, NAME, "T_max", `must be greater than warm_up (${o.warm_up})`, o.T_max);
  const decay = cosine({ lr: o.lr_max, steps: o.T_max - o.warm_up, minLr: o.lr_min, after: "periodic" });
  const inner = warmup(decay, { steps: o.warm_up, from: o.lr_min, mode: "linear" });
  // Epoch 0 is the only one the blog special-cases: lr_max without warmup, else start_ratio along
  // the warmup line (start_ratio <= 1 <= warm_up keeps it on the line).
  const first = o.warm_up === 0 ? o.lr_max : inner(o.start_ratio);
  return define((t) => (t === 0 ? first : inner(t)), specOf(NAME, options), { horizon: inner.horizon });
}

/** Registry entry of {@link WarmupCosineLR}. */
export const WarmupCosineLRFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Blog WarmupCosineLR: linear warmup from lr_min (epoch 0 at start_ratio), periodic cosine after.",
  example: "recipes.WarmupCosineLR(lr_min=1e-9, lr_max=0.001, warm_up=5, T_max=100)",
  params,
  positional: ["lr_min", "lr_max", "warm_up", "T_max", "start_ratio"],
  create: (o) => WarmupCosineLR(o),
  preset: { anchor: "recipes" },
});
