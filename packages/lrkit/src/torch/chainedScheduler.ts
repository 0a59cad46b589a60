import type { Json } from "../schedule.js";
import { raise } from "./errors.js";
import { decodeNonFinite } from "./json.js";
import { optimizerRepr, type Optimizer } from "./optimizer.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import type { SchedulerLike, StateDict } from "./scheduler.js";
import { checkStateEntry } from "./stateCheck.js";
import { behaviourOf, type TorchBehaviour } from "./version.js";

/**
 * 2.x's checks of a container's schedulers (SequentialLR, ChainedScheduler): at least one, each
 * with an optimizer, none a ReduceLROnPlateau, all on `optimizer`.
 *
 * @throws TorchValueError or TorchTypeError with PyTorch 2.x's messages.
 */
export function checkContainer(
  owner: string,
  schedulers: readonly SchedulerLike[],
  optimizer: Optimizer,
): void {
  if (schedulers.length < 1) {
    const what =
      owner === "ChainedScheduler" ? "at least one scheduler to be chained" : "at least one scheduler";
    raise("ValueError", `${owner} expects ${what}, but got no scheduler.`);
  }
  schedulers.forEach((s, i) => {
    if (typeof s !== "object" || s === null || !("optimizer" in s)) {
      raise("TypeError", `${owner} at index ${i} should have \`optimizer\` as its attribute.`);
    }
    if (s instanceof ReduceLROnPlateau) {
      raise(
        "ValueError",
        `${owner} does not support \`ReduceLROnPlateau\` scheduler as it requires additional kwargs to be specified when calling \`step\`, but got one at index ${i} in the given schedulers sequence.`,
      );
    }
    if (s.optimizer !== optimizer) {
      raise(
        "ValueError",
        `${owner} expects all schedulers to belong to the same optimizer, but got scheduler ${s.constructor.name} at index ${i} has ${optimizerRepr(s.optimizer)}, which is different from ${optimizerRepr(optimizer)}.`,
      );
    }
  });
}

/** PyTorch's `TypeError` when a container's `step()` gets an argument. */
export function noStepArgument(owner: string, args: readonly unknown[]): void {
  if (args.length > 0) {
    raise("TypeError", `${owner}.step() takes 1 positional argument but ${args.length + 1} were given`);
  }
}

/**
 * PyTorch's `ChainedScheduler`: one `step()` steps every scheduler of the list in order, each
 * multiplying (chainable forms) the lr the previous one left.
 *
 * Quirks kept: the constructors of the schedulers have already stepped once each (so
 * `[ConstantLR(factor 0.1), ExponentialLR(0.9)]` starts at 0.1 and gives 0.1, 0.09, 0.81,
 * 0.729, ...); `step(epoch)` is a `TypeError`; a `ReduceLROnPlateau` in the list fails at the
 * first step (it needs a metric). It has no `last_epoch`.
 *
 * @param schedulers - schedulers of the same optimizer.
 * @throws TorchValueError when they drive different optimizers; TorchIndexError for an empty list.
 * @example
 * ```ts
 * const scheduler = new ChainedScheduler([
 *   new ConstantLR(optimizer, { factor: 0.1, total_iters: 2 }),
 *   new ExponentialLR(optimizer, { gamma: 0.9 }),
 * ]);
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.ChainedScheduler` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`).
 */
export class ChainedScheduler implements SchedulerLike {
  /** The schedulers, stepped in this order. */
  readonly _schedulers: SchedulerLike[];
  /** Their optimizer. */
  readonly optimizer: Optimizer;
  /** The learning rates after the last step. */
  _last_lr: number[];

  constructor(schedulers: readonly SchedulerLike[], optimizer?: Optimizer) {
    this.torch = behaviourOf(new.target);
    if (this.torch.containerChecks) {
      const own = optimizer ?? schedulers[0]?.optimizer;
      checkContainer("ChainedScheduler", schedulers, own!);
      this._schedulers = [...schedulers];
      this.optimizer = own!;
      this._last_lr = this.lrs();
      return;
    }
    if (optimizer !== undefined) {
      raise("TypeError", "ChainedScheduler.__init__() takes 2 positional arguments but 3 were given");
    }
    for (let i = 1; i < schedulers.length; i++) {
      if (schedulers[i]!.optimizer !== schedulers[0]!.optimizer) {
        raise(
          "ValueError",
          `ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`,
        );
      }
    }
    if (schedulers.length === 0) raise("IndexError", "list index out of range");
    this._schedulers = [...schedulers];
    this.optimizer = schedulers[0]!.optimizer;
    this._last_lr = this.lrs();
  }

  /** The PyTorch version this scheduler follows (see `torchVersion`). */
  protected readonly torch: TorchBehaviour;
  /** The index of the last step, once a SequentialLR around it has set one (2.x). */
  last_epoch?: number;
  /** Set when this ChainedScheduler is the first scheduler of a SequentialLR (2.x). */
  _step_count?: number;

  /**
   * The constructor's step when this ChainedScheduler is the first scheduler of a SequentialLR:
   * in 2.x it is an LRScheduler and steps every scheduler once; 1.13.1 has no such method.
   */
  get _initial_step(): (() => void) | undefined {
    if (!this.torch.containerChecks) return undefined;
    return () => {
      this._step_count = 0;
      this.step();
    };
  }

  /**
   * 2.x's `LRScheduler._update_lr(epoch)`, which a SequentialLR around this one calls at a
   * milestone: a ChainedScheduler has no lr of its own, so it is PyTorch's NotImplementedError.
   */
  _update_lr(epoch: number): void {
    this.last_epoch = epoch;
    raise("NotImplementedError", "");
  }

  private lrs(): number[] {
    return this._schedulers[this._schedulers.length - 1]!.optimizer.param_groups.map((g) => g.lr);
  }

  /**
   * Steps every scheduler once, in order.
   *
   * @throws TorchTypeError when given an argument (PyTorch's `step()` takes none).
   */
  step(...args: readonly never[]): void {
    noStepArgument("ChainedScheduler", args);
    for (const s of this._schedulers) s.step();
    this._last_lr = this.lrs();
  }

  /** The learning rates after the last step. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** `{ _last_lr, _schedulers: [each scheduler's state] }`. */
  state_dict(): StateDict {
    return { _last_lr: [...this._last_lr], _schedulers: this._schedulers.map((s) => s.state_dict()) };
  }

  /** Restores {@link state_dict}, each scheduler from its own entry. */
  load_state_dict(state: StateDict): void {
    const lastLr = decodeNonFinite(state._last_lr);
    if (lastLr !== undefined) checkStateEntry("ChainedScheduler", "_last_lr", this._last_lr, lastLr);
    if (state._schedulers !== undefined) {
      checkStateEntry("ChainedScheduler", "_schedulers", this._schedulers, state._schedulers);
    }
    if (lastLr !== undefined) this._last_lr = lastLr as number[];
    const states = (state._schedulers ?? []) as readonly Json[];
    states.forEach((s, i) => this._schedulers[i]?.load_state_dict(s as StateDict));
  }
}
