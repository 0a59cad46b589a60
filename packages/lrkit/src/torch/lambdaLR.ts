import type { Json } from "../schedule.js";
import { mul } from "./arithmetic.js";
import { raise } from "./errors.js";
import { compileLambda, lambdasPerGroup, type CompiledLambda, type LrLambda } from "./lambdas.js";
import type { Optimizer } from "./optimizer.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";

/** Keyword arguments of {@link LambdaLR}. */
export interface LambdaLRKwargs extends SchedulerKwargs {
  /** A factor of the epoch, `lr = initial_lr * lr_lambda(epoch)`, or one per parameter group. */
  lr_lambda: LrLambda | readonly LrLambda[];
}

/**
 * Saves formulas as their text and functions as `null` (PyTorch saves `None` for a function).
 *
 * @throws TorchAttributeError for a lambda that is not callable, as PyTorch's `state_dict()` does.
 */
export function saveLambdas(lambdas: readonly CompiledLambda[]): Json {
  return lambdas.map((l) => {
    if (l.notCallable) raise("AttributeError", `'${l.notCallable}' object has no attribute '__dict__'`);
    return l.source;
  });
}

/** The inverse of {@link saveLambdas}: a `null` entry keeps the current lambda (as PyTorch does). */
export function loadLambdas(current: readonly CompiledLambda[], saved: Json): CompiledLambda[] {
  const entries = Array.isArray(saved) ? (saved as readonly Json[]) : [];
  return current.map((l, i) => (typeof entries[i] === "string" ? compileLambda(entries[i], "epoch") : l));
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
 * @see PyTorch 1.13.1 `torch.optim.lr_scheduler.LambdaLR`; core `formula` gives the same values
 *   as a pure schedule.
 */
export class LambdaLR extends LRScheduler {
  /** One lambda per group. */
  lr_lambdas: CompiledLambda[];

  constructor(optimizer: Optimizer, kwargs: LambdaLRKwargs) {
    const a = bindKwargs("LambdaLR.__init__", kwargs, {
      lr_lambda: REQUIRED,
      last_epoch: -1,
      verbose: false,
    });
    const lambdas = lambdasPerGroup(a.lr_lambda, optimizer);
    super(optimizer, a.last_epoch, a.verbose);
    this.lr_lambdas = lambdas;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    return this.base_lrs.map((base, i) => mul(base, this.lr_lambdas[i]!.call(this.last_epoch)));
  }

  protected ownState(): readonly string[] {
    return [];
  }

  protected override trailingState(): readonly string[] {
    return ["lr_lambdas"];
  }

  protected override saveEntry(key: string, value: unknown): Json {
    return key === "lr_lambdas" ? saveLambdas(this.lr_lambdas) : super.saveEntry(key, value);
  }

  protected override loadEntry(key: string, value: Json): unknown {
    return key === "lr_lambdas" ? loadLambdas(this.lr_lambdas, value) : super.loadEntry(key, value);
  }
}
