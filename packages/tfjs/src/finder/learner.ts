/**
 * lrkit's LR range test (`rangeTest`) on any TensorFlow.js Layers model: the `Learner` it drives.
 *
 * @module
 */
import { add, dispose, div, tidy, type NamedTensorMap, type Optimizer } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { Learner } from "lrkit";
import { checkedBatchSize, checkedSeed } from "../data/batchOptions.js";
import type { BatchSource, TensorBatch } from "../data/batchSource.js";
import { batchSourceOf, type TrainingData, type TrainingDataOptions } from "../data/trainingData.js";
import { setLearningRate } from "../optimizers/hyperparameters.js";
import { optimizerName } from "../optimizers/optimizerName.js";
import { restore, snapshot, type TrainingSnapshot } from "../snapshot/snapshot.js";
import { forward, totalLoss, trainableVariables } from "../train/batchLoss.js";
import { evaluateSource } from "../train/evaluate.js";
import { objectiveOf, type LossOption } from "../train/objective.js";

/** Options of {@link tfjsLearner}. */
export interface TfjsLearnerOptions extends TrainingDataOptions {
  /** The model: any `tf.LayersModel` (compiled, or given a `loss`). */
  readonly model: LayersModel;
  /** The training data, streamed endlessly: tensors, a tf.data dataset or an image set (see {@link TrainingData}). */
  readonly data: TrainingData;
  /** Examples per batch (ignored for a tf.data dataset of batches). Defaults to 32, as `fit`'s. */
  readonly batchSize?: number;
  /** Evaluated by `validate()` (the range test's validation-loss mode). Defaults to none. */
  readonly validation?: TrainingData;
  /**
   * The loss; defaults to the model's compiled loss. A name `compile` knows, lrkit's
   * `"softmaxCrossEntropy"` / `"sigmoidCrossEntropy"` for logits, a function, or one per output.
   */
  readonly loss?: LossOption;
  /** The optimizer whose lr the sweep sets. Defaults to `model.optimizer`. */
  readonly optimizer?: Optimizer;
  /** Seeds the data order (of data lrkit orders). Defaults to 0; `reseed` restarts the stream with another. */
  readonly seed?: number;
}

/** A {@link Learner} over a TensorFlow.js model, which frees the tensors it made from plain arrays on `dispose()`. */
export interface TfjsLearner extends Learner {
  /** Frees the tensors made from plain-array data; the model, optimizer and the caller's tensors are left alone. */
  dispose(): void;
}

/**
 * A `Learner` for lrkit's `rangeTest` on any Layers model: `step(lr, k)` sets the lr, averages the
 * gradients of the next k batches of an endless stream of the data (seeded and reshuffled each
 * pass for tensors and image sets, a tf.data dataset in its own order, repeated) and applies one
 * update of the model's trainable weights, returning the mean loss — the model's compiled loss
 * (every output's, plus regularisation, as `fit` computes it) or `loss`; `snapshot`/`restore` clone
 * and put back the weights and the optimizer state (leak-free; `release` frees a snapshot);
 * `validate` evaluates `validation`; `reseed` restarts the stream in another order.
 *
 * @throws TypeError when there is no optimizer, no loss, or data that does not fit the model;
 *   RangeError for a bad batch size or seed, or data with fewer examples than a batch.
 * @example
 * ```ts
 * model.compile({ optimizer: tf.train.adam(), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
 * const learner = tfjsLearner({ model, data: { xs, ys }, batchSize: 64 });
 * const result = await rangeTest(learner, { start: 1e-6, end: 1, iterations: 100 });
 * learner.dispose();
 * result.recommendedLr;
 * ```
 */
export function tfjsLearner(options: TfjsLearnerOptions): TfjsLearner {
  const fn = "tfjsLearner";
  const { model } = options;
  const batchSize = checkedBatchSize(fn, options.batchSize, 32);
  const seed = checkedSeed(fn, options.seed);
  const optimizer = options.optimizer ?? model.optimizer;
  if (!optimizer) throw new TypeError(`${fn}: give an optimizer or compile the model first`);
  optimizerName(optimizer, fn);
  const objective = objectiveOf(fn, model, { loss: options.loss, optimizer });
  const sources: BatchSource[] = [];
  let train: BatchSource;
  let validation: BatchSource | undefined;
  try {
    train = batchSourceOf(fn, "data", options.data, objective, options);
    sources.push(train);
    if (train.examples !== undefined && train.examples < batchSize)
      throw new RangeError(`${fn}: data has ${train.examples} examples, fewer than batchSize ${batchSize}`);
    if (options.validation !== undefined) {
      validation = batchSourceOf(fn, "validation", options.validation, objective, options);
      sources.push(validation);
    }
  } catch (e) {
    sources.forEach((s) => s.dispose());
    throw e;
  }
  const variables = trainableVariables(model);
  let stream = train.stream({ batchSize, seed });

  const next = async (): Promise<TensorBatch> => (await stream.next()).value;
  const lossOf = (batch: TensorBatch) => () =>
    totalLoss(model, objective, batch.ys, forward(model, batch.xs, true));
  const free = (batch: TensorBatch) => dispose([...batch.xs, ...batch.ys]);

  return {
    async step(lr, batches = 1) {
      if (!Number.isInteger(batches) || batches < 1)
        throw new RangeError(`${fn}: batches must be a positive integer, got ${batches}`);
      setLearningRate(optimizer, lr);
      if (batches === 1) {
        const batch = await next();
        try {
          const loss = optimizer.minimize(lossOf(batch), true, variables)!;
          const value = (await loss.data())[0]!;
          loss.dispose();
          return value;
        } finally {
          free(batch);
        }
      }
      let total: NamedTensorMap = {};
      let lossSum = 0;
      try {
        for (let i = 0; i < batches; i++) {
          const batch = await next();
          try {
            const { value, grads } = optimizer.computeGradients(lossOf(batch), variables);
            lossSum += (await value.data())[0]!;
            const sum = tidy(() =>
              Object.fromEntries(
                Object.entries(grads).map(([k, g]) => [k, total[k] ? add(total[k]!, g) : g.clone()]),
              ),
            );
            dispose([value, ...Object.values(grads), ...Object.values(total)]);
            total = sum;
          } finally {
            free(batch);
          }
        }
        const mean = tidy(() =>
          Object.fromEntries(Object.entries(total).map(([k, g]) => [k, div(g, batches)])),
        );
        optimizer.applyGradients(mean);
        dispose(Object.values(mean));
      } finally {
        dispose(Object.values(total));
      }
      return lossSum / batches;
    },
    snapshot: () => snapshot(model, optimizer),
    restore: (saved) => restore(model, saved as TrainingSnapshot, optimizer),
    release: (saved) => (saved as TrainingSnapshot).dispose(),
    reseed: (other) => {
      if (!train.reorderable)
        throw new TypeError(
          `${fn}: seeds need data lrkit can reorder (tensors or an image set); ${train.name} keeps its own order (shuffle it in its pipeline)`,
        );
      stream = train.stream({ batchSize, seed: other });
    },
    ...(validation
      ? { validate: async () => (await evaluateSource(model, objective, validation, 1000)).loss }
      : {}),
    dispose: () => sources.forEach((s) => s.dispose()),
  };
}
