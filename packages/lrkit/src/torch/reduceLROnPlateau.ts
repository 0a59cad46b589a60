import type { Json } from "../schedule.js";
import { add, ge, gt, lt, max2, mul, sub } from "./arithmetic.js";
import { raise } from "./errors.js";
import { decodeNonFinite, encodeNonFinite } from "./json.js";
import type { Optimizer } from "./optimizer.js";
import { float, isInt, isNumeric, toFloat, typeName } from "./python.js";
import { checkOptimizer, sci4, type SchedulerLike, type StateDict } from "./scheduler.js";
import { bindKwargs } from "./signature.js";
import { checkStateEntry } from "./stateCheck.js";
import { behaviourOf, checkStateLayout, schedulerSignature, type TorchBehaviour } from "./version.js";
import { EPOCH_DEPRECATION_WARNING, warn } from "./warnings.js";

/** Keyword arguments of {@link ReduceLROnPlateau} (PyTorch's defaults). */
export interface ReduceLROnPlateauKwargs {
  /** `"min"`: the metric should fall; `"max"`: rise. Defaults to `"min"`. */
  mode?: "min" | "max";
  /** The factor of a cut, below 1. Defaults to 0.1. */
  factor?: number;
  /** Bad epochs tolerated before a cut. Defaults to 10. */
  patience?: number;
  /** How much better counts as better. Defaults to 1e-4. */
  threshold?: number;
  /** `"rel"`: relative to the best; `"abs"`: absolute. Defaults to `"rel"`. */
  threshold_mode?: "rel" | "abs";
  /** Epochs after a cut during which bad epochs are not counted. Defaults to 0. */
  cooldown?: number;
  /** The lowest lr, for all groups or one per group. Defaults to 0. */
  min_lr?: number | readonly number[];
  /** A cut of at most `eps` is skipped. Defaults to 1e-8. */
  eps?: number;
  /** Print every cut. Defaults to false. */
  verbose?: boolean;
}

/** 2.x's state keys, in its `__dict__` order. */
const STATE_2 = [
  "factor",
  "default_min_lr",
  "min_lrs",
  "patience",
  "cooldown",
  "eps",
  "last_epoch",
  "_last_lr",
  "mode_worse",
  "mode",
  "threshold",
  "threshold_mode",
  "best",
  "cooldown_counter",
  "num_bad_epochs",
] as const;

/** 1.13.1's state keys. */
const STATE_1_13 = [
  "factor",
  "min_lrs",
  "patience",
  "verbose",
  "cooldown",
  "cooldown_counter",
  "mode",
  "threshold",
  "threshold_mode",
  "best",
  "num_bad_epochs",
  "mode_worse",
  "eps",
  "last_epoch",
  "_last_lr",
] as const;

function checkChoice(value: unknown, choices: readonly string[], prefix: string): void {
  if (value !== null && typeof value === "object" && !isNumeric(value)) {
    raise("TypeError", `unhashable type: '${typeName(value)}'`);
  }
  if (choices.includes(value as string)) return;
  if (typeof value !== "string")
    raise("TypeError", `can only concatenate str (not "${typeName(value)}") to str`);
  raise("ValueError", `${prefix}${value} is unknown!`);
}

/**
 * PyTorch's `ReduceLROnPlateau`: `step(metric)` counts epochs without improvement and, after more
 * than `patience` of them, cuts every group's lr to `max(lr * factor, min_lr)`, then waits
 * `cooldown` epochs.
 *
 * Quirks kept: a cut of at most `eps` is skipped, so the lr can stall above `min_lr`; NaN and
 * infinite metrics count as bad epochs; in `rel` mode the threshold scales the signed best
 * (`best * (1 - threshold)`), which inverts for negative metrics; bad epochs during cooldown are
 * zeroed. In PyTorch 2.x (the default) `get_last_lr()` gives the groups' lrs from the construction
 * on; in 1.13.1 it has none: read `_last_lr` or the groups.
 *
 * With one parameter group its decisions are the core `plateau` policy's.
 *
 * @param optimizer - the optimizer.
 * @param kwargs - see {@link ReduceLROnPlateauKwargs}.
 * @throws TorchValueError "Factor should be < 1.0.", "mode ... is unknown!", "threshold mode ...
 *   is unknown!", "expected N min_lrs, got M".
 * @example
 * ```ts
 * const scheduler = new ReduceLROnPlateau(optimizer, { mode: "min", patience: 2, factor: 0.5 });
 * scheduler.step(validationLoss);
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.ReduceLROnPlateau` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `plateau`.
 */
