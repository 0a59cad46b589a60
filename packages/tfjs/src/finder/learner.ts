/**
 * lrkit's LR range test (`rangeTest`) on a TensorFlow.js model: the `Learner` it drives.
 *
 * @module
 */
import {
  add,
  dispose,
  div,
  losses,
  tensor2d,
  tensor4d,
  tidy,
  type NamedTensorMap,
  type Optimizer,
  type Scalar,
  type Tensor,
} from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { Learner } from "lrkit";
import { batchStream, type Batch, type BatchOptions } from "../data/batches.js";
import type { ImageDataset } from "../data/dataset.js";
import { setLearningRate } from "../optimizers/hyperparameters.js";
import { optimizerName } from "../optimizers/optimizerName.js";
import { restore, snapshot, type TrainingSnapshot } from "../snapshot/snapshot.js";
import { evaluate } from "../train/evaluate.js";

/** Options of {@link tfjsLearner}. */
export interface TfjsLearnerOptions {
  /** The model: outputs logits (softmax cross-entropy is the loss). */
  readonly model: LayersModel;
  /** The optimizer whose lr the sweep sets. Defaults to `model.optimizer`. */
  readonly optimizer?: Optimizer;
  /** The training data, streamed endlessly, reshuffled each pass (see {@link batchStream}). */
  readonly train: ImageDataset;
  /** Examples per batch; a positive integer. */
  readonly batchSize: number;
  /** Seeds the data order. Defaults to 0; `reseed` restarts the stream with another. */
  readonly seed?: number;
  /** Evaluated by `validate()` (the range test's validation mode). Defaults to none. */
  readonly validation?: ImageDataset;
  /** Pixel standardisation, as in {@link batches}. Defaults to none. */
  readonly normalize?: BatchOptions["normalize"];
}

/**
 * A `Learner` for lrkit's `rangeTest`: `step(lr, k)` sets the lr, averages the gradients of the
 * next k batches of an endless, seeded stream (MXNet's "continuous batch sampler") and applies one
 * update, returning the mean loss; `snapshot`/`restore` clone and put back the weights and the
 * optimizer state (leak-free; `release` frees a snapshot); `validate` evaluates `validation`;
 * `reseed` restarts the stream.
 *
 * @throws TypeError when there is no optimizer (none given, model not compiled); RangeError for a
 *   bad batch size or a dataset smaller than a batch.
 * @example
 * ```ts
 * const model = lenet();
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
 * const learner = tfjsLearner({ model, train, batchSize: 128 });
 * const result = await rangeTest(learner, { start: 1e-5, end: 10, iterations: 100 });
 * result.recommendedLr;
 * ```
 */
export function tfjsLearner(options: TfjsLearnerOptions): Learner {
  const { model, train, batchSize, normalize } = options;
  const optimizer = options.optimizer ?? model.optimizer;
  if (!optimizer) throw new TypeError("tfjsLearner: give an optimizer or compile the model first");
  optimizerName(optimizer, "tfjsLearner");
  const streamOf = (seed: number) => batchStream(train, { batchSize, seed, normalize });
  let stream = streamOf(options.seed ?? 0);
  const classes = train.classes.length;

  const lossOf = (batch: Batch) => () =>
    tidy(() => {
      const xs = tensor4d(batch.x, batch.shape);
      const ys = tensor2d(batch.y, [batch.size, classes]);
      return losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as Tensor) as Scalar;
    });

  return {
    async step(lr, batches = 1) {
      if (!Number.isInteger(batches) || batches < 1)
        throw new RangeError(`tfjsLearner: batches must be a positive integer, got ${batches}`);
      setLearningRate(optimizer, lr);
      if (batches === 1) {
        const loss = optimizer.minimize(lossOf(stream.next().value), true)!;
        const value = (await loss.data())[0]!;
        loss.dispose();
        return value;
      }
      let total: NamedTensorMap = {};
      let lossSum = 0;
      for (let i = 0; i < batches; i++) {
        const { value, grads } = optimizer.computeGradients(lossOf(stream.next().value));
        lossSum += (await value.data())[0]!;
        const next = tidy(() =>
          Object.fromEntries(
            Object.entries(grads).map(([k, g]) => [k, total[k] ? add(total[k]!, g) : g.clone()]),
          ),
        );
        dispose([value, ...Object.values(grads), ...Object.values(total)]);
        total = next;
      }
      const mean = tidy(() =>
        Object.fromEntries(Object.entries(total).map(([k, g]) => [k, div(g, batches)])),
      );
      optimizer.applyGradients(mean);
      dispose([...Object.values(total), ...Object.values(mean)]);
      return lossSum / batches;
    },
    snapshot: () => snapshot(model, optimizer),
    restore: (saved) => restore(model, saved as TrainingSnapshot, optimizer),
    release: (saved) => (saved as TrainingSnapshot).dispose(),
    reseed: (seed) => {
      stream = streamOf(seed);
    },
    ...(options.validation
      ? { validate: async () => evaluate(model, options.validation!, { batchSize: 1000, normalize }).loss }
      : {}),
  };
}
