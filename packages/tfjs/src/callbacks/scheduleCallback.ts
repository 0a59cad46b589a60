/**
 * A `model.fit` callback that sets the learning rate (and momentum) from a schedule.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { CustomCallbackArgs, Logs } from "@tensorflow/tfjs-layers";
import { fromSpec, isSchedule, type Schedule, type Scheduler } from "lrkit";
import {
  applyValues,
  makeDriver,
  type DriverState,
  type HyperparameterValues,
  type ScheduleSource,
} from "./driver.js";
import { fitPlan, runSteps, type StepUnit } from "./fitPlan.js";
import { horizonWarning } from "./horizonWarning.js";
import { logValue } from "./logs.js";
import { stretchToRun } from "./stretchToRun.js";
import { isOptimizer, resolveOptimizer, type OptimizerTarget } from "./target.js";
import { isTorchScheduler } from "./torch.js";

export type { StepUnit } from "./fitPlan.js";

/** A {@link scheduleCallback}'s checkpoint: plain JSON. */
export interface ScheduleCallbackState {
  /** The unit the steps count. */
  readonly unit: StepUnit;
  /** The schedule's state. */
  readonly driver: DriverState;
}

/** Options of {@link scheduleCallback}. */
export interface ScheduleCallbackArgs {
  /** What a step of the schedule is: an update ("batch") or an epoch. Defaults to "epoch". */
  readonly unit?: StepUnit;
  /**
   * The epoch log key fed to the schedule's plateau policy at the end of each epoch (a
   * `Scheduler` with a `plateau` option, or a metric-driven `lrkit/torch` scheduler such as
   * ReduceLROnPlateau), e.g. "val_loss". Required for those, refused for the others.
   */
  readonly monitor?: string;
  /**
   * Start from a checkpoint (a previous callback's `state`). Defaults to the schedule's start.
   * With a `Scheduler`, the callback then drives `Scheduler.restore(scheduler.spec, state)`, a
   * new scheduler; a torch scheduler loads the state and its param groups in place.
   */
  readonly state?: ScheduleCallbackState;
  /**
   * How long the schedule runs. `"schedule"`: its own step counts, and a warning (once per
   * callback) when its horizon does not fit the run. `"fit"`: when training starts, the schedule
   * is stretched to the run fit describes, `withHorizon(schedule, T)` with T = epochs × batches
   * per epoch (unit "batch") or epochs (unit "epoch"); a Scheduler's schedules are stretched
   * each. Not for torch schedulers, which are sized by their own arguments. Defaults to
   * `"schedule"`.
   */
  readonly horizon?: "schedule" | "fit";
  /** Receives the horizon warning. Defaults to `console.warn`. */
  readonly onWarning?: (message: string) => void;
}

/** The hooks `model.fit` calls, plus the checkpoint and the values of the next update. */
export interface ScheduleCallback extends CustomCallbackArgs {
  /** The checkpoint to resume from: pass it as `options.state` to a new callback. */
  readonly state: ScheduleCallbackState;
  /** The learning rate (and momentum) the next update will use. */
  readonly next: HyperparameterValues;
  /**
   * Keeps fit's params (epochs, batches per epoch) for when `fit` calls this object as a
   * `BaseCallback`; with it (and every hook) it can.
   */
  setParams(params: unknown): void;
  /** No-op, as a `BaseCallback`'s. */
  setModel(model: unknown): void;
}

