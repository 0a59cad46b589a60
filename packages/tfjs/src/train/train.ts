/**
 * The training loop of the CLI and the experiments: epochs over a dataset under a schedule.
 *
 * @module
 */
import {
  dispose,
  keep,
  losses,
  tensor2d,
  tensor4d,
  type Optimizer,
  type Scalar,
  type Tensor,
} from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { constant } from "lrkit";
import { applyValues, makeDriver, type DriverState, type ScheduleSource } from "../callbacks/driver.js";
import type { StepUnit } from "../callbacks/scheduleCallback.js";
import { batches, type BatchOptions } from "../data/batches.js";
import type { ImageDataset } from "../data/dataset.js";
import { createOptimizer, type OptimizerOptions } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getLearningRate } from "../optimizers/hyperparameters.js";
import { optimizerName, type OptimizerName } from "../optimizers/optimizerName.js";
import { startGradientPool, type GradientPool } from "./dataParallel.js";
import { countCorrect, evaluate } from "./evaluate.js";

/** The epoch values a plateau policy can watch. */
export type TrainMetric = "trainLoss" | "trainAccuracy" | "testLoss" | "testAccuracy";

/** Options of {@link train}. */
export interface TrainOptions {
  /** The model: it outputs logits (see `lenet`, `mlp`); trained with softmax cross-entropy. */
  readonly model: LayersModel;
  /** The training set. */
  readonly train: ImageDataset;
  /** The test set, evaluated after each epoch. Defaults to none. */
  readonly test?: ImageDataset;
  /** Passes over the training set; a positive integer. */
  readonly epochs: number;
  /** Examples per update. Defaults to 256 (d2l's). */
  readonly batchSize?: number;
  /**
   * An optimizer name (created here with `optimizerOptions`, and disposed at the end) or an
   * optimizer (left to the caller). Defaults to "sgd".
   */
  readonly optimizer?: OptimizerName | Optimizer;
  /** Options of a named optimizer (momentum, betas, ...); its lr is the schedule's. */
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  /**
   * The learning rate (and momentum): a Schedule, a Scheduler or an lrkit/torch scheduler.
   * Defaults to the optimizer's learning rate, constant.
   */
  readonly schedule?: ScheduleSource;
  /** What a schedule step is: an update ("batch") or an epoch. Defaults to "epoch". */
  readonly unit?: StepUnit;
  /**
   * The epoch value fed to the schedule's plateau policy, when it has one. Defaults to
   * "testLoss" with a test set, else "trainLoss".
   */
  readonly monitor?: TrainMetric;
  /** Seeds the order of the examples (epoch e's order depends on the seed and e only). Defaults to 0. */
  readonly seed?: number;
  /** Pixel standardisation, as in {@link batches}. Defaults to none (pixels in [0, 1]). */
  readonly normalize?: BatchOptions["normalize"];
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
   * Threads per update, this one included: with more than one, each batch is split between this
   * thread and `workers − 1` worker threads (each with its own TensorFlow.js on the same backend,
   * wasm or cpu, and a copy of the model rebuilt from its JSON at the current weights), and the
   * slices' gradients are averaged before the one update. The same run as with 1, up to float
   * rounding; faster on a machine with that many idle cores, since the wasm backend uses one
   * thread in Node. Needs a model that `tf.models.modelFromJSON` can rebuild (built-in layers)
   * and no layer whose training pass is random (dropout). Defaults to 1.
   */
  readonly workers?: number;
}

