import { gt, mul } from "./arithmetic.js";
import { LambdaScheduler } from "./lambdaScheduler.js";
import type { LrLambda } from "./lambdas.js";
import type { Optimizer } from "./optimizer.js";
import type { SchedulerKwargs } from "./scheduler.js";

/** Keyword arguments of {@link MultiplicativeLR}. */
export interface MultiplicativeLRKwargs extends SchedulerKwargs {
  /** The factor applied at each step, a function of the epoch, or one per parameter group. */
  lr_lambda: LrLambda | readonly LrLambda[];
}

/**
 * PyTorch's `MultiplicativeLR`: every step multiplies each group's current lr by
 * `lr_lambda(epoch)`, `lr_t = lr_{t-1} * lr_lambda(t)` for `t > 0`.
 *
 * It has no closed form, so the deprecated `step(epoch)` multiplies once more with
 * `lr_lambda(epoch)`: `step(1)` called twice applies the factor twice. Lambdas are formula strings
 * (Python semantics) or functions, and formulas are saved in `state_dict()`.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.lr_lambda - a lambda or a list with one per group.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchValueError "Expected N lr_lambdas, but got M"; SyntaxError for a bad formula.
 * @example
 * ```ts
 * const scheduler = new MultiplicativeLR(optimizer, { lr_lambda: "0.95" });
 * scheduler.step(); // lr = 0.95 * lr
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.MultiplicativeLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`).
 */
export class MultiplicativeLR extends LambdaScheduler {
  constructor(optimizer: Optimizer, kwargs: MultiplicativeLRKwargs) {
    super("MultiplicativeLR", optimizer, kwargs, true);
  }

  protected chainableLr(): number[] {
    if (this.keepsLrNow(!gt(this.last_epoch, 0))) return this.currentLrs();
    return this.groups.map((g, i) => mul(g.lr, this.lr_lambdas[i]!.call(this.last_epoch)));
  }
}
