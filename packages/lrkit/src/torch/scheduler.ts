/**
 * The shared base of the PyTorch-compatible schedulers: PyTorch's stepping protocol
 * (`step()` adds one to `last_epoch` and applies the chainable form, `step(epoch)` jumps to the
 * closed form where the scheduler has one), `initial_lr` bookkeeping, `get_last_lr()`, and state
 * as plain JSON.
 *
 * @module
 */
import type { Json } from "../schedule.js";
import { add, eq } from "./arithmetic.js";
import { raise } from "./errors.js";
import { decodeNonFinite, encodeNonFinite } from "./json.js";
import type { Optimizer, ParamGroup } from "./optimizer.js";
import { floatRepr, isInt, typeName } from "./python.js";
import { checkStateEntry } from "./stateCheck.js";
import { behaviourOf, checkStateLayout, type TorchBehaviour } from "./version.js";
import { EPOCH_DEPRECATION_WARNING, GET_LR_WARNING, ORDER_WARNING, warn } from "./warnings.js";

/** A scheduler's `state_dict()`: plain JSON (non-finite numbers as `"NaN"`, `"Infinity"`, `"-Infinity"`). */
export type StateDict = { [key: string]: Json };

/** Keyword arguments every scheduler derived from {@link LRScheduler} accepts. */
export interface SchedulerKwargs {
  /**
   * The index of the last epoch (or batch): -1 starts from the beginning; any other value resumes
   * and needs `initial_lr` in every parameter group. Defaults to -1.
   */
  last_epoch?: number;
  /**
   * Print a line for every update, as PyTorch 1.13.1 does. Defaults to false. PyTorch 2.x removed
   * it: there (the default version) it is a TypeError, as in PyTorch 2.7+.
   */
  verbose?: boolean;
}

/** What `SequentialLR` and `ChainedScheduler` use of the schedulers they hold. */
export interface SchedulerLike {
  /** The optimizer whose groups the scheduler writes. */
  readonly optimizer: Optimizer;
  /** Advances the scheduler (see each class for the argument). */
  step(arg?: unknown): void;
  /** The state as plain JSON. */
  state_dict(): StateDict;
  /** Restores a state returned by `state_dict()`. */
  load_state_dict(state: StateDict): void;
}

/** PyTorch's `TypeError` for something that is not an optimizer. */
export function checkOptimizer(optimizer: unknown): asserts optimizer is Optimizer {
  const groups = (optimizer as Partial<Optimizer> | null)?.param_groups;
  if (typeof optimizer !== "object" || optimizer === null || !Array.isArray(groups)) {
    raise("TypeError", `${typeName(optimizer)} is not an Optimizer`);
  }
}

/**
 * Resets the optimizer's update count, where it keeps one (see {@link Optimizer._step_count}), as
 * 1.13.1's initial step does (2.x never resets it).
 */
export function resetOptimizerCount(optimizer: Optimizer, torch: TorchBehaviour): void {
  if (torch.resetsOptimizerCount && typeof optimizer._step_count === "number") optimizer._step_count = 0;
}

/** PyTorch's warning for a scheduler stepped before any optimizer update (when counted). */
function warnIfBeforeOptimizer(optimizer: Optimizer): void {
  if (typeof optimizer._step_count === "number" && optimizer._step_count < 1) warn(ORDER_WARNING);
}

/** Python's `"{:.4e}".format(x)`. */
export function sci4(x: number): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  const [m, e] = x.toExponential(4).split("e") as [string, string];
  return `${m}e${e.startsWith("-") ? "-" : "+"}${e.replace(/^[-+]/, "").padStart(2, "0")}`;
}

/** PyTorch's verbose line for one group's new lr. */
function printLr(group: number, lr: number, epoch?: unknown): void {
  if (epoch === undefined || epoch === null) {
    console.log(`Adjusting learning rate of group ${group} to ${sci4(lr)}.`);
  } else {
    const e = Number(epoch);
    const when = isInt(epoch) ? String(Math.trunc(e)).padStart(5, "0") : e.toFixed(2);
    console.log(`Epoch ${when}: adjusting learning rate of group ${group} to ${sci4(lr)}.`);
  }
}

/** The saved form of an entry that state_dict() could not save. */
const NOT_SAVABLE: unique symbol = Symbol("not savable");

/** A deep copy of a JSON-like value with non-finite numbers encoded (state out). */
function toState(value: unknown): Json {
  return encodeNonFinite(structuredClone(value)) as Json;
}

/**
 * The base of every scheduler except `ReduceLROnPlateau` (PyTorch's `_LRScheduler`).
 *
 * A subclass validates its arguments, calls `super(optimizer, last_epoch, verbose)` (which sets
 * `initial_lr` in the groups, or requires it when resuming, and takes `base_lrs` from it), stores
 * its parameters, then calls `_initial_step()`, which steps once to `last_epoch + 1` exactly as
 * PyTorch's constructor does. It implements `chainableLr()`, the value of the next lr computed
 * from the current one (PyTorch's `get_lr`), and, where a closed form exists, `closedFormLr()`,
 * which `step(epoch)` uses.
 */
