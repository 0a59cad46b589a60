import { div, gt, min2, mul, pow, sub } from "./arithmetic.js";
import type { Optimizer } from "./optimizer.js";
import { isInt } from "./python.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link PolynomialLR}. */
export interface PolynomialLRKwargs extends SchedulerKwargs {
  /** Steps of the decay. Defaults to 5. */
  total_iters?: number;
  /** The exponent of the decay. Defaults to 1. */
  power?: number;
}

/**
 * PyTorch's `PolynomialLR`: the lr decays to exactly 0 at `total_iters` and stays there, in the
 * chainable form `lr_t = lr_{t-1} * ((1 - t / T) / (1 - (t - 1) / T)) ** power`.
 *
 * Its closed form (used by `step(epoch)`), `initial_lr * (1 - min(T, t) / T) ** power`, is the
 * core `polynomial({ lr, steps: total_iters, power })` (with `endLr` 0).
 *
 * @param optimizer - the optimizer.
 * @param kwargs.total_iters - Defaults to 5.
 * @param kwargs.power - Defaults to 1.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws ZeroDivisionError from `step(epoch)` with `total_iters: 0`, as in PyTorch.
 * @example
 * ```ts
 * const scheduler = new PolynomialLR(optimizer, { total_iters: 4, power: 1.0 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.PolynomialLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `polynomial`.
 */
export class PolynomialLR extends LRScheduler {
  /** Steps of the decay. */
  total_iters: number;
  /** The exponent. */
  power: number;

  constructor(optimizer: Optimizer, kwargs: PolynomialLRKwargs = {}) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "PolynomialLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        total_iters: 5,
        power: 1.0,
      }),
    );
    super(optimizer, a.last_epoch, a.verbose);
    this.total_iters = a.total_iters as number;
    this.power = a.power as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    const T = this.total_iters;
    if (this.keepsLrNow() || gt(e, T)) return this.currentLrs();
    const decay = pow(div(1.0 - div(e, T), 1.0 - div(sub(e, 1), T), true), this.power);
    return this.groups.map((g) => mul(g.lr, decay));
  }

  protected override closedFormLr(): number[] {
    const T = this.total_iters;
    const done = min2(T, this.last_epoch);
    const remaining = 1.0 - div(done, T, !(isInt(done) && isInt(T)));
    return this.base_lrs.map((base) => mul(base, pow(remaining, this.power)));
  }

  protected ownState(): readonly string[] {
    return ["total_iters", "power"];
  }
}
