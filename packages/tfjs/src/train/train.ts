/**
 * A training loop for any Layers model and data: epochs of mini-batches under a schedule.
 *
 * @module
 */
import { dispose, keep, tidy, type Optimizer, type Tensor } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { constant, yieldToEventLoop } from "lrkit";
import { applyValues, makeDriver, type DriverState, type ScheduleSource } from "../callbacks/driver.js";
import type { StepUnit } from "../callbacks/scheduleCallback.js";
import { checkedBatchSize, checkedSeed } from "../data/batchOptions.js";
import type { BatchSource, TensorBatch } from "../data/batchSource.js";
import { batchSourceOf, type TrainingData, type TrainingDataOptions } from "../data/trainingData.js";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import type { OptimizerOptions } from "../optimizers/optimizerOptions.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getLearningRate } from "../optimizers/hyperparameters.js";
import { optimizerName, type OptimizerName } from "../optimizers/optimizerName.js";
import { batchMetrics, forward, totalLoss, trainableVariables } from "./batchLoss.js";
import type { GradientPool, ParallelTraining } from "./parallel.js";
import { evaluateSource } from "./evaluate.js";
import { objectiveOf, type LossOption, type Objective } from "./objective.js";

/** Options of {@link train}. */
export interface TrainOptions extends TrainingDataOptions {
  /** The model: any `tf.LayersModel`, compiled or given a `loss`. */
  readonly model: LayersModel;
  /** The training data: tensors, a tf.data dataset or an image set (see {@link TrainingData}). */
  readonly data: TrainingData;
  /** Evaluated after each epoch (its values are logged with a `val_` prefix). Defaults to none. */
  readonly validation?: TrainingData;
  /** Passes over the training data; a positive integer. */
  readonly epochs: number;
  /** Examples per update (ignored for a tf.data dataset of batches). Defaults to 32, as `fit`'s. */
  readonly batchSize?: number;
  /**
   * The loss; defaults to the model's compiled loss. A name `compile` knows, lrkit's
   * `"softmaxCrossEntropy"` / `"sigmoidCrossEntropy"` for logits, a function, or one per output.
   */
  readonly loss?: LossOption;
  /**
   * An optimizer name (created here with `optimizerOptions`, and disposed at the end) or an
   * optimizer (left to the caller). Defaults to the model's compiled optimizer, else "sgd".
   */
  readonly optimizer?: OptimizerName | Optimizer;
  /** Options of a named optimizer (momentum, betas, ...); its lr is the schedule's. */
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  /**
   * The learning rate (and momentum): a Schedule, a Scheduler or an lrkit/torch scheduler
   * (ReduceLROnPlateau included). Defaults to the optimizer's learning rate, constant.
   */
  readonly schedule?: ScheduleSource;
  /** What a schedule step is: an update ("batch") or an epoch. Defaults to "epoch". */
  readonly unit?: StepUnit;
  /**
   * The epoch value fed to a metric-driven schedule (a `Scheduler` with a plateau policy, or
   * ReduceLROnPlateau), by its name in the logs: "loss", "val_loss", "acc", "val_acc", ....
   * Defaults to "val_loss" with validation data, else "loss".
   */
  readonly monitor?: string;
  /** Seeds the order of the examples (epoch e's order depends on the seed and e only). Defaults to 0. */
  readonly seed?: number;
  /** Called after every update and every epoch. */
  readonly onProgress?: (event: TrainProgress) => void;
  /** Stops training before the next update; the result then holds the completed epochs. */
  readonly signal?: AbortSignal;
  /**
   * Resume: the first epoch to run (`epochs` counts from 0, as in `model.fit`). Defaults to 0.
   * Restore the weights and optimizer state (see `restore`) and pass `scheduleState` too.
   */
  readonly initialEpoch?: number;
  /** Resume: the schedule's state from a previous result's `scheduleState`. */
  readonly scheduleState?: DriverState;
  /**
   * Splits each update across threads: `gradientWorkers(n)` from `@lrkit/tfjs/node` (Node's worker
   * threads, each with its own TensorFlow.js; faster on a machine with idle cores, since the wasm
   * backend uses one thread in Node). The same run as without, up to float rounding. Defaults to
   * none: every update in this thread.
   */
  readonly parallel?: ParallelTraining;
}

