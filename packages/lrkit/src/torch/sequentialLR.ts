import type { Json } from "../schedule.js";
import { add, bisectRight, eq, gt, sub } from "./arithmetic.js";
import { checkContainer, noStepArgument } from "./chainedScheduler.js";
import { raise } from "./errors.js";
import { decodeNonFinite } from "./json.js";
import type { Optimizer } from "./optimizer.js";
import { iterate } from "./python.js";
import { checkOptimizer, resetOptimizerCount, type SchedulerLike, type StateDict } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { checkStateEntry } from "./stateCheck.js";
import { behaviourOf, schedulerSignature, type TorchBehaviour } from "./version.js";

/** Keyword arguments of {@link SequentialLR}. */
export interface SequentialLRKwargs {
  /** The schedulers, one after the other (all constructed on the same optimizer). */
  schedulers: readonly SchedulerLike[];
  /** The steps at which the next scheduler takes over; one fewer than `schedulers`. */
  milestones: readonly number[];
  /** Defaults to -1. */
  last_epoch?: number;
  /** Does nothing (as in PyTorch). Defaults to false. */
  verbose?: boolean;
}

/** What SequentialLR reads of a scheduler, where PyTorch reads attributes. */
interface Steppable extends SchedulerLike {
  last_epoch?: number;
  _schedulers?: readonly SchedulerLike[];
  _initial_step?(): void;
  _update_lr?(epoch: number): void;
  get_last_lr?(): number[];
}

/** 2.x's `recursive_undo`: steps back every scheduler nested at any depth (not the containers). */
function undoRecursively(scheduler: Steppable): void {
  if (scheduler._schedulers) scheduler._schedulers.forEach(undoRecursively);
  else if (scheduler.last_epoch !== undefined) scheduler.last_epoch = sub(scheduler.last_epoch, 1);
}

const className = (s: object): string => s.constructor.name;

function attribute<T>(owner: object, value: T | undefined, name: string): T {
  if (value === undefined) raise("AttributeError", `'${className(owner)}' object has no attribute '${name}'`);
  return value;
}

/**
 * PyTorch's `SequentialLR`: scheduler `i` drives the lr between milestones `i - 1` and `i`.
 *
 * Quirks kept: at construction every sub-scheduler has already stepped; SequentialLR resets the
 * groups to `initial_lr`, steps back the nested schedulers and re-runs the initial step of the
 * scheduler of step 0. At a milestone it updates the next scheduler at epoch 0 (2.x: `_update_lr(0)`,
 * no warning; 1.13.1: `step(0)`), which restarts it from its closed form (the base lr):
 * `[ConstantLR(0.1, 2), ExponentialLR(0.9)]` with milestone 2 gives 0.1, 0.1, 1.0, 0.9, 0.81
 * (PyTorch's docstring says 0.9 at 2); a scheduler without a closed form (MultiplicativeLR)
 * multiplies there in 2.x. `step(epoch)` is a `TypeError`.
 *
 * The intended schedule (warmup then decay, each part from its own start) is the core
 * `join([...], boundaries)`.
 *
 * @param optimizer - the optimizer of every scheduler.
 * @param kwargs.schedulers - the schedulers.
 * @param kwargs.milestones - one fewer than the schedulers.
 * @param kwargs.last_epoch - Defaults to -1.
 * @throws TorchValueError for a scheduler of another optimizer or a wrong number of milestones;
 *   TorchKeyError when a group lacks `initial_lr`; TorchAttributeError for a nested scheduler
 *   without `last_epoch` (a ChainedScheduler) or without an initial step (ReduceLROnPlateau first).
 * @example
 * ```ts
 * const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
 * const decay = new CosineAnnealingLR(optimizer, { T_max: 95 });
 * const scheduler = new SequentialLR(optimizer, { schedulers: [warmup, decay], milestones: [5] });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.SequentialLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `join`.
 */
export class SequentialLR implements SchedulerLike {
  /** The schedulers. */
  readonly _schedulers: SchedulerLike[];
  /** The milestones. */
  _milestones: number[];
  /** The index of the last step. */
  last_epoch: number;
  /** The optimizer. */
  readonly optimizer: Optimizer;
  /** The learning rates after the last step. */
  _last_lr: number[];
  /** Set when this SequentialLR is itself the first scheduler of another. */
  _step_count?: number;

