/**
 * A `model.fit` callback that cuts the learning rate when a metric stops improving, built on
 * lrkit's `plateau` policy.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { CustomCallbackArgs } from "@tensorflow/tfjs-layers";
import {
  ParameterRangeError,
  ParameterTypeError,
  plateau,
  type PlateauOptions,
  type PlateauPolicy,
  type PlateauState,
} from "lrkit";
import { getLearningRate, setLearningRate } from "../optimizers/hyperparameters.js";
import { logValue } from "./logs.js";
import { isOptimizer, resolveOptimizer, type OptimizerTarget } from "./target.js";

/** A {@link reduceLROnPlateau} checkpoint: plain JSON. */
export interface PlateauCallbackState {
  /** The policy's state (best metric, bad epochs, cooldown, the product of the cuts). */
  readonly plateau: PlateauState;
}

/** Options of {@link reduceLROnPlateau}: lrkit's plateau options, the key to watch, a checkpoint. */
export interface ReduceLROnPlateauArgs extends PlateauOptions {
  /** The epoch log key to watch, e.g. "val_loss", "loss", "val_acc". Defaults to "val_loss". */
  readonly monitor?: string;
  /** Start from a checkpoint (a previous callback's `state`). Defaults to a fresh policy. */
  readonly state?: PlateauCallbackState;
}

/** The hooks `model.fit` calls, plus the checkpoint. */
export interface PlateauCallback extends CustomCallbackArgs {
  /** The checkpoint to resume from: pass it as `options.state` to a new callback. */
  readonly state: PlateauCallbackState;
  /** Does nothing: with it (and every hook), `fit` can call the object as a `BaseCallback`. */
  setParams(params: unknown): void;
  /** No-op, as `setParams`. */
  setModel(model: unknown): void;
}

/** The policy, with errors renamed after this callback ("plateau: ..." → "reduceLROnPlateau: ..."). */
function policyOf(options: PlateauOptions): PlateauPolicy {
  try {
    return plateau(options);
  } catch (e) {
    const rename = (m: string) => m.replace(/^plateau:/, "reduceLROnPlateau:");
    if (e instanceof ParameterRangeError)
      throw new ParameterRangeError("reduceLROnPlateau", e.param, rename(e.message));
    if (e instanceof ParameterTypeError)
      throw new ParameterTypeError("reduceLROnPlateau", e.param, rename(e.message));
    throw e;
  }
}

/**
 * A callback for `model.fit` that watches an epoch log value and, when it has not improved for
 * more than `patience` epochs, multiplies the optimizer's current learning rate by `factor`
 * (never below `minLr`), then waits `cooldown` epochs. PyTorch's rules, as lrkit's `plateau`
 * policy states them: better means below `best * (1 - threshold)` in min mode, above
 * `best * (1 + threshold)` in max mode (or ± threshold with `thresholdMode: "abs"`). The lr each
 * epoch used is written into the logs as `lr` (so `history.history.lr` shows the cuts).
 *
 * It reads and cuts whatever lr the optimizer has, like Keras's and PyTorch's ReduceLROnPlateau.
 * To cut a schedule (warmup, cosine, ... then cuts on plateau), give {@link scheduleCallback} a
 * `Scheduler` with a `plateau` option instead: a schedule callback sets the lr at every step and
 * would undo these cuts.
 *
 * @param target - a compiled `tf.LayersModel` or a `tf.Optimizer`.
 * @param options - `monitor` (default "val_loss"), `mode` ("min"), `factor` (0.1), `patience`
 *   (10), `threshold` (1e-4), `thresholdMode` ("rel"), `cooldown` (0), `minLr` (0), `eps` (1e-8),
 *   `state` to resume.
 * @throws RangeError or TypeError naming the option for invalid options; at the start of fit,
 *   Error when the model is not compiled; at an epoch's end, Error when `monitor` is not logged.
 * @example
 * ```ts
 * const cut = reduceLROnPlateau(model, { monitor: "val_loss", patience: 2, factor: 0.5 });
 * const history = await model.fit(xs, ys, { epochs: 30, validationSplit: 0.1, callbacks: [cut] });
 * history.history.lr; // [0.1, 0.1, 0.1, 0.05, ...]
 * ```
 * @see Keras `ReduceLROnPlateau`; PyTorch `torch.optim.lr_scheduler.ReduceLROnPlateau`.
 */
export function reduceLROnPlateau(
  target: OptimizerTarget,
  options: ReduceLROnPlateauArgs = {},
): PlateauCallback {
  const fn = "reduceLROnPlateau";
  const { monitor = "val_loss", state: initial, ...plateauOptions } = options;
  if (typeof monitor !== "string" || monitor === "")
    throw new TypeError(
      `${fn}: monitor must be a log key such as "val_loss", got ${JSON.stringify(monitor)}`,
    );
  const policy = policyOf(plateauOptions);
  let state = initial?.plateau ?? policy.init();
  let optimizer: Optimizer | undefined = isOptimizer(target) ? resolveOptimizer(target, fn) : undefined;

  return {
    onTrainBegin: async () => {
      optimizer = resolveOptimizer(target, fn);
    },
    onTrainEnd: async () => {},
    onEpochBegin: async () => {},
    onBatchBegin: async () => {},
    onBatchEnd: async () => {},
    onEpochEnd: async (_epoch, logs) => {
      optimizer ??= resolveOptimizer(target, fn);
      const metric = await logValue(logs, monitor);
      if (metric === undefined)
        throw new Error(
          `${fn}: monitor "${monitor}" is not in the epoch logs (have ${Object.keys(logs ?? {}).join(", ")})`,
        );
      const lr = getLearningRate(optimizer);
      if (logs) logs.lr = lr;
      const next = policy.update(state, metric, lr);
      if (next.scale !== state.scale) setLearningRate(optimizer, (lr * next.scale) / state.scale);
      state = next;
    },
    get state(): PlateauCallbackState {
      return { plateau: state };
    },
    setParams() {},
    setModel() {},
  };
}