/** What happened in one epoch. */
export interface EpochRecord {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The learning rate of the epoch's last update. */
  readonly lr: number;
  /** The momentum of the epoch's last update, when the schedule drives it. */
  readonly momentum?: number;
  /**
   * The epoch's values by their names in the logs, as `fit` logs them: `loss` and every reported
   * value (`acc`, `mae`, `out1_loss`, ...) as means over the epoch's updates (weighted by batch
   * size, each taken as the weights were at that update), and with validation data the same over
   * it after the epoch, prefixed `val_`.
   */
  readonly metrics: Readonly<Record<string, number>>;
  /** The loss of each update. */
  readonly batchLosses: readonly number[];
  /** The learning rate of each update. */
  readonly batchLrs: readonly number[];
  /** Training examples in this epoch. */
  readonly examples: number;
  /** Training examples per second in this epoch (updates only; evaluation excluded). */
  readonly examplesPerSecond: number;
  /** Seconds spent on updates in this epoch. */
  readonly seconds: number;
}

/** A progress event: after an update, or after an epoch. */
export type TrainProgress =
  | {
      readonly type: "batch";
      readonly epoch: number;
      readonly batch: number;
      /** Updates per epoch, when known. */
      readonly batches: number | undefined;
      readonly loss: number;
      readonly lr: number;
    }
  | { readonly type: "epoch"; readonly record: EpochRecord };

/** What {@link train} returns: plain data. */
export interface TrainResult {
  /** One record per completed epoch (from `initialEpoch`). */
  readonly history: readonly EpochRecord[];
  /** "completed", or "aborted" when the signal stopped training. */
  readonly stopped: "completed" | "aborted";
  /** The optimizer used. */
  readonly optimizer: OptimizerName;
  /** Updates applied. */
  readonly steps: number;
  /** Training examples per second over the whole run (updates only). */
  readonly examplesPerSecond: number;
  /** The schedule's state at the end (JSON): resume with it. */
  readonly scheduleState: DriverState;
}

/** The options checked, and the unit, batch size and seed they resolve to. */
function checkOptions(o: TrainOptions): { unit: StepUnit; batchSize: number; seed: number } {
  if (!Number.isInteger(o.epochs) || o.epochs <= 0)
    throw new RangeError(`train: epochs must be a positive integer, got ${o.epochs}`);
  const first = o.initialEpoch ?? 0;
  if (!Number.isInteger(first) || first < 0 || first >= o.epochs)
    throw new RangeError(`train: initialEpoch must be an integer in [0, epochs), got ${first}`);
  const unit = o.unit ?? "epoch";
  if (unit !== "batch" && unit !== "epoch")
    throw new TypeError(`train: unit must be "batch" or "epoch", got ${JSON.stringify(unit)}`);
  const batchSize = checkedBatchSize("train", o.batchSize, 32);
  const seed = checkedSeed("train", o.seed);
  if (o.parallel !== undefined && typeof o.parallel?.start !== "function")
    throw new TypeError("train: parallel must come from gradientWorkers(n) (@lrkit/tfjs/node)");
  return { unit, batchSize, seed };
}

/** The names of the values an epoch logs: the loss and the reported values, and their `val_` twins. */
function logNames(objective: Objective, validation: boolean): string[] {
  const train = ["loss", ...objective.metrics.map((m) => m.name)];
  return validation ? [...train, ...train.map((n) => `val_${n}`)] : train;
}

/** One update on `batch` in this thread: the loss and the reported values, as numbers. */
function localStep(
  model: LayersModel,
  objective: Objective,
  optimizer: Optimizer,
  batch: TensorBatch,
): number[] {
  let outputs: Tensor[] = [];
  const loss = optimizer.minimize(
    () => {
      const out = forward(model, batch.xs, true);
      outputs = out.map((o) => keep(o));
      return totalLoss(model, objective, batch.ys, out);
    },
    true,
    trainableVariables(model),
  )!;
  const metrics = tidy(() => batchMetrics(objective, batch.ys, outputs));
  const values = [loss, ...metrics].map((v) => v.dataSync()[0]!);
  dispose([loss, ...metrics, ...outputs]);
  return values;
}

