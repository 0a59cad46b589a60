/**
 * Mini-batches built from typed-array views: float32 pixels normalised per batch, one-hot labels,
 * in a seeded order.
 *
 * @module
 */
import { checkedBatchSize, checkedSeed } from "./batchOptions.js";
import type { ImageDataset } from "./dataset.js";
import { permutation } from "./shuffle.js";

/** One mini-batch, as typed arrays (turn it into tensors with `tf.tensor4d(batch.x, batch.shape)`). */
export interface Batch {
  /** The number of examples. */
  readonly size: number;
  /** `size × height × width × channels` normalised pixels. */
  readonly x: Float32Array;
  /** The shape of `x`: `[size, height, width, channels]`. */
  readonly shape: [number, number, number, number];
  /** `size × classes` one-hot labels. */
  readonly y: Float32Array;
  /** The labels. */
  readonly labels: Uint8Array;
  /** The dataset indices of the examples. */
  readonly indices: Uint32Array;
}

/** Options of {@link batches} and {@link batchStream}. */
export interface BatchOptions {
  /** Examples per batch; a positive integer. */
  readonly batchSize: number;
  /** Seeds the order: the same seed gives the same batches. Defaults to 0. */
  readonly seed?: number;
  /** Shuffle (else dataset order). Defaults to true. */
  readonly shuffle?: boolean;
  /** Drop the last batch when it is smaller than `batchSize`. Defaults to false ({@link batchStream}: always). */
  readonly dropRemainder?: boolean;
  /**
   * Pixels are scaled to [0, 1], then standardised: `(p / 255 − mean) / std`. Defaults to
   * `{ mean: 0, std: 1 }` (d2l's `ToTensor`).
   */
  readonly normalize?: { readonly mean: number; readonly std: number };
}

function check(fn: string, dataset: ImageDataset, o: BatchOptions): void {
  checkedBatchSize(fn, o.batchSize);
  checkedSeed(fn, o.seed);
  const n = o.normalize;
  if (n !== undefined && !(Number.isFinite(n.mean) && Number.isFinite(n.std) && n.std > 0))
    throw new RangeError(
      `${fn}: normalize must have a finite mean and a positive std, got ${JSON.stringify(n)}`,
    );
  if (dataset.count === 0) throw new RangeError(`${fn}: the dataset ${dataset.name} is empty`);
}

/**
 * The batch of the examples at `indices`: pixels as float32 `(p / 255 − mean) / std`, labels one-hot.
 *
 * @param options - `normalize` (default `{ mean: 0, std: 1 }`).
 * @example
 * ```ts
 * const batch = makeBatch(test, Uint32Array.of(0, 1, 2));
 * const xs = tf.tensor4d(batch.x, batch.shape);
 * ```
 */
export function makeBatch(
  dataset: ImageDataset,
  indices: Uint32Array,
  options: Pick<BatchOptions, "normalize"> = {},
): Batch {
  const [h, w, c] = dataset.shape;
  const size = h * w * c;
  const classes = dataset.classes.length;
  const { mean = 0, std = 1 } = options.normalize ?? {};
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = (v / 255 - mean) / std;
  const n = indices.length;
  const x = new Float32Array(n * size);
  const y = new Float32Array(n * classes);
  const labels = new Uint8Array(n);
  const { images } = dataset;
  for (let i = 0; i < n; i++) {
    const from = indices[i]! * size;
    const to = i * size;
    for (let k = 0; k < size; k++) x[to + k] = table[images[from + k]!]!;
    const label = dataset.labels[indices[i]!]!;
    labels[i] = label;
    y[i * classes + label] = 1;
  }
  return { size: n, x, shape: [n, h, w, c], y, labels, indices };
}

/**
 * The batches of one pass over `dataset`, in the order of epoch `epoch` (a seeded permutation
 * that depends only on `seed` and `epoch`, so a resumed run sees the same order), each built
 * when reached.
 *
 * @param epoch - which pass; defaults to 0.
 * @throws RangeError for a bad batch size, seed or normalisation, or an empty dataset.
 * @example
 * ```ts
 * for (const batch of batches(train, { batchSize: 256, seed: 1, epoch: 3 })) {
 *   const xs = tf.tensor4d(batch.x, batch.shape);
 *   // ...
 * }
 * ```
 */
export function batches(
  dataset: ImageDataset,
  options: BatchOptions & { readonly epoch?: number },
): Generator<Batch> {
  check("batches", dataset, options);
  if (options.epoch !== undefined && !(Number.isInteger(options.epoch) && options.epoch >= 0))
    throw new RangeError(`batches: epoch must be a non-negative integer, got ${options.epoch}`);
  return pass(dataset, options);
}

function* pass(dataset: ImageDataset, options: BatchOptions & { readonly epoch?: number }): Generator<Batch> {
  const order =
    options.shuffle === false ? null : permutation(dataset.count, options.seed ?? 0, options.epoch ?? 0);
  const { batchSize } = options;
  const end = options.dropRemainder ? dataset.count - (dataset.count % batchSize) : dataset.count;
  for (let start = 0; start < end; start += batchSize) {
    const stop = Math.min(start + batchSize, end);
    const indices = order
      ? order.subarray(start, stop)
      : Uint32Array.from({ length: stop - start }, (_, i) => start + i);
    yield makeBatch(dataset, indices, options);
  }
}

/**
 * An endless stream of full batches for the LR range test (the "continuous batch sampler" of
 * MXNet's LR finder tutorial): pass after pass over `dataset`, reshuffled each pass (pass p in
 * the order of {@link batches} for epoch p), the last incomplete batch of each pass dropped.
 *
 * @throws RangeError for a bad batch size, seed or normalisation, or a dataset smaller than a batch.
 * @example
 * ```ts
 * const stream = batchStream(train, { batchSize: 128, seed: 0 });
 * const first = stream.next().value;
 * ```
 */
export function batchStream(dataset: ImageDataset, options: BatchOptions): Generator<Batch, never> {
  check("batchStream", dataset, options);
  if (dataset.count < options.batchSize)
    throw new RangeError(
      `batchStream: the dataset has ${dataset.count} examples, fewer than batchSize ${options.batchSize}`,
    );
  return stream(dataset, options);
}

function* stream(dataset: ImageDataset, options: BatchOptions): Generator<Batch, never> {
  for (let epoch = 0; ; epoch++) yield* pass(dataset, { ...options, epoch, dropRemainder: true });
}
