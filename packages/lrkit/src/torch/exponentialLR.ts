import { mul, pow } from "./arithmetic.js";
import type { Optimizer } from "./optimizer.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link ExponentialLR}. */
export interface ExponentialLRKwargs extends SchedulerKwargs {
  /** The factor applied at every step. */
  gamma: number;
}

/**
 * PyTorch's `ExponentialLR`: every step multiplies each group's lr by `gamma`
 * (`lr_t = lr_{t-1} * gamma`); the constructor's step does not multiply.
 *
 * Its closed form `initial_lr * gamma ** t` (what `step(epoch)` uses) is the core family
 * `exponential({ lr, gamma })`; the chainable product differs from it by rounding only.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.gamma - the factor per step.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchTypeError without `gamma`.
 * @example
 * ```ts
 * const scheduler = new ExponentialLR(optimizer, { gamma: 0.9 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.ExponentialLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `exponential`.
 */
export class ExponentialLR extends LRScheduler {
  /** The factor per step. */
  gamma: number;

  constructor(optimizer: Optimizer, kwargs: ExponentialLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "ExponentialLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        gamma: REQUIRED,
      }),
    );
    super(optimizer, a.last_epoch, a.verbose);
    this.gamma = a.gamma as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    if (this.keepsLrNow()) return this.currentLrs();
    return this.groups.map((g) => mul(g.lr, this.gamma));
  }

  protected override closedFormLr(): number[] {
    return this.base_lrs.map((base) => mul(base, pow(this.gamma, this.last_epoch)));
  }

  protected ownState(): readonly string[] {
    return ["gamma"];
  }
}