  constructor(optimizer: Optimizer, kwargs: SequentialLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "SequentialLR.__init__",
      kwargs,
      schedulerSignature(torch, { schedulers: REQUIRED, milestones: REQUIRED }),
    );
    const schedulers = iterate(a.schedulers) as Steppable[];
    const milestones = iterate(a.milestones) as number[];
    if (torch.containerChecks) checkContainer("SequentialLR", schedulers, optimizer);
    else {
      schedulers.forEach((s, i) => {
        if (s.optimizer !== optimizer) {
          raise(
            "ValueError",
            `Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`,
          );
        }
      });
    }
    if (milestones.length !== schedulers.length - 1) {
      raise(
        "ValueError",
        "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, " +
          `but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`,
      );
    }
    checkOptimizer(optimizer);
    this.torch = torch;
    this._schedulers = schedulers;
    this._milestones = milestones;
    this.last_epoch = add(a.last_epoch, 1);
    this.optimizer = optimizer;
    for (const group of optimizer.param_groups) {
      if (!Object.hasOwn(group, "initial_lr")) raise("KeyError", "initial_lr");
      group.lr = group.initial_lr as number;
    }
    let first: Steppable;
    if (torch.sequentialUpdates) {
      undoRecursively(this);
      first = schedulers[bisectRight(milestones, 0)]!;
    } else {
      for (const s of schedulers) s.last_epoch = sub(attribute(s, s.last_epoch, "last_epoch"), 1);
      first = schedulers[0]!;
    }
    attribute(first, first._initial_step, "_initial_step").call(first);
    this._last_lr = attribute(first, first.get_last_lr, "get_last_lr").call(first);
  }

  /** The PyTorch version this scheduler follows (see `torchVersion`). */
  protected readonly torch: TorchBehaviour;

  /** The constructor's step when this SequentialLR is the first scheduler of another one. */
  _initial_step(): void {
    resetOptimizerCount(this.optimizer, this.torch);
    this._step_count = 0;
    this.step();
  }

  /**
   * 2.x's `LRScheduler._update_lr(epoch)`, which a SequentialLR around this one calls at a
   * milestone: a SequentialLR has no lr of its own, so it is PyTorch's NotImplementedError.
   */
  _update_lr(epoch: number): void {
    this.last_epoch = epoch;
    raise("NotImplementedError", "");
  }

  /**
   * Advances one step: the scheduler of the current interval steps (updated at epoch 0 at its
   * milestone).
   *
   * @throws TorchTypeError when given an argument (PyTorch's `step()` takes none).
   */
  step(...args: readonly never[]): void {
    noStepArgument("SequentialLR", args);
    this.last_epoch = add(this.last_epoch, 1);
    const idx = bisectRight(this._milestones, this.last_epoch);
    const scheduler = this._schedulers[idx] as Steppable;
    if (gt(idx, 0) && eq(this._milestones[idx - 1], this.last_epoch)) {
      if (this.torch.sequentialUpdates)
        attribute(scheduler, scheduler._update_lr, "_update_lr").call(scheduler, 0);
      else scheduler.step(0);
    } else scheduler.step();
    this._last_lr = attribute(scheduler, scheduler.get_last_lr, "get_last_lr").call(scheduler);
  }

  /** The learning rates after the last step. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** `{ _milestones, last_epoch, _last_lr, _schedulers: [each scheduler's state] }`. */
  state_dict(): StateDict {
    const state: StateDict = {
      _milestones: structuredClone(this._milestones),
      last_epoch: this.last_epoch,
      _last_lr: [...this._last_lr],
    };
    if (this._step_count !== undefined) state._step_count = this._step_count;
    state._schedulers = this._schedulers.map((s) => s.state_dict());
    return state;
  }

  /** Restores {@link state_dict}, each scheduler from its own entry. */
  load_state_dict(state: StateDict): void {
    const s = decodeNonFinite(state) as Record<string, unknown>;
    const self = this as unknown as Record<string, unknown>;
    for (const key of ["_milestones", "last_epoch", "_last_lr", "_step_count", "_schedulers"]) {
      if (s[key] !== undefined) checkStateEntry("SequentialLR", key, self[key], s[key]);
    }
    if (s._milestones !== undefined) this._milestones = s._milestones as number[];
    if (s.last_epoch !== undefined) this.last_epoch = s.last_epoch as number;
    if (s._last_lr !== undefined) this._last_lr = s._last_lr as number[];
    if (s._step_count !== undefined) this._step_count = s._step_count as number;
    const states = (state._schedulers ?? []) as readonly Json[];
    states.forEach((sub, i) => this._schedulers[i]?.load_state_dict(sub as StateDict));
  }
}
