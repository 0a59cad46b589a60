/**
 * What `LambdaLR` and `MultiplicativeLR` share: one `lr_lambda` per parameter group, bound and
 * compiled at construction, and kept in the state after the base's entries, as PyTorch's
 * `lr_lambdas`.
 *
 * @module
 */
import type { Json } from "../schedule.js";
import { raise } from "./errors.js";
import { compileLambda, lambdasPerGroup, type CompiledLambda, type LrLambda } from "./lambdas.js";
import type { Optimizer } from "./optimizer.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/**
 * Saves formulas as their text and functions as `null` (PyTorch saves `None` for a function).
 *
 * @throws TorchAttributeError for a lambda that is not callable, as PyTorch's `state_dict()` does.
 */
function saveLambdas(lambdas: readonly CompiledLambda[]): Json {
  return lambdas.map((l) => {
    if (l.notCallable) raise("AttributeError", `'${l.notCallable}' object has no attribute '__dict__'`);
    return l.source;
  });
}

/** The inverse of {@link saveLambdas}: a `null` entry keeps the current lambda (as PyTorch does). */
function loadLambdas(current: readonly CompiledLambda[], saved: Json): CompiledLambda[] {
  const entries = Array.isArray(saved) ? (saved as readonly Json[]) : [];
  return current.map((l, i) => (typeof entries[i] === "string" ? compileLambda(entries[i], "epoch") : l));
}

/**
 * The base of the schedulers driven by `lr_lambda` (`LambdaLR`, `MultiplicativeLR`): binds
 * `(optimizer, lr_lambda, last_epoch=-1, verbose=False)`, compiles one lambda per group, takes the
 * constructor's step, and saves the lambdas in `state_dict()` as their formulas. A subclass only
 * implements `chainableLr()`.
 */
export abstract class LambdaScheduler extends LRScheduler {
  /** One lambda per group. */
  lr_lambdas: CompiledLambda[];

  /**
   * @param name - the class, as PyTorch's argument errors name it (`"LambdaLR"`).
   * @param optimizer - the optimizer.
   * @param kwargs - `lr_lambda` (required), `last_epoch` (defaults to -1), `verbose` (1.13.1 only).
   * @param onlyCallables - refuse a lambda that is not callable at construction, where the
   *   version does (2.x's MultiplicativeLR); otherwise it fails when called.
   * @throws TorchTypeError for a missing or unexpected argument (or a lambda that is not
   *   callable, see `onlyCallables`); TorchValueError "Expected N lr_lambdas, but got M";
   *   SyntaxError for a bad formula.
   */
  protected constructor(
    name: string,
    optimizer: Optimizer,
    kwargs: SchedulerKwargs & { lr_lambda: LrLambda | readonly LrLambda[] },
    onlyCallables = false,
  ) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      `${name}.__init__`,
      kwargs,
      schedulerSignature(torch, {
        lr_lambda: REQUIRED,
      }),
    );
    const lambdas = lambdasPerGroup(a.lr_lambda, optimizer);
    if (onlyCallables && torch.constructorChecks) {
      const bad = lambdas.find((l) => l.notCallable);
      if (bad) raise("TypeError", `lr_lambda should be a function, but got ${bad.notCallable}`);
    }
    super(optimizer, a.last_epoch, a.verbose);
    this.lr_lambdas = lambdas;
    this._initial_step();
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
