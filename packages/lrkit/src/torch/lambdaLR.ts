import { mul } from "./arithmetic.js";
import { LambdaScheduler } from "./lambdaScheduler.js";
import type { LrLambda } from "./lambdas.js";
import type { Optimizer } from "./optimizer.js";
import type { SchedulerKwargs } from "./scheduler.js";

/** Keyword arguments of {@link LambdaLR}. */
export interface LambdaLRKwargs extends SchedulerKwargs {
  /** A factor of the epoch, `lr = initial_lr * lr_lambda(epoch)`, or one per parameter group. */
  lr_lambda: LrLambda | readonly LrLambda[];
}

/**
 * PyTorch's `LambdaLR`: every group's lr is its `initial_lr` times `lr_lambda(epoch)`,
 * `lr = initial_lr * lr_lambda(last_epoch)`, the same in the chainable and the closed form.
 *
 * The lambda is a formula string (`"0.95 ** epoch"`, `"min(1.0, (epoch + 1) / 10)"`) evaluated
 * with Python's semantics (so `"1 / epoch"` raises `ZeroDivisionError` at construction, as in
 * PyTorch), or a function. Formulas are saved in `state_dict()`, which PyTorch cannot do.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.lr_lambda - a lambda or a list with one per group.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchValueError "Expected N lr_lambdas, but got M"; SyntaxError for a bad formula;
 *   the lambda's Python error (e.g. ZeroDivisionError) at the step that evaluates it.
 * @example
 * ```ts
 * const scheduler = new LambdaLR(optimizer, { lr_lambda: "0.95 ** epoch" });
 * scheduler.step(); // lr = 0.95 * initial_lr
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.LambdaLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `formula` gives the same values
 *   as a pure schedule.
 */
export class LambdaLR extends LambdaScheduler {
  constructor(optimizer: Optimizer, kwargs: LambdaLRKwargs) {
    super("LambdaLR", optimizer, kwargs);
  }

  protected chainableLr(): number[] {
    return this.base_lrs.map((base, i) => mul(base, this.lr_lambdas[i]!.call(this.last_epoch)));
  }
}
