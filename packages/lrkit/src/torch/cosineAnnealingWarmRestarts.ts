import { add, cos, div, eq, floor, ge, int, le, log, lt, mod, mul, num, pow } from "./arithmetic.js";
import { raise } from "./errors.js";
import type { Optimizer } from "./optimizer.js";
import { isInt, str, typeName } from "./python.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsKwargs extends SchedulerKwargs {
  /** The length of the first cycle; a positive integer. */
  T_0: number;
  /** Each cycle is `T_mult` times longer than the previous; an integer >= 1. Defaults to 1. */
  T_mult?: number;
  /** The lowest lr. Defaults to 0. */
  eta_min?: number;
}

/**
 * PyTorch's `CosineAnnealingWarmRestarts` (SGDR): within a cycle of length `T_i`, after `T_cur`
 * steps, `lr = eta_min + (initial_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2`; at the end of
 * a cycle `T_cur` restarts from 0 and `T_i` is multiplied by `T_mult`. It equals the core
 * `sgdr({ lr, period: T_0, periodMult: T_mult, minLr: eta_min })` at integer steps.
 *
 * `step(epoch)` accepts fractional epochs (`step(epoch + i / iters)` every batch): `T_cur` becomes
 * fractional and `last_epoch = floor(epoch)`; the cycle is found with PyTorch's
 * `int(log(epoch / T_0 * (T_mult - 1) + 1, T_mult))`. After `step(26)`, `step()` continues at 27.
 * Unlike the other schedulers, `step(epoch)` here does not warn, and an error while computing the
 * lr (say, a string `eta_min`) is swallowed, leaving the lr unchanged: PyTorch 1.13.1's context
 * manager in this `step` suppresses it.
 *
 * @param optimizer - the optimizer.
 * @param kwargs.T_0 - a positive integer.
 * @param kwargs.T_mult - an integer >= 1. Defaults to 1.
 * @param kwargs.eta_min - Defaults to 0.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchValueError "Expected positive integer T_0, but got ...", "Expected integer T_mult
 *   >= 1, but got ...", and from `step(epoch)` "Expected non-negative epoch, but got ...".
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 10, T_mult: 2 });
 * ```
 * @see Loshchilov & Hutter, "SGDR", ICLR 2017; PyTorch 1.13.1
 *   `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts`; core `sgdr`.
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  /** The first cycle's length. */
  T_0: number;
  /** The current cycle's length. */
  T_i: number;
  /** The growth of the cycles. */
  T_mult: number;
  /** The lowest lr. */
  eta_min: number;
  /** Steps (possibly fractional) into the current cycle. */
  T_cur: number;

  constructor(optimizer: Optimizer, kwargs: CosineAnnealingWarmRestartsKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "CosineAnnealingWarmRestarts.__init__",
      kwargs,
      schedulerSignature(torch, {
        T_0: REQUIRED,
        T_mult: 1,
        eta_min: 0,
      }),
    );
    if (le(a.T_0, 0) || !isInt(a.T_0))
      raise("ValueError", `Expected positive integer T_0, but got ${str(a.T_0)}`);
    if (lt(a.T_mult, 1) || !isInt(a.T_mult)) {
      raise("ValueError", `Expected integer T_mult >= 1, but got ${str(a.T_mult)}`);
    }
    if (torch.constructorChecks && !["int", "float", "bool"].includes(typeName(a.eta_min))) {
      raise(
        "ValueError",
        `Expected float or int eta_min, but got ${str(a.eta_min)} of type <class '${typeName(a.eta_min)}'>`,
      );
    }
    super(optimizer, a.last_epoch, a.verbose);
    this.T_0 = a.T_0 as number; // as given (PyTorch keeps True for T_0=True)
    this.T_i = this.T_0;
    this.T_mult = a.T_mult as number;
    this.eta_min = a.eta_min as number;
    this.T_cur = a.last_epoch as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    const eta = num(this.eta_min, "-");
    const c = cos(div(Math.PI * this.T_cur, this.T_i, true));
    return this.base_lrs.map((base) => eta + ((base - eta) * (1 + c)) / 2);
  }

  /**
   * Advances to `last_epoch + 1`, or to `epoch` (fractional allowed) when given.
   *
   * @throws TorchValueError for a negative `epoch`.
   */
  override step(epoch?: number | null): void {
    if ((epoch === undefined || epoch === null) && lt(this.last_epoch, 0)) epoch = 0;
    if (epoch === undefined || epoch === null) {
      epoch = add(this.last_epoch, 1);
      this.T_cur = add(this.T_cur, 1);
      if (ge(this.T_cur, this.T_i)) {
        this.T_cur = this.torch.warmRestartsModulo ? mod(this.T_cur, this.T_i) : this.T_cur - this.T_i;
        this.T_i = this.T_i * this.T_mult;
      }
    } else {
      if (lt(epoch, 0)) raise("ValueError", `Expected non-negative epoch, but got ${str(epoch)}`);
      if (ge(epoch, this.T_0)) {
        if (eq(this.T_mult, 1)) {
          this.T_cur = mod(epoch, this.T_0);
        } else {
          const m = this.T_mult;
          const n = int(log(div(epoch, this.T_0, true) * (m - 1) + 1, m));
          this.T_cur = epoch - (this.T_0 * (pow(m, n) - 1)) / (m - 1);
          this.T_i = mul(this.T_0, pow(m, n));
        }
      } else {
        this.T_i = this.T_0;
        this.T_cur = epoch;
      }
    }
    this.last_epoch = floor(epoch);
    this._get_lr_called_within_step = true;
    try {
      this.applyLrs(this.get_lr(), epoch);
    } catch (e) {
      // PyTorch 1.13.1 swallows it: the context manager around this block returns a truthy
      // value from __exit__. The groups keep their lr; _last_lr is still updated.
      if (!this.torch.warmRestartsSwallowErrors) throw e;
      this._last_lr = this.currentLrs();
    } finally {
      this._get_lr_called_within_step = false;
    }
  }

  protected ownState(): readonly string[] {
    return ["T_0", "T_i", "T_mult", "eta_min", "T_cur"];
  }
}