export class ReduceLROnPlateau implements SchedulerLike {
  /** The PyTorch version this scheduler follows (see `torchVersion`). */
  protected readonly torch: TorchBehaviour;
  /** The factor of a cut. */
  factor: number;
  /** The optimizer. */
  readonly optimizer: Optimizer;
  /** The lowest lr of each group. */
  min_lrs: number[];
  /** Bad epochs tolerated before a cut. */
  patience: number;
  /** Whether cuts are printed. */
  verbose: boolean;
  /** Epochs of cooldown after a cut. */
  cooldown: number;
  /** Epochs of cooldown left. */
  cooldown_counter = 0;
  /** `"min"` or `"max"`. */
  mode: string;
  /** How much better counts as better. */
  threshold: number;
  /** `"rel"` or `"abs"`. */
  threshold_mode: string;
  /** The best metric so far. */
  best = Infinity;
  /** Epochs since the last improvement. */
  num_bad_epochs = 0;
  /** The start value of `best`: Infinity in min mode, -Infinity in max mode. */
  mode_worse = Infinity;
  /** A cut of at most eps is skipped. */
  eps: number;
  /** Steps taken. */
  last_epoch = 0;
  /** The learning rates after the last step (undefined before the first). */
  _last_lr?: number[];
  /** The `min_lr` given as one number, repeated for groups added later (2.x); null for a list. */
  default_min_lr: number | null = null;

  constructor(optimizer: Optimizer, kwargs: ReduceLROnPlateauKwargs = {}) {
    const torch = behaviourOf(new.target);
    this.torch = torch;
    const a = bindKwargs(
      "ReduceLROnPlateau.__init__",
      kwargs,
      schedulerSignature(
        torch,
        {
          mode: "min",
          factor: 0.1,
          patience: 10,
          threshold: 1e-4,
          threshold_mode: "rel",
          cooldown: 0,
          min_lr: 0,
          eps: 1e-8,
        },
        false,
      ),
    );
    if (ge(a.factor, float(1.0))) raise("ValueError", "Factor should be < 1.0.");
    this.factor = a.factor as number;
    checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const n = optimizer.param_groups.length;
    if (Array.isArray(a.min_lr)) {
      if (a.min_lr.length !== n) raise("ValueError", `expected ${n} min_lrs, got ${a.min_lr.length}`);
      this.default_min_lr = null;
      this.min_lrs = [...(a.min_lr as number[])];
    } else {
      this.default_min_lr = a.min_lr as number;
      this.min_lrs = Array.from({ length: n }, () => a.min_lr as number);
    }
    this.patience = a.patience as number;
    this.verbose = (a.verbose ?? false) as boolean;
    this.cooldown = a.cooldown as number;
    this.mode = a.mode as string;
    this.threshold = a.threshold as number;
    this.threshold_mode = a.threshold_mode as string;
    this.eps = a.eps as number;
    if (torch.plateauIsScheduler) this._last_lr = optimizer.param_groups.map((g) => g.lr);
    this.initIsBetter();
    this.best = this.mode_worse;
    this.cooldown_counter = 0;
    this.num_bad_epochs = 0;
  }

  /** Validates mode and threshold_mode and sets `mode_worse` (PyTorch's `_init_is_better`). */
  private initIsBetter(): void {
    checkChoice(this.mode, ["min", "max"], "mode ");
    checkChoice(this.threshold_mode, ["rel", "abs"], "threshold mode ");
    this.mode_worse = this.mode === "min" ? Infinity : -Infinity;
  }

  /** Whether metric `a` improves on `best` under the mode and threshold. */
  is_better(a: number, best: number): boolean {
    if (this.mode === "min" && this.threshold_mode === "rel")
      return lt(a, mul(best, sub(float(1.0), this.threshold)));
    if (this.mode === "min") return lt(a, sub(best, this.threshold));
    if (this.threshold_mode === "rel") return gt(a, mul(best, add(this.threshold, float(1.0))));
    return gt(a, add(best, this.threshold));
  }

