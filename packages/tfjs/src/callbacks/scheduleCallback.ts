/**
 * A `model.fit` callback that sets the learning rate (and momentum) from a schedule.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { CustomCallbackArgs, Logs } from "@tensorflow/tfjs-layers";
import {
  applyValues,
  makeDriver,
  type DriverState,
  type HyperparameterValues,
  type ScheduleSource,
} from "./driver.js";
import { logValue } from "./logs.js";
import { isOptimizer, resolveOptimizer, type OptimizerTarget } from "./target.js";

/** The unit a schedule's step counts. */
export type StepUnit = "batch" | "epoch";

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
}

/** The hooks `model.fit` calls, plus the checkpoint and the values of the next update. */
export interface ScheduleCallback extends CustomCallbackArgs {
  /** The checkpoint to resume from: pass it as `options.state` to a new callback. */
  readonly state: ScheduleCallbackState;
  /** The learning rate (and momentum) the next update will use. */
  readonly next: HyperparameterValues;
  /** Does nothing: with it (and every hook), `fit` can call the object as a `BaseCallback`. */
  setParams(params: unknown): void;
  /** No-op, as `setParams`. */
  setModel(model: unknown): void;
}

/**
 * A callback for `model.fit` that sets the optimizer's learning rate from a schedule before each
 * epoch or each batch, and writes it into the fit logs as `lr`: each batch's logs hold that
 * batch's lr, and each epoch's logs (so `history.history.lr`) the lr of the epoch's last update
 * (for callbacks listed after this one). A schedule that also drives `momentum` (or `beta1`)
 * sets it too, and logs it as `momentum`.
 *
 * The schedule is any of:
 * - an lrkit `Schedule`: step t = 0, 1, ... counts completed units;
 * - a `Scheduler` (several hyperparameters, a plateau policy): stepped in place;
 * - an `lrkit/torch` scheduler (PyTorch's classes and stepping semantics), built on a plain
 *   optimizer (see {@link torchOptimizer}): its group 0 is copied into the tfjs optimizer before
 *   each unit, and `step()` follows each unit, as in a PyTorch loop.
 *
 * The returned object is a plain hook object (tfjs-layers' `CustomCallbackArgs`), like those
 * `fit` accepts directly; it counts its own steps, so consecutive `fit` calls continue the
 * schedule. `callback.state` is a JSON checkpoint: a new callback given it as `options.state`
 * (with the model weights and optimizer state restored) continues the exact same run. List
 * class-based callbacks such as `tf.callbacks.earlyStopping()` first: tfjs-layers treats a whole
 * list as class-based when its first element is.
 *
 * @param target - a compiled `tf.LayersModel` (its optimizer is read when fit starts) or a
 *   `tf.Optimizer`.
 * @param schedule - a Schedule, a Scheduler or an lrkit/torch scheduler.
 * @param options - `unit` ("epoch" by default), `monitor` for plateau policies, `state` to resume.
 * @throws TypeError for an unknown target or schedule, a Scheduler of hyperparameters a tfjs
 *   optimizer lacks, a `monitor` missing or given in vain, or a state of another unit or kind;
 *   at the start of fit, Error when the model is not compiled; at an epoch's end, Error when the
 *   monitored key is not in the logs.
 * @example
 * ```ts
 * const schedule = warmup(cosine({ lr: 0.1, steps: 950 }), { steps: 50 });
 * const history = await model.fit(xs, ys, {
 *   epochs: 10,
 *   batchSize: 64,
 *   callbacks: [scheduleCallback(model, schedule, { unit: "batch" })],
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
  const monitor = options.monitor;
  const driver = makeDriver(fn, schedule, options.state?.driver, monitor !== undefined);
  if (driver.observes && monitor === undefined)
    throw new TypeError(
      `${fn}: the Scheduler has a plateau policy; give options.monitor (a log key such as "val_loss")`,
    );
  if (!driver.observes && monitor !== undefined)
    throw new TypeError(
      `${fn}: options.monitor needs a Scheduler with a plateau policy, got monitor "${monitor}"`,
    );

  let optimizer: Optimizer | undefined = isOptimizer(target) ? resolveOptimizer(target, fn) : undefined;
  let applied: HyperparameterValues | undefined;
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

  return {
    onTrainBegin: async () => {
      optimizer = resolveOptimizer(target, fn);
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
    setParams() {},
    setModel() {},
  };
}