/**
 * A callback for `model.fit` and `model.fitDataset` that sets the optimizer's learning rate from
 * a schedule before each epoch or each batch, and writes it into the fit logs as `lr`: each
 * batch's logs hold that batch's lr, and each epoch's logs (so `history.history.lr`) the lr of the
 * epoch's last update (for callbacks listed after this one). A schedule that also drives
 * `momentum` (or `beta1`) sets it too, and logs it as `momentum`.
 *
 * The schedule is any of:
 * - an lrkit `Schedule`: step t = 0, 1, ... counts completed units;
 * - a `Scheduler` (several hyperparameters, a plateau policy): stepped in place;
 * - an `lrkit/torch` scheduler (PyTorch's classes and stepping semantics), built on a plain
 *   optimizer (see {@link torchOptimizer}): its group 0 is copied into the tfjs optimizer before
 *   each unit, and `step()` follows each unit, as in a PyTorch loop; ReduceLROnPlateau is
 *   recognised and stepped with the `monitor`ed metric at each epoch's end.
 *
 * The callback knows the run it is in: `fit` gives it the epochs and the batches per epoch
 * (`ceil(samples / batchSize)`, the samples after `validationSplit`; fitDataset's
 * `batchesPerEpoch`, or the dataset's size). With `horizon: "fit"` the schedule is stretched to
 * that run when training starts (lrkit's `withHorizon`: every step count scaled, the horizon
 * exactly the run's steps), so a schedule written for another length, or in epochs, need not be
 * sized by hand; `epochs` is the number of the last epoch, so a fit resumed with `initialEpoch`
 * sizes the same whole run. Otherwise, when lint finds that the horizon is counted in the other
 * unit (written in batches but stepped per epoch, or the reverse), the callback warns once, with
 * lint's message and fix, through `onWarning`.
 *
 * The returned object is a plain hook object (tfjs-layers' `CustomCallbackArgs`), like those
 * `fit` accepts directly; it counts its own steps, so consecutive `fit` calls continue the
 * schedule (with `horizon: "fit"`, give a later call `initialEpoch`, so that its `epochs` is still
 * the whole run). `callback.state` is a JSON checkpoint: a new callback given it as
 * `options.state` (with the model weights and optimizer state restored) continues the exact same
 * run.
 *
 * Order in the callbacks list: list class-based callbacks such as `tf.callbacks.earlyStopping()`
 * first. tfjs-layers treats a whole list as class-based when its first element is (then this
 * object is called directly, which it supports), and as plain hook objects otherwise, wrapping
 * each, which breaks a class-based callback listed later (`this.getMonitorValue is not a
 * function`) in a way this callback cannot see.
 *
 * @param target - a compiled `tf.LayersModel` (its optimizer is read when fit starts) or a
 *   `tf.Optimizer`.
 * @param schedule - a Schedule, a Scheduler or an lrkit/torch scheduler.
 * @param options - `unit` ("epoch" by default), `monitor` for plateau policies, `state` to resume,
 *   `horizon` ("schedule" by default), `onWarning` (`console.warn` by default).
 * @throws TypeError for an unknown target or schedule, a Scheduler of hyperparameters a tfjs
 *   optimizer lacks, a `monitor` missing or given in vain, a state of another unit or kind, or
 *   `horizon: "fit"` with a torch scheduler or a schedule without a horizon; at the start of fit,
 *   Error when the model is not compiled or, with `horizon: "fit"`, when the run's batches per
 *   epoch are unknown (fitDataset without `batchesPerEpoch` over a dataset of unknown size),
 *   TypeError when the schedule cannot be rescaled (a preset); at an epoch's end, Error when the
 *   monitored key is not in the logs.
 * @example
 * ```ts
 * // Written for 100 steps, stretched to 10 epochs of ceil(0.8 * 5000 / 64) = 63 batches: 630 steps.
 * const schedule = warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 });
 * const history = await model.fit(xs, ys, {
 *   epochs: 10,
 *   batchSize: 64,
 *   validationSplit: 0.2,
 *   callbacks: [scheduleCallback(model, schedule, { unit: "batch", horizon: "fit" })],
 * });
 * history.history.lr; // the lr of each epoch's last batch
 * ```
 */
