// Anchor: the blog post "PyTorch 學習率衰減自定義" (shared/seeds/warmup-cosine-custom-scheduler.txt):
// def warm_up_cosine_lr_scheduler, a LambdaLR (or a CosineAnnealingLR without warmup).
import * as v from "valibot";
import { cosine } from "../../families/cosine.js";
import { linear } from "../../families/linear.js";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { WarmUpCosineLrSchedulerOptions } from "./options.generated.js";

export type { WarmUpCosineLrSchedulerOptions };

const NAME = "recipes.warm_up_cosine_lr_scheduler";

const params = v.strictObject({
  lr: p.nonNegative("The optimizer's lr, which the LambdaLR multiplier scales."),
  epochs: v.optional(
    p.positiveInt(
      "The total number of epochs, an integer, warmup included; the cosine reaches 0 there. Defaults to 100.",
    ),
    100,
  ),
  warm_up_epochs: v.optional(
    p.nonNegativeInt(
      "The warmup length in epochs, a non-negative integer less than epochs (the blog divides by zero at epochs); 0 gives CosineAnnealingLR(T_max=epochs, eta_min). Defaults to 5.",
    ),
    5,
  ),
  eta_min: v.optional(
    p.nonNegative(
      "Added to the warmup multiplier (so epoch 0 gets lr * eta_min); the floor of the cosine only without warmup, and then at most lr. Non-negative. Defaults to 1e-9.",
    ),
    1e-9,
  ),
});

/**
 * The blog's `warm_up_cosine_lr_scheduler`, a LambdaLR whose multiplier scales the optimizer's `lr`.
 * With `w = warm_up_epochs`, `E = epochs` and epoch `t`:
 * - `t <= w`: `lr * (eta_min + t / w)`;
 * - `t > w`: `lr * 0.5 * (cos(pi * (t - w) / (E - w)) + 1)`, down to 0 at `E`, rising again after
 *   (periodic, as `np.cos` goes on);
 * - with `w = 0`, PyTorch's `CosineAnnealingLR(T_max=E, eta_min)`: the closed form
 *   `eta_min + (lr - eta_min) * (1 + cos(pi * t / E)) / 2`, periodic past `E` (PyTorch's recursive
 *   form equals it to rounding).
 *
 * Quirks kept, which the blog's WarmupCosineLR exists to show: epoch 0 gets `lr * eta_min` (about
 * `1e-9 * lr`: the first epoch barely trains), the warmup peaks at `lr * (1 + eta_min)` at `t = w`,
 * and `eta_min` is a multiplier offset with warmup but an absolute floor without it. The core
 * {@link linear} ramp held through epoch `w` inclusive, then the core periodic {@link cosine} counted
 * from `w`, times `lr`.
 *
 * @param options - the blog's parameters: see {@link WarmUpCosineLrSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for `warm_up_epochs >= epochs`, a negative value, or `eta_min > lr` without
 *   warmup; TypeError for a missing `lr`.
 * @example
 * ```ts
 * const s = warm_up_cosine_lr_scheduler({ lr: 1e-4, warm_up_epochs: 30 }); // the blog's settings
 * [s(0), s(30), s(100)]; // [1e-13, 1.0000000001e-4, 0]
 * ```
 * @see shared/seeds/warmup-cosine-custom-scheduler.txt (a PyTorch blog post on custom warmup + cosine
 *   schedulers); PyTorch `torch.optim.lr_scheduler.LambdaLR` and `CosineAnnealingLR`.
 */
export function warm_up_cosine_lr_scheduler(options: WarmUpCosineLrSchedulerOptions): Schedule {
  const { lr, epochs, warm_up_epochs: w, eta_min } = parseParams(NAME, params, options);
  ensure(w < epochs, NAME, "warm_up_epochs", `must be less than epochs (${epochs})`, w);
  if (w === 0) {
    ensure(eta_min <= lr, NAME, "eta_min", `must not exceed lr (${lr}) without warmup`, eta_min);
    const annealing = cosine({ lr, steps: epochs, minLr: eta_min, after: "periodic" });
    return define((t) => annealing(t), specOf(NAME, options), { horizon: epochs });
  }
  const ramp = linear({ from: eta_min, to: eta_min + 1, steps: w });
  const decay = cosine({ lr: 1, steps: epochs - w, after: "periodic" });
  // The lambda's `epoch <= warm_up_epochs`: the ramp owns epoch w, the cosine starts one epoch later.
  return define((t) => lr * (t <= w ? ramp(t) : decay(t - w)), specOf(NAME, options), {
    horizon: epochs,
  });
}

/** Registry entry of {@link warm_up_cosine_lr_scheduler}. */
export const warmUpCosineLrSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Blog warm_up_cosine_lr_scheduler: lr * (eta_min + t / w) warmup, then lr * cosine to 0.",
  example: "recipes.warm_up_cosine_lr_scheduler(lr=0.0001, epochs=100, warm_up_epochs=30)",
  params,
  positional: ["lr", "epochs", "warm_up_epochs", "eta_min"],
  create: (o) => warm_up_cosine_lr_scheduler(o),
  preset: { anchor: "recipes" },
});
