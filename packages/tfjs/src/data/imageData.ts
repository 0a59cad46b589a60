/**
 * lrkit's image sets (bytes 0–255 and class labels) as training data for a one-input, one-output
 * classifier: batches built from typed-array views, labels one-hot or as class indices, as the
 * model's loss takes them.
 *
 * @module
 */
import { tensor2d, tensor4d } from "@tensorflow/tfjs-core";
import type { Objective } from "../train/objective.js";
import { batches, batchStream, type Batch } from "./batches.js";
import type { BatchSource, TensorBatch } from "./batchSource.js";
import type { ImageDataset } from "./dataset.js";
import { checkShapes } from "./tensorLists.js";

/** True for an lrkit {@link ImageDataset}. */
export function isImageDataset(value: unknown): value is ImageDataset {
  return (
    typeof value === "object" &&
    value !== null &&
    "images" in value &&
    "labels" in value &&
    "shape" in value &&
    "classes" in value
  );
}

/**
 * The batches of an image set for `objective`'s model: pixels as float32 (scaled to [0, 1], then
 * standardised by the set's `normalize`), labels one-hot, or as a column of class indices when
 * the loss is sparse categorical cross-entropy.
 *
 * @throws TypeError when the model does not take the images or give one score per class.
 */
export function imageSource(
  fn: string,
  what: string,
  dataset: ImageDataset,
  objective: Objective,
): BatchSource {
  const classes = dataset.classes.length;
  const sparse = objective.outputs[0]?.target === "sparse";
  const toTensors = (batch: Batch): TensorBatch => ({
    xs: [tensor4d(batch.x, batch.shape)],
    ys: [
      sparse
        ? tensor2d(Float32Array.from(batch.labels), [batch.size, 1])
        : tensor2d(batch.y, [batch.size, classes]),
    ],
    size: batch.size,
  });
  checkShapes(
    fn,
    `${what} (${dataset.name})`,
    objective,
    [{ shape: [dataset.count, ...dataset.shape] }],
    [{ shape: sparse ? [dataset.count, 1] : [dataset.count, classes] }],
  );
  if (dataset.count === 0) throw new RangeError(`${fn}: ${what} (${dataset.name}) has no example`);
  const normalize = dataset.normalize;
  return {
    name: dataset.name,
    examples: dataset.count,
    reorderable: true,
    batchesPerPass: (batchSize) => Math.ceil(dataset.count / batchSize),
    async *pass({ batchSize, seed, epoch, shuffle }) {
      for (const batch of batches(dataset, { batchSize, seed, epoch, shuffle, normalize }))
        yield toTensors(batch);
    },
    async *stream({ batchSize, seed }) {
      const stream = batchStream(dataset, { batchSize, seed, normalize });
      for (;;) yield toTensors(stream.next().value);
    },
    dispose: () => undefined,
  };
}