export abstract class LRScheduler implements SchedulerLike {
  /** The PyTorch version this scheduler follows (see `torchVersion`). */
  protected readonly torch: TorchBehaviour;
  /** The optimizer whose groups this scheduler writes. */
  readonly optimizer: Optimizer;
  /** Each group's `initial_lr`: the learning rate the schedule is relative to. */
  base_lrs: number[];
  /** The index of the last step taken (0 right after construction). */
  last_epoch: number;
  /** Whether every update is printed. */
  verbose: boolean;
  /** How many times `step()` ran, construction included. */
  _step_count = 0;
  /** True while `step()` computes the next lr. */
  _get_lr_called_within_step = false;
  /** True during the constructor's step (PyTorch 2.x's `_is_initial`; see {@link TorchBehaviour.initialMode}). */
  _is_initial = false;
  /** The learning rates after the last step. */
  _last_lr: number[] = [];

  /**
   * @param optimizer - the optimizer.
   * @param last_epoch - -1 to start; otherwise every group needs `initial_lr`.
   * @param verbose - print every update.
   * @throws TorchTypeError when `optimizer` is not an optimizer; TorchKeyError when resuming
   *   (`last_epoch != -1`) and a group lacks `initial_lr`.
   */
  protected constructor(optimizer: Optimizer, last_epoch: unknown, verbose: unknown = false) {
    checkOptimizer(optimizer);
    this.torch = behaviourOf(new.target);
    this.optimizer = optimizer;
    const groups = optimizer.param_groups;
    if (eq(last_epoch, -1)) {
      for (const group of groups) if (!Object.hasOwn(group, "initial_lr")) group.initial_lr = group.lr;
    } else {
      groups.forEach((group, i) => {
        if (!Object.hasOwn(group, "initial_lr")) {
          raise("KeyError", this.torch.messages.missingInitialLr(i));
        }
      });
    }
    this.base_lrs = groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch as number;
    this.verbose = verbose as boolean;
  }

  /** The parameter groups. */
  protected get groups(): ParamGroup[] {
    return this.optimizer.param_groups;
  }

  /** The groups' current learning rates. */
  protected currentLrs(): number[] {
    return this.groups.map((g) => g.lr);
  }

  /** The lr of every group for the new `last_epoch`, from the current one (PyTorch's `get_lr`). */
  protected abstract chainableLr(): number[];

  /** The closed form used by `step(epoch)`; undefined where PyTorch has none. */
  protected closedFormLr?(): number[];

  /**
   * The chainable lr for the current `last_epoch`, as `step()` computes it. Calling it outside
   * `step()` warns, as in PyTorch; read {@link get_last_lr} instead.
   */
  get_lr(): number[] {
    if (!this._get_lr_called_within_step) warn(GET_LR_WARNING);
    return this.chainableLr();
  }

  /** The learning rates the last step set, one per group. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** The constructor's step: resets the step counts and steps once (in initial mode, in 2.x). */
  _initial_step(): void {
    resetOptimizerCount(this.optimizer, this.torch);
    this._step_count = 0;
    this._is_initial = this.torch.initialMode;
    try {
      this.step();
    } finally {
      this._is_initial = false;
    }
  }

  /**
   * Whether this step keeps the current lr where PyTorch's "first step" does: the constructor's
   * step in 2.x, `firstStep` in 1.13.1 (`last_epoch == 0` unless the class tests otherwise; see
   * {@link TorchBehaviour.initialMode}).
   */
  protected keepsLrNow(firstStep: boolean = eq(this.last_epoch, 0)): boolean {
    return this.torch.initialMode ? this._is_initial : firstStep;
  }

  /**
   * Advances the schedule by one step and writes the new lr into every group.
   *
   * @param epoch - deprecated in PyTorch and kept for compatibility: sets `last_epoch` to `epoch`
   *   and uses the closed form where the scheduler has one (else the chainable form), with
   *   PyTorch's deprecation warning.
   * @throws whatever PyTorch raises at this step (e.g. `ZeroDivisionError` from a factor of 0, or
   *   `OneCycleLR` stepped past `total_steps`); `last_epoch` has then already moved.
   */
  step(epoch?: number | null): void {
    if (this._step_count === 1) warnIfBeforeOptimizer(this.optimizer);
    this._step_count += 1;
    if (epoch !== undefined && epoch !== null) warn(EPOCH_DEPRECATION_WARNING);
    this._update_lr(epoch);
  }

