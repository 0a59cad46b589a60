import { add, div, eq, ge, gt, mul, sub } from "./arithmetic.js";
import { checkFactorRange } from "./factorRange.js";
import type { Optimizer } from "./optimizer.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link ConstantLR}. */
export interface ConstantLRKwargs extends SchedulerKwargs {
  /** The factor applied until `total_iters`, in [0, 1]. Defaults to 1/3. */
  factor?: number;
  /** Steps during which the factor applies. Defaults to 5. */
  total_iters?: number;
}

/**
 * PyTorch's `ConstantLR`: the constructor's step multiplies each group's lr by `factor`, and the
 * step that reaches `total_iters` multiplies it by `1 / factor`; other steps leave the lr alone.
 *
 * Quirks kept: with `total_iters: 0` the factor is never undone; `factor: 0` is accepted and
 * raises ZeroDivisionError at `total_iters`. The closed form of `step(epoch)` is
 * `initial_lr * (factor + (epoch >= total_iters) * (1 - factor))`.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.factor - in [0, 1]. Defaults to 1/3.
 * @param kwargs.total_iters - Defaults to 5.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchValueError "Constant multiplicative factor expected to be between 0 and 1.".
 * @example
 * ```ts
 * const scheduler = new ConstantLR(optimizer, { factor: 0.5, total_iters: 4 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.ConstantLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`).
 */
export class ConstantLR extends LRScheduler {
  /** The factor until `total_iters`. */
  factor: number;
  /** Steps during which the factor applies. */
  total_iters: number;

  constructor(optimizer: Optimizer, kwargs: ConstantLRKwargs = {}) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "ConstantLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        factor: 1.0 / 3,
        total_iters: 5,
      }),
    );
    checkFactorRange(a.factor, "Constant");
    super(optimizer, a.last_epoch, a.verbose);
    this.factor = a.factor as number;
    this.total_iters = a.total_iters as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    if (eq(e, 0)) return this.groups.map((g) => mul(g.lr, this.factor));
    if (gt(e, this.total_iters) || !eq(e, this.total_iters)) return this.currentLrs();
    return this.groups.map((g) => mul(g.lr, div(1.0, this.factor, true)));
  }

  protected override closedFormLr(): number[] {
    const reached = ge(this.last_epoch, this.total_iters) ? 1 : 0;
    return this.base_lrs.map((base) => mul(base, add(this.factor, reached * sub(1, this.factor))));
  }

  protected ownState(): readonly string[] {
    return ["factor", "total_iters"];
  }
}