  /** True while cooling down after a cut. */
  get in_cooldown(): boolean {
    return gt(this.cooldown_counter, 0);
  }

  /**
   * Observes one metric value and cuts the lr when it has plateaued.
   *
   * @param metrics - the monitored value (a number or anything Python's `float()` accepts).
   * @param epoch - deprecated: sets `last_epoch` (with PyTorch's warning).
   * @throws TorchTypeError without a metric; TorchValueError for a string that is not a number.
   */
  step(metrics?: unknown, epoch?: number | null): void {
    if (metrics === undefined) {
      raise("TypeError", "ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'");
    }
    const current = toFloat(metrics);
    if (epoch === undefined || epoch === null) epoch = add(this.last_epoch, 1);
    else warn(EPOCH_DEPRECATION_WARNING);
    this.last_epoch = epoch;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else this.num_bad_epochs = add(this.num_bad_epochs, 1);
    if (this.in_cooldown) {
      this.cooldown_counter = sub(this.cooldown_counter, 1);
      this.num_bad_epochs = 0;
    }
    if (gt(this.num_bad_epochs, this.patience)) {
      this.reduceLr(epoch);
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  private reduceLr(epoch: number): void {
    const groups = this.optimizer.param_groups.length;
    if (this.torch.plateauIsScheduler && groups !== this.min_lrs.length) {
      if (this.default_min_lr === null) {
        raise(
          "RuntimeError",
          `The number of param groups in the \`optimizer\` (${groups}) differs from when \`ReduceLROnPlateau\` was initialized (${this.min_lrs.length}), usually due to a new param group being added to the optimizer. Please modify the \`min_lrs\` field to match the length of the \`optimizer\` param groups.`,
        );
      }
      this.min_lrs = Array.from({ length: groups }, () => this.default_min_lr!);
    }
    this.optimizer.param_groups.forEach((group, i) => {
      const old = toFloat(group.lr);
      const next = max2(mul(old, this.factor), this.min_lrs[i]!);
      if (gt(sub(old, next), this.eps)) {
        group.lr = next;
        if (this.verbose) {
          const when = isInt(epoch) ? String(epoch).padStart(5, "0") : Number(epoch).toFixed(2);
          console.log(`Epoch ${when}: reducing learning rate of group ${i} to ${sci4(next)}.`);
        }
      }
    });
  }

  /** PyTorch's state: every attribute but the optimizer, as plain JSON. */
  /**
   * The learning rates after the last step (2.x; from the construction on). 1.13.1's
   * ReduceLROnPlateau has no such method: there this is its AttributeError.
   */
  get_last_lr(): number[] {
    if (!this.torch.plateauIsScheduler) {
      raise("AttributeError", "'ReduceLROnPlateau' object has no attribute 'get_last_lr'");
    }
    return this._last_lr!;
  }

  /** The state's keys, in the version's order. */
  private stateKeys(): readonly string[] {
    return this.torch.version === "2" ? STATE_2 : STATE_1_13;
  }

  state_dict(): StateDict {
    const state: StateDict = {};
    const self = this as unknown as Record<string, unknown>;
    for (const key of this.stateKeys())
      if (self[key] !== undefined) state[key] = encodeNonFinite(structuredClone(self[key])) as Json;
    return state;
  }

  /**
   * Restores {@link state_dict} and re-validates the mode, as PyTorch does.
   *
   * @throws TorchValueError for an unknown mode in the state, or a state saved by the other
   *   PyTorch version (see `torchVersion`).
   */
  load_state_dict(state: StateDict): void {
    const s = decodeNonFinite(state) as Record<string, unknown>;
    checkStateLayout("ReduceLROnPlateau", s, this.torch, { "2": "default_min_lr", "1.13": "verbose" });
    const self = this as unknown as Record<string, unknown>;
    const keys = this.stateKeys().filter((key) => s[key] !== undefined);
    for (const key of keys) checkStateEntry("ReduceLROnPlateau", key, self[key], s[key]);
    for (const key of keys) self[key] = s[key];
    this.initIsBetter();
  }
}