/**
 * Trains `model` for `epochs` passes over `data` with its compiled loss (or `loss`), in
 * mini-batches (tensors and image sets in a seeded order; a tf.data dataset in its own), with the
 * learning rate (and momentum) of `schedule` set before each update (`unit: "batch"`) or each
 * epoch. After each epoch it evaluates `validation`, feeds a metric-driven schedule with
 * `monitor`, and reports progress. An aborted `signal` stops it before the next update. With
 * `parallel` each batch is split across threads (data parallelism; see
 * {@link TrainOptions.parallel}). Leaves no tensor behind (the optimizer it creates from a name is
 * disposed, the threads stopped).
 *
 * @param options - see {@link TrainOptions}.
 * @returns the history per epoch (lr, the logged values, per-batch losses and lrs, examples per
 *   second), how it stopped, and the schedule's final state.
 * @throws RangeError or TypeError for invalid options, a model without loss, or data that does not
 *   fit the model (before any update).
 * @example
 * ```ts
 * model.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
 * const result = await train({
 *   model, data: { xs, ys }, validation: { xs: xsVal, ys: ysVal }, epochs: 20, batchSize: 64,
 *   schedule: warmup(cosine({ lr: 3e-3, steps: 19 }), { steps: 1 }),
 * });
 * result.history.at(-1)!.metrics; // { loss, acc, val_loss, val_acc }
 * ```
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const { unit, batchSize, seed } = checkOptions(options);
  const { model, epochs, signal } = options;
  const given = options.optimizer ?? model.optimizer ?? "sgd";
  const optimizer =
    typeof given === "object" ? given : createOptimizer(given, options.optimizerOptions ?? {});
  const owned = optimizer !== given;
  const sources: BatchSource[] = [];
  let pool: GradientPool | undefined;
  try {
    const name = optimizerName(optimizer, "train");
    const objective = objectiveOf("train", model, { loss: options.loss, optimizer });
    const data = batchSourceOf("train", "data", options.data, objective, options);
    sources.push(data);
    const validation =
      options.validation === undefined
        ? undefined
        : batchSourceOf("train", "validation", options.validation, objective, options);
    if (validation) sources.push(validation);
    const names = logNames(objective, validation !== undefined);
    const monitor = options.monitor ?? (validation ? "val_loss" : "loss");
    if (!names.includes(monitor))
      throw new TypeError(
        `train: monitor must be one of the logged values (${names.join(", ")}), got ${JSON.stringify(monitor)}`,
      );
    const driver = makeDriver(
      "train",
      options.schedule ?? constant({ lr: getLearningRate(optimizer) }),
      options.scheduleState,
    );
    if (options.parallel) pool = await options.parallel.start(model, objective);
    const history: EpochRecord[] = [];
    let steps = 0;
    let totalSeconds = 0;
    let totalExamples = 0;
    let aborted = false;

    for (let epoch = options.initialEpoch ?? 0; epoch < epochs && !aborted; epoch++) {
      const batchLosses: number[] = [];
      const batchLrs: number[] = [];
      let values = driver.values();
      if (unit === "epoch") applyValues("train", optimizer, values);
      const sums = [0, ...objective.metrics.map(() => 0)];
      let seen = 0;
      let seconds = 0;
      let index = 0;
      for await (const batch of data.pass({ batchSize, seed, epoch })) {
        if (signal?.aborted) {
          dispose([...batch.xs, ...batch.ys]);
          aborted = true;
          break;
        }
        const start = performance.now();
        if (unit === "batch") applyValues("train", optimizer, (values = driver.values()));
        let measured: number[];
        try {
          measured = pool ? await pool.step(optimizer, batch) : localStep(model, objective, optimizer, batch);
        } finally {
          dispose([...batch.xs, ...batch.ys]);
        }
        if (unit === "batch") driver.step();
        seconds += (performance.now() - start) / 1000;
        steps++;
        measured.forEach((v, i) => (sums[i] = sums[i]! + v * batch.size));
        seen += batch.size;
        batchLosses.push(measured[0]!);
        batchLrs.push(values.lr);
        options.onProgress?.({
          type: "batch",
          epoch,
          batch: index++,
          batches: data.batchesPerPass(batchSize),
          loss: measured[0]!,
          lr: values.lr,
        });
        await yieldToEventLoop();
      }
      if (aborted) break;
      if (seen === 0) throw new RangeError(`train: ${data.name} gave no batch in epoch ${epoch}`);
      const metrics: Record<string, number> = { loss: sums[0]! / seen };
      objective.metrics.forEach((m, i) => (metrics[m.name] = sums[i + 1]! / seen));
      if (validation) {
        const v = await evaluateSource(model, objective, validation, Math.max(batchSize, 1000));
        metrics.val_loss = v.loss;
        for (const [k, value] of Object.entries(v.metrics)) metrics[`val_${k}`] = value;
      }
      const record: EpochRecord = {
        epoch,
        lr: values.lr,
        ...(values.momentum !== undefined ? { momentum: values.momentum } : {}),
        metrics,
        batchLosses,
        batchLrs,
        examples: seen,
        examplesPerSecond: seen / seconds,
        seconds,
      };
      history.push(record);
      totalSeconds += seconds;
      totalExamples += seen;
      if (driver.observes) driver.observe(metrics[monitor]!);
      if (unit === "epoch") driver.step();
      options.onProgress?.({ type: "epoch", record });
    }
    return {
      history,
      stopped: aborted ? "aborted" : "completed",
      optimizer: name,
      steps,
      examplesPerSecond: totalSeconds > 0 ? totalExamples / totalSeconds : 0,
      scheduleState: driver.state(),
    };
  } finally {
    await pool?.close();
    sources.forEach((s) => s.dispose());
    if (owned) disposeOptimizer(optimizer);
  }
}