/** What happened in one epoch. */
export interface EpochRecord {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The learning rate of the epoch's last update. */
  readonly lr: number;
  /** The momentum of the epoch's last update, when the schedule drives it. */
  readonly momentum?: number;
  /** The mean training loss over the epoch's updates (weighted by batch size). */
  readonly trainLoss: number;
  /** The training accuracy over the epoch (as the weights were at each update). */
  readonly trainAccuracy: number;
  /** The test loss after the epoch, with a test set. */
  readonly testLoss?: number;
  /** The test accuracy after the epoch, with a test set. */
  readonly testAccuracy?: number;
  /** The loss of each update. */
  readonly batchLosses: readonly number[];
  /** The learning rate of each update. */
  readonly batchLrs: readonly number[];
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
      readonly batches: number;
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

function checkOptions(o: TrainOptions): void {
  if (!Number.isInteger(o.epochs) || o.epochs <= 0)
    throw new RangeError(`train: epochs must be a positive integer, got ${o.epochs}`);
  const first = o.initialEpoch ?? 0;
  if (!Number.isInteger(first) || first < 0 || first >= o.epochs)
    throw new RangeError(`train: initialEpoch must be an integer in [0, epochs), got ${first}`);
  const unit = o.unit ?? "epoch";
  if (unit !== "batch" && unit !== "epoch")
    throw new TypeError(`train: unit must be "batch" or "epoch", got ${JSON.stringify(unit)}`);
  const metrics: TrainMetric[] = ["trainLoss", "trainAccuracy", "testLoss", "testAccuracy"];
  if (o.monitor !== undefined && !metrics.includes(o.monitor))
    throw new TypeError(
      `train: monitor must be one of ${metrics.join(", ")}, got ${JSON.stringify(o.monitor)}`,
    );
  if (o.monitor?.startsWith("test") && !o.test)
    throw new TypeError(`train: monitor "${o.monitor}" needs a test set`);
  const workers = o.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`train: workers must be a positive integer, got ${workers}`);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains `model` (logits out, softmax cross-entropy) for `epochs` passes over `train`, in
 * mini-batches built from typed arrays in a seeded order, with the learning rate (and momentum)
 * of `schedule` set before each update (`unit: "batch"`) or each epoch. After each epoch it
 * evaluates `test`, feeds the schedule's plateau policy (if any) with `monitor`, and reports
 * progress. An aborted `signal` stops it before the next update. With `workers > 1` each batch
 * is split across that many threads (data parallelism; see {@link TrainOptions.workers}). Leaves
 * no tensor behind (the optimizer it creates from a name is disposed, the workers stopped).
 *
 * @param options - see {@link TrainOptions}.
 * @returns the history per epoch (lr, train loss and accuracy, test loss and accuracy, per-batch
 *   losses and lrs, examples per second), how it stopped, and the schedule's final state.
 * @throws RangeError or TypeError for invalid options (before any update).
 * @example
 * ```ts
 * const { train: trainSet, test } = await loadFashionMnist();
 * const result = await train({
 *   model: lenet({ seed: 0 }), train: trainSet, test, epochs: 30, batchSize: 256,
 *   optimizer: "sgd", schedule: cosine({ lr: 0.3, steps: 30, minLr: 0.01 }),
 * });
 * result.history.at(-1); // { epoch: 29, lr: ..., trainLoss: ..., testAccuracy: ..., ... }
 * ```
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  checkOptions(options);
  const { model, epochs, signal } = options;
  const unit = options.unit ?? "epoch";
  const batchSize = options.batchSize ?? 256;
  const optimizer =
    typeof options.optimizer === "object"
      ? options.optimizer
      : createOptimizer(options.optimizer ?? "sgd", options.optimizerOptions ?? {});
  const owned = optimizer !== options.optimizer;
  let pool: GradientPool | undefined;
  try {
    const name = optimizerName(optimizer, "train");
    const driver = makeDriver(
      "train",
      options.schedule ?? constant({ lr: getLearningRate(optimizer) }),
      options.scheduleState,
    );
    const monitor = options.monitor ?? (options.test ? "testLoss" : "trainLoss");
    const classes = options.train.classes.length;
    const threads = options.workers ?? 1;
    if (threads > 1) pool = await startGradientPool(model, threads, classes);
    const batchOptions = { batchSize, seed: options.seed ?? 0, normalize: options.normalize };
    const perEpoch = Math.ceil(options.train.count / batchSize);
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
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let seconds = 0;
      let index = 0;
      for (const batch of batches(options.train, { ...batchOptions, epoch })) {
        if (signal?.aborted) {
          aborted = true;
          break;
        }
        const start = performance.now();
        if (unit === "batch") applyValues("train", optimizer, (values = driver.values()));
        let lossValue: number;
        if (pool) {
          const outcome = await pool.step(optimizer, batch);
          lossValue = outcome.loss;
          correct += outcome.correct;
        } else {
          const xs = tensor4d(batch.x, batch.shape);
          const ys = tensor2d(batch.y, [batch.size, classes]);
          let logits: Tensor | undefined;
          const loss = optimizer.minimize(() => {
            const out = model.apply(xs, { training: true }) as Tensor;
            logits = keep(out);
            return losses.softmaxCrossEntropy(ys, out) as Scalar;
          }, true)!;
          lossValue = loss.dataSync()[0]!;
          correct += countCorrect(logits!.dataSync(), batch.labels, classes);
          dispose([xs, ys, loss, logits!]);
        }
        if (unit === "batch") driver.step();
        seconds += (performance.now() - start) / 1000;
        steps++;
        lossSum += lossValue * batch.size;
        seen += batch.size;
        batchLosses.push(lossValue);
        batchLrs.push(values.lr);
        options.onProgress?.({
          type: "batch",
          epoch,
          batch: index++,
          batches: perEpoch,
          loss: lossValue,
          lr: values.lr,
        });
        await tick();
      }
      if (aborted) break;
      const test = options.test ? evaluate(model, options.test, { normalize: options.normalize }) : undefined;
      const record: EpochRecord = {
        epoch,
        lr: values.lr,
        ...(values.momentum !== undefined ? { momentum: values.momentum } : {}),
        trainLoss: lossSum / seen,
        trainAccuracy: correct / seen,
        ...(test ? { testLoss: test.loss, testAccuracy: test.accuracy } : {}),
        batchLosses,
        batchLrs,
        examplesPerSecond: seen / seconds,
        seconds,
      };
      history.push(record);
      totalSeconds += seconds;
      totalExamples += seen;
      if (driver.observes) driver.observe(record[monitor]!);
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
    if (owned) disposeOptimizer(optimizer);
  }
}