export function scheduleCallback(
  target: OptimizerTarget,
  schedule: ScheduleSource,
  options: ScheduleCallbackArgs = {},
): ScheduleCallback {
  const fn = "scheduleCallback";
  const unit = options.unit ?? "epoch";
  if (unit !== "batch" && unit !== "epoch")
    throw new TypeError(`${fn}: unit must be "batch" or "epoch", got ${JSON.stringify(unit)}`);
  if (options.state !== undefined && options.state.unit !== unit)
    throw new TypeError(`${fn}: state was saved with unit "${options.state.unit}", got unit "${unit}"`);
  const horizon = options.horizon ?? "schedule";
  if (horizon !== "schedule" && horizon !== "fit")
    throw new TypeError(`${fn}: horizon must be "schedule" or "fit", got ${JSON.stringify(horizon)}`);
  const onWarning = options.onWarning ?? ((message: string) => console.warn(message));
  if (typeof onWarning !== "function")
    throw new TypeError(`${fn}: onWarning must be a function, got ${typeof onWarning}`);
  const monitor = options.monitor;
  let driver = makeDriver(fn, schedule, options.state?.driver);
  const lrkit = isTorchScheduler(schedule) ? undefined : (schedule as Schedule | Scheduler);
  if (horizon === "fit") {
    if (lrkit === undefined)
      throw new TypeError(
        `${fn}: horizon "fit" needs an lrkit Schedule or Scheduler; a torch scheduler is sized by its own ` +
          `arguments (T_max, total_steps), got horizon "fit"`,
      );
    const lr = isSchedule(lrkit) ? lrkit : fromSpec(lrkit.spec.schedules.lr);
    if (!((lr.horizon ?? 0) > 0))
      throw new TypeError(
        `${fn}: horizon "fit" needs a schedule with a horizon to stretch, got a schedule of type ` +
          `"${lr.spec.type}" with ${lr.horizon === undefined ? "none" : `horizon ${lr.horizon}`}`,
      );
  }
  const what = lrkit === undefined ? "ReduceLROnPlateau" : "the Scheduler";
  if (driver.observes && monitor === undefined)
    throw new TypeError(
      `${fn}: ${what} ${lrkit === undefined ? "steps on a metric" : "has a plateau policy"}; ` +
        `give options.monitor (a log key such as "val_loss")`,
    );
  if (!driver.observes && monitor !== undefined)
    throw new TypeError(
      `${fn}: options.monitor needs ${lrkit === undefined ? "a metric-driven torch scheduler (ReduceLROnPlateau)" : "a Scheduler with a plateau policy"}, got monitor "${monitor}"`,
    );

  let optimizer: Optimizer | undefined = isOptimizer(target) ? resolveOptimizer(target, fn) : undefined;
  let applied: HyperparameterValues | undefined;
  let ownParams: unknown;
  let warned = false;
  const apply = () => {
    optimizer ??= resolveOptimizer(target, fn);
    applied = driver.values();
    applyValues(fn, optimizer, applied);
  };
  const record = (logs: Logs | undefined) => {
    if (!logs || !applied) return;
    logs.lr = applied.lr;
    if (applied.momentum !== undefined) logs.momentum = applied.momentum;
  };
  const begin = (params: unknown) => {
    optimizer = resolveOptimizer(target, fn);
    const plan = fitPlan(params);
    if (lrkit === undefined) return;
    if (horizon === "fit") {
      if (plan === undefined)
        throw new Error(
          `${fn}: horizon "fit" needs the run's epochs and batches, which model.fit and model.fitDataset ` +
            `pass to their callbacks; this one started without them (size the schedule with withHorizon instead)`,
        );
      const steps = runSteps(plan, unit);
      if (steps === undefined)
        throw new Error(
          `${fn}: horizon "fit" with unit "batch" needs the number of batches per epoch, which fitDataset ` +
            `cannot know for a dataset of unknown size: pass batchesPerEpoch to fitDataset, or step the ` +
            `schedule once per epoch (unit "epoch")`,
        );
      // Always from the schedule as given, so that every fit call sizes the same thing.
      driver = makeDriver(fn, stretchToRun(fn, lrkit, steps), driver.state());
    } else if (!warned && plan !== undefined) {
      const warning = horizonWarning(fn, lrkit, plan, unit);
      if (warning !== undefined) {
        warned = true;
        onWarning(warning);
      }
    }
  };
  // The params of fit (`this.params` below). tfjs-layers' standardizeCallbacks wraps every entry
  // of a callbacks list that does not start with a class-based callback in a CustomCallback, which
  // receives fit's params through its own setParams and calls our hooks as its methods
  // (`this.trainBegin(logs)`): there `this.params` is fit's params. When the list starts with a
  // class-based callback (tf.callbacks.earlyStopping()), fit calls this object directly, setParams
  // included: `this` is this object, and the params are those our setParams kept. Hence a method
  // (not an arrow function) that reads `this.params` first.
  const paramsOf = (self: unknown) => (self as { params?: unknown } | undefined)?.params ?? ownParams;

  return {
    async onTrainBegin(this: unknown) {
      begin(paramsOf(this));
    },
    onTrainEnd: async () => {},
    onEpochBegin: async () => {
      if (unit === "epoch") apply();
    },
    // The batch's logs object is the same at its beginning and its end: every callback's
    // onBatchEnd sees the lr, wherever this one stands in the list.
    onBatchBegin: async (_batch, logs) => {
      if (unit === "batch") apply();
      record(logs);
    },
    onBatchEnd: async () => {
      if (unit === "batch") driver.step();
    },
    onEpochEnd: async (_epoch, logs) => {
      record(logs);
      if (monitor !== undefined) {
        const metric = await logValue(logs, monitor);
        if (metric === undefined)
          throw new Error(
            `${fn}: monitor "${monitor}" is not in the epoch logs (have ${Object.keys(logs ?? {}).join(", ")})`,
          );
        driver.observe(metric);
      }
      if (unit === "epoch") driver.step();
    },
    get state(): ScheduleCallbackState {
      return { unit, driver: driver.state() };
    },
    get next(): HyperparameterValues {
      return driver.values();
    },
    setParams(params: unknown) {
      ownParams = params;
    },
    setModel() {},
  };
}
