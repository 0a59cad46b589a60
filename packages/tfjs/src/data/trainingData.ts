/**
 * The one notion of data for everything that trains: the range test, the trainer, evaluation and
 * compare.
 *
 * @module
 */
import type { Objective } from "../train/objective.js";
import type { BatchSource } from "./batchSource.js";
import { datasetSource, isDataset, type DatasetLike } from "./datasetData.js";
import type { ImageDataset } from "./dataset.js";
import { imageSource, isImageDataset } from "./imageData.js";
import { isTensorData, tensorSource, type TensorData } from "./tensorData.js";

/**
 * Data to train or evaluate a model on:
 * - `{ xs, ys }`: tensors (or plain arrays), a list of them for several inputs or outputs, or a
 *   record by input and output name; lrkit shuffles them by seed and batches them;
 * - a `tf.data` dataset of `{ xs, ys }` elements, single examples (grouped into batches by
 *   `dataset.batch`) or batches (told apart by their rank, or by the `batched` option), in its own order;
 * - an lrkit {@link ImageDataset} (bytes and class labels, such as `loadFashionMnist()`'s sets),
 *   for a one-input classifier.
 */
export type TrainingData = TensorData | DatasetLike | ImageDataset;

/** How to read {@link TrainingData}. */
export interface TrainingDataOptions {
  /**
   * For a tf.data dataset: true when its elements are batches, false when they are single
   * examples. Defaults to reading it from the first element's rank.
   */
  readonly batched?: boolean;
}

/**
 * The batches of `data` for the model of `objective`.
 *
 * @param what - the data's name in messages ("data", "validation").
 * @throws TypeError for data of no known kind or that does not fit the model; RangeError for empty data.
 */
export function batchSourceOf(
  fn: string,
  what: string,
  data: TrainingData,
  objective: Objective,
  options: TrainingDataOptions = {},
): BatchSource {
  if (isImageDataset(data)) return imageSource(fn, what, data, objective);
  if (isTensorData(data)) return tensorSource(fn, what, data, objective);
  if (isDataset(data)) return datasetSource(fn, what, data, objective, options.batched);
  throw new TypeError(
    `${fn}: ${what} must be { xs, ys } tensors, a tf.data dataset of { xs, ys } elements or an lrkit ImageDataset, got ${
      data === null
        ? "null"
        : typeof data === "object"
          ? `an object with keys ${Object.keys(data).join(", ") || "(none)"}`
          : typeof data
    }`,
  );
}
