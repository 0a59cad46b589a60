/**
 * Loss and accuracy of a classifier on a dataset.
 *
 * @module
 */
import { dispose, losses, Reduction, tensor2d, tensor4d, tidy, type Tensor } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { batches, type BatchOptions } from "../data/batches.js";
import type { ImageDataset } from "../data/dataset.js";

/** The mean loss and the accuracy over a dataset. */
export interface Evaluation {
  /** The mean softmax cross-entropy. */
  readonly loss: number;
  /** The fraction of examples whose largest logit is their label. */
  readonly accuracy: number;
}

/**
 * The number of rows of `logits` (`n × classes`, row-major) whose largest entry (the first, on
 * ties) is at the row's label.
 *
 * @example
 * ```ts
 * countCorrect([0.1, 2, -1, 0.3, 0.2, 0.9], [1, 0], 3); // 1
 * ```
 */
export function countCorrect(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (logits[i * classes + k]! > logits[i * classes + best]!) best = k;
    if (best === labels[i]) correct++;
  }
  return correct;
}

/**
 * The mean softmax cross-entropy and the accuracy of `model` (which outputs logits) on `dataset`,
 * in dataset order, `batchSize` examples at a time, without leaking tensors.
 *
 * @param options - `batchSize` (default 1000) and `normalize` (as in training; default none).
 * @throws RangeError for a bad batch size or an empty dataset.
 * @example
 * ```ts
 * const { loss, accuracy } = evaluate(model, test);
 * ```
 */
export function evaluate(
  model: LayersModel,
  dataset: ImageDataset,
  options: Partial<Pick<BatchOptions, "batchSize" | "normalize">> = {},
): Evaluation {
  const classes = dataset.classes.length;
  let total = 0;
  let correct = 0;
  for (const batch of batches(dataset, {
    ...options,
    batchSize: options.batchSize ?? 1000,
    shuffle: false,
  })) {
    const [loss, logits] = tidy(() => {
      const out = model.apply(tensor4d(batch.x, batch.shape), {
        training: false,
      }) as Tensor;
      const ys = tensor2d(batch.y, [batch.size, classes]);
      return [losses.softmaxCrossEntropy(ys, out, undefined, undefined, Reduction.SUM), out];
    });
    total += loss.dataSync()[0]!;
    correct += countCorrect(logits.dataSync(), batch.labels, classes);
    dispose([loss, logits]);
  }
  return { loss: total / dataset.count, accuracy: correct / dataset.count };
}
