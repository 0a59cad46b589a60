import { eq, floordiv, mod, mul, pow } from "./arithmetic.js";
import type { Optimizer } from "./optimizer.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link StepLR}. */
export interface StepLRKwargs extends SchedulerKwargs {
  /** Steps between two decays. */
  step_size: number;
  /** The factor of every decay. Defaults to 0.1. */
  gamma?: number;
}

/**
 * PyTorch's `StepLR`: every `step_size` steps the lr of each group is multiplied by `gamma`
 * (chainable: `lr_t = lr_{t-1} * gamma` when `t % step_size == 0`).
 *
 * Its closed form, `initial_lr * gamma ** (t // step_size)`, is what `step(epoch)` jumps to and is
 * the core family `step({ lr, stepSize: step_size, gamma })`. Python's `%` and `//` are kept: a
 * negative `step_size` decays at its multiples, `step_size: 0` raises ZeroDivisionError at the
 * first step.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.step_size - the period of the decay.
 * @param kwargs.gamma - Defaults to 0.1.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchTypeError without `step_size`; ZeroDivisionError at the first step for `step_size: 0`.
 * @example
 * ```ts
 * const scheduler = new StepLR(optimizer, { step_size: 30, gamma: 0.1 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.StepLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `step`.
 */
export class StepLR extends LRScheduler {
  /** The period of the decay. */
  step_size: number;
  /** The factor of every decay. */
  gamma: number;

  constructor(optimizer: Optimizer, kwargs: StepLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "StepLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        step_size: REQUIRED,
        gamma: 0.1,
      }),
    );
    super(optimizer, a.last_epoch, a.verbose);
    this.step_size = a.step_size as number;
    this.gamma = a.gamma as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    if (eq(this.last_epoch, 0) || mod(this.last_epoch, this.step_size) !== 0) return this.currentLrs();
    return this.groups.map((g) => mul(g.lr, this.gamma));
  }

  protected override closedFormLr(): number[] {
    return this.base_lrs.map((base) => mul(base, pow(this.gamma, floordiv(this.last_epoch, this.step_size))));
  }

  protected ownState(): readonly string[] {
    return ["step_size", "gamma"];
  }
}
