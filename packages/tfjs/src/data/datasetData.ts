/**
 * A `tf.data` dataset of `{ xs, ys }` elements as training data, batched or not, in its own order.
 *
 * @module
 */
import { dispose, type TensorContainer } from "@tensorflow/tfjs-core";
import type { Objective } from "../train/objective.js";
import type { BatchSource, TensorBatch } from "./batchSource.js";
import { checkClassIndices, checkShapes, tensorList, type Tensors } from "./tensorLists.js";

/** One element of a dataset: the inputs and targets of one example, or of one batch. */
export interface DatasetElement {
  /** The inputs, as in {@link TensorData}. */
  readonly xs: Tensors;
  /** The targets, as in {@link TensorData}. */
  readonly ys: Tensors;
}

/**
 * What lrkit uses of a `tf.data.Dataset` (from `@tensorflow/tfjs-data`, which `fitDataset` takes
 * too): `iterator()`, `size`, and `batch()` for a dataset of single examples. Its elements must be
 * {@link DatasetElement}s (checked as they come).
 */
export interface DatasetLike<T = unknown> {
  /** A new pass over the elements. */
  iterator(): Promise<{ next(): Promise<IteratorResult<T>> }>;
  /** The number of elements, when known (`null` or `Infinity` otherwise). */
  readonly size: number | null;
  /** Groups consecutive elements into batches. */
  batch?(batchSize: number, smallLastBatch?: boolean): DatasetLike<T>;
}

/** True for a dataset (anything with an `iterator()` method, as `fitDataset` decides). */
export function isDataset(value: unknown): value is DatasetLike {
  return typeof value === "object" && value !== null && typeof (value as DatasetLike).iterator === "function";
}

/**
 * The batches of a dataset. Whether its elements are single examples or batches is `batched`, or,
 * when not given, read from the first element: its first input has the rank of the model's input
 * (a batch) or one less (an example, then grouped with `dataset.batch(batchSize)`). The dataset's
 * own order is kept (shuffle it in the pipeline, `dataset.shuffle(n, seed)`); each element's tensors
 * are disposed after use, as `fitDataset` does.
 *
 * @throws TypeError when the elements do not fit the model; RangeError when the dataset is empty.
 */
export function datasetSource(
  fn: string,
  what: string,
  dataset: DatasetLike,
  objective: Objective,
  batched?: boolean,
): BatchSource {
  const label = `${what} (a tf.data dataset)`;
  let isBatched = batched;

  const elementOf = (value: unknown): DatasetElement => {
    if (typeof value !== "object" || value === null || !("xs" in value) || !("ys" in value))
      throw new TypeError(
        `${fn}: ${label} must yield { xs, ys } elements, got ${value === null || typeof value !== "object" ? String(value) : `an object with keys ${Object.keys(value).join(", ") || "(none)"}`}`,
      );
    return value as DatasetElement;
  };

  const toBatch = (value: unknown): TensorBatch => {
    try {
      const element = elementOf(value);
      const xs = tensorList(fn, `${label} xs`, element.xs, objective.inputs).tensors;
      const ys = tensorList(fn, `${label} ys`, element.ys, objective.outputs).tensors;
      checkShapes(fn, label, objective, xs, ys);
      checkClassIndices(fn, label, objective, ys);
      return { xs, ys, size: xs[0]!.shape[0]! };
    } catch (e) {
      dispose(value as TensorContainer);
      throw e;
    }
  };

  const decide = async (): Promise<boolean> => {
    if (isBatched !== undefined) return isBatched;
    const first = await (await dataset.iterator()).next();
    if (first.done) throw new RangeError(`${fn}: ${label} yielded no element`);
    try {
      const xs = tensorList(fn, `${label} xs`, elementOf(first.value).xs, objective.inputs).tensors;
      const rank = xs[0]!.rank;
      const modelRank = objective.inputs[0]!.shape.length;
      if (rank !== modelRank && rank !== modelRank - 1)
        throw new TypeError(
          `${fn}: ${label} yields inputs of rank ${rank}; the model's input "${objective.inputs[0]!.name}" takes ${JSON.stringify(objective.inputs[0]!.shape)}, so an element should have rank ${modelRank} (a batch) or ${modelRank - 1} (one example)`,
        );
      isBatched = rank === modelRank;
    } finally {
      dispose(first.value as TensorContainer);
    }
    return isBatched;
  };

  const batches = async (batchSize: number, smallLast: boolean): Promise<DatasetLike> => {
    if (await decide()) return dataset;
    if (typeof dataset.batch !== "function")
      throw new TypeError(`${fn}: ${label} yields single examples but has no batch() method to group them`);
    return dataset.batch(batchSize, smallLast);
  };

  const size = typeof dataset.size === "number" && Number.isFinite(dataset.size) ? dataset.size : undefined;
  return {
    name: label,
    get examples() {
      return isBatched === false ? size : undefined;
    },
    reorderable: false,
    batchesPerPass: (batchSize) =>
      size === undefined || isBatched === undefined
        ? undefined
        : isBatched
          ? size
          : Math.ceil(size / batchSize),
    async *pass({ batchSize }) {
      const iterator = await (await batches(batchSize, true)).iterator();
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield toBatch(r.value);
    },
    async *stream({ batchSize }) {
      const source = await batches(batchSize, false);
      for (;;) {
        const iterator = await source.iterator();
        let yielded = false;
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
          yielded = true;
          yield toBatch(r.value);
        }
        if (!yielded)
          throw new RangeError(
            `${fn}: ${label} yielded no${isBatched ? "" : " full"} batch (batchSize ${batchSize})`,
          );
      }
    },
    dispose: () => undefined,
  };
}
