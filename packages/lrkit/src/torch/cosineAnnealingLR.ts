import { cos, div, gt, mod, num, sub } from "./arithmetic.js";
import type { Optimizer } from "./optimizer.js";
import { isInt } from "./python.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLRKwargs extends SchedulerKwargs {
  /** Steps from the initial lr down to `eta_min` (half a period). */
  T_max: number;
  /** The lowest lr. Defaults to 0. */
  eta_min?: number;
}

/**
 * PyTorch's `CosineAnnealingLR`, in its recursive form: with `T = T_max`,
 * `lr_t = (1 + cos(pi t / T)) / (1 + cos(pi (t - 1) / T)) * (lr_{t-1} - eta_min) + eta_min`,
 * except when `(t - 1 - T) % (2 T) == 0`, where it adds
 * `(initial_lr - eta_min) * (1 - cos(pi / T)) / 2`. Past `T_max` it keeps oscillating with period
 * `2 T_max`; combined with other schedulers the added term is not scaled by them.
 *
 * Within `T_max` (and alone) it equals the core `cosine({ lr, steps: T_max, minLr: eta_min,
 * after: "periodic" })` up to rounding; that closed form is also what `step(epoch)` and a
 * construction with `last_epoch >= 0` use.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.T_max - half the period.
 * @param kwargs.eta_min - Defaults to 0.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws ZeroDivisionError at the first step with `T_max: 0`, as in PyTorch.
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingLR(optimizer, { T_max: 100, eta_min: 1e-4 });
 * ```
 * @see Loshchilov & Hutter, "SGDR", ICLR 2017; PyTorch 1.13.1
 *   `torch.optim.lr_scheduler.CosineAnnealingLR`; core `cosine`.
 */
export class CosineAnnealingLR extends LRScheduler {
  /** Half the period. */
  T_max: number;
  /** The lowest lr. */
  eta_min: number;

  constructor(optimizer: Optimizer, kwargs: CosineAnnealingLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "CosineAnnealingLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        T_max: REQUIRED,
        eta_min: 0,
      }),
    );
    super(optimizer, a.last_epoch, a.verbose);
    this.T_max = a.T_max as number;
    this.eta_min = a.eta_min as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    const T = this.T_max;
    if (this.keepsLrNow()) return this.currentLrs();
    if (this._step_count === 1 && gt(e, 0)) {
      const eta = num(this.eta_min, "-");
      const c = cos(div(e * Math.PI, T, true));
      return this.base_lrs.map((base) => eta + ((base - eta) * (1 + c)) / 2);
    }
    const Ti = num(T, "-", "int");
    if (mod(sub(sub(e, 1), T), 2 * Ti, !(isInt(e) && isInt(T))) === 0) {
      const eta = num(this.eta_min, "-");
      const bump = 1 - cos(div(Math.PI, T, true));
      return this.groups.map((g, i) => g.lr + ((this.base_lrs[i]! - eta) * bump) / 2);
    }
    const ratio = div(1 + cos(div(Math.PI * e, T, true)), 1 + cos(div(Math.PI * (e - 1), T, true)), true);
    const eta = num(this.eta_min, "-");
    return this.groups.map((g) => ratio * (g.lr - eta) + eta);
  }

  protected override closedFormLr(): number[] {
    const eta = num(this.eta_min, "-");
    const c = cos(div(Math.PI * this.last_epoch, this.T_max, true));
    return this.base_lrs.map((base) => eta + ((base - eta) * (1 + c)) / 2);
  }

  protected ownState(): readonly string[] {
    return ["T_max", "eta_min"];
  }
}
