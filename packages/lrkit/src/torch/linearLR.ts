import { add, div, eq, gt, le, lt, min2, mul, sub } from "./arithmetic.js";
import { raise } from "./errors.js";
import { checkFactorRange } from "./factorRange.js";
import type { Optimizer } from "./optimizer.js";
import { float, isInt } from "./python.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link LinearLR}. */
export interface LinearLRKwargs extends SchedulerKwargs {
  /** The factor at step 0, in [0, 1]. Defaults to 1/3. */
  start_factor?: number;
  /** The factor from `total_iters` on, in [0, 1]. Defaults to 1. */
  end_factor?: number;
  /** Steps of the ramp. Defaults to 5. */
  total_iters?: number;
}

/**
 * PyTorch's `LinearLR`: the factor of the lr moves linearly from `start_factor` to `end_factor`
 * over `total_iters` steps, in PyTorch's chainable form
 * `lr_t = lr_{t-1} * (1 + (end - start) / (total_iters * start + (t - 1) * (end - start)))`.
 *
 * Its closed form (used by `step(epoch)`),
 * `initial_lr * (start + (end - start) * min(total_iters, t) / total_iters)`, is the core
 * `linear({ from: lr * start, to: lr * end, steps: total_iters })` up to rounding.
 * `start_factor: 0` is accepted and raises ZeroDivisionError at the first step, as in PyTorch.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.start_factor - Defaults to 1/3.
 * @param kwargs.end_factor - Defaults to 1.
 * @param kwargs.total_iters - Defaults to 5.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchValueError "Starting (Ending) multiplicative factor expected to be between 0 and 1.".
 * @example
 * ```ts
 * const scheduler = new LinearLR(optimizer, { start_factor: 0.5, total_iters: 4 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.LinearLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `linear`.
 */
export class LinearLR extends LRScheduler {
  /** The factor at step 0. */
  start_factor: number;
  /** The factor at the end. */
  end_factor: number;
  /** Steps of the ramp. */
  total_iters: number;

  constructor(optimizer: Optimizer, kwargs: LinearLRKwargs = {}) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "LinearLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        start_factor: 1.0 / 3,
        end_factor: 1.0,
        total_iters: 5,
      }),
    );
    // 2.x also refuses 0, which 1.13.1 let through to a ZeroDivisionError at the first step.
    const low = torch.constructorChecks ? le(a.start_factor, 0) : lt(a.start_factor, 0);
    if (gt(a.start_factor, float(1.0)) || low) raise("ValueError", torch.messages.startFactor);
    checkFactorRange(a.end_factor, "Ending");
    super(optimizer, a.last_epoch, a.verbose);
    this.start_factor = a.start_factor as number;
    this.end_factor = a.end_factor as number;
    this.total_iters = a.total_iters as number;
    // The default end_factor is the float 1.0: it only decides a ZeroDivisionError's wording.
    this.intFactors = isInt(a.start_factor) && isInt(a.end_factor) && kwargs.end_factor !== undefined;
    this._initial_step();
  }

  /** Whether both factors are Python ints. */
  private readonly intFactors: boolean;

  /** True when Python computes on ints only (it decides a ZeroDivisionError's message). */
  private onInts(...values: unknown[]): boolean {
    return this.intFactors && values.every(isInt);
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    const { start_factor: start, end_factor: end, total_iters: total } = this;
    if (eq(e, 0)) return this.groups.map((g) => mul(g.lr, start));
    if (this._is_initial || gt(e, total)) return this.currentLrs();
    const slope = sub(end, start);
    const factor = 1 + div(slope, add(mul(total, start), mul(sub(e, 1), slope)), !this.onInts(total, e));
    return this.groups.map((g) => g.lr * factor);
  }

  protected override closedFormLr(): number[] {
    const { start_factor: start, end_factor: end, total_iters: total } = this;
    const done = min2(total, this.last_epoch);
    const progress = div(mul(sub(end, start), done), total, !this.onInts(total, done));
    return this.base_lrs.map((base) => mul(base, add(start, progress)));
  }

  protected ownState(): readonly string[] {
    return ["start_factor", "end_factor", "total_iters"];
  }
}