  /**
   * Advances without the step protocol (no count, no warning): PyTorch 2.x's `_update_lr`, which
   * SequentialLR calls at a milestone.
   */
  _update_lr(epoch?: number | null): void {
    this._get_lr_called_within_step = true;
    let values: number[];
    try {
      if (epoch === undefined || epoch === null) {
        this.last_epoch = add(this.last_epoch, 1);
        values = this.get_lr();
      } else {
        this.last_epoch = epoch;
        values = this.closedFormLr ? this.closedFormLr() : this.get_lr();
      }
    } finally {
      this._get_lr_called_within_step = false;
    }
    this.applyLrs(values, epoch);
  }

  /**
   * Writes `values` into the groups (as far as both go) and records them as the last lr. In 2.x a
   * length that differs from the groups' is then Python's `zip(strict=True)` ValueError.
   */
  protected applyLrs(values: number[], epoch?: unknown): void {
    const groups = this.groups;
    for (let i = 0; i < Math.min(groups.length, values.length); i++) {
      groups[i]!.lr = values[i]!;
      if (this.verbose) printLr(i, values[i]!, epoch);
    }
    if (values.length !== groups.length) {
      if (this.torch.strictGroups) {
        raise(
          "ValueError",
          `zip() argument 2 is ${values.length < groups.length ? "shorter" : "longer"} than argument 1`,
        );
      }
      this._last_lr = groups.map((g) => g.lr);
      return;
    }
    // `values` is a fresh array (get_lr and the closed forms build one per step): it becomes
    // `_last_lr`, refilled from the groups as PyTorch reads them, instead of a second array.
    for (let i = 0; i < groups.length; i++) values[i] = groups[i]!.lr;
    this._last_lr = values;
  }

  /** The names of the scheduler's own state, in PyTorch's `__dict__` order, before the base's. */
  protected abstract ownState(): readonly string[];

  /** The names of the state after the base's (PyTorch appends `lr_lambdas`, for one). */
  protected trailingState(): readonly string[] {
    return [];
  }

  /** Every state name, in PyTorch's order. */
  protected stateKeys(): string[] {
    const base =
      this.torch.version === "2"
        ? ["base_lrs", "last_epoch", "_step_count", "_is_initial", "_get_lr_called_within_step", "_last_lr"]
        : ["base_lrs", "last_epoch", "verbose", "_step_count", "_get_lr_called_within_step", "_last_lr"];
    return [...this.ownState(), ...base, ...this.trailingState()];
  }

  /** The JSON form of one state entry (override for values that are not JSON as they are). */
  protected saveEntry(_key: string, value: unknown): Json {
    return toState(value);
  }

  /** What {@link saveEntry} makes of `value`, non-finite numbers decoded; NOT_SAVABLE where it cannot. */
  private savedForm(key: string, value: unknown): unknown {
    if (value === undefined) return undefined;
    try {
      return decodeNonFinite(this.saveEntry(key, value));
    } catch {
      return NOT_SAVABLE; // e.g. a lambda that is not callable, which state_dict() refuses too
    }
  }

  /** The inverse of {@link saveEntry}. */
  protected loadEntry(_key: string, value: Json): unknown {
    return decodeNonFinite(structuredClone(value));
  }

  /**
   * The scheduler's state as plain JSON: PyTorch's `state_dict()` entries (everything but the
   * optimizer), with lambdas as their formula strings (`null` for JavaScript functions).
   */
  state_dict(): StateDict {
    const state: StateDict = {};
    const self = this as unknown as Record<string, unknown>;
    for (const key of this.stateKeys()) {
      if (self[key] !== undefined) state[key] = this.saveEntry(key, self[key]);
    }
    return state;
  }

  /**
   * Restores a state from {@link state_dict} (of this class). As in PyTorch, load the optimizer's
   * groups too: the chainable forms continue from the groups' current lr.
   *
   * @throws TorchTypeError when `state` is not an object or an entry is not of the kind
   *   `state_dict()` saved there (TorchValueError for a per-group list of another length), and
   *   TorchValueError for a state saved by the other PyTorch version (see `torchVersion`); the
   *   scheduler is then unchanged.
   */
  load_state_dict(state: StateDict): void {
    if (typeof state !== "object" || state === null || Array.isArray(state)) {
      raise("TypeError", `load_state_dict() expects a dict, got ${typeName(state)}`);
    }
    checkStateLayout(this.constructor.name, state, this.torch, { "2": "_is_initial", "1.13": "verbose" });
    const known = new Set(this.stateKeys());
    const self = this as unknown as Record<string, unknown>;
    const loaded: [string, unknown][] = [];
    for (const [key, value] of Object.entries(state)) {
      if (!known.has(key)) continue;
      // Compared as saved (JSON, lambdas as formulas), before anything is made of it.
      const saved = this.savedForm(key, self[key]);
      if (saved !== NOT_SAVABLE) checkStateEntry(this.constructor.name, key, saved, decodeNonFinite(value));
      loaded.push([key, this.loadEntry(key, value)]);
    }
    // Checked first, then applied: a refused state leaves the scheduler as it was.
    for (const [key, entry] of loaded) self[key] = entry;
  }
}
