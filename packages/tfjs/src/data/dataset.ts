/**
 * Image datasets as flat typed arrays, and prefixes of them.
 *
 * @module
 */

/** Images and their labels, one byte per pixel and per label. */
export interface ImageDataset {
  /** What the data is, e.g. "fashion-mnist/train". */
  readonly name: string;
  /** `count × height × width × channels` pixels, row-major, 0–255. */
  readonly images: Uint8Array;
  /** `count` labels, 0 … classes − 1. */
  readonly labels: Uint8Array;
  /** The number of examples. */
  readonly count: number;
  /** The shape of one image: `[height, width, channels]`. */
  readonly shape: readonly [number, number, number];
  /** The class names, by label. */
  readonly classes: readonly string[];
  /**
   * Pixel standardisation applied when the set is batched for training: `(p / 255 − mean) / std`.
   * Defaults to none (pixels in [0, 1], d2l's `ToTensor`).
   */
  readonly normalize?: { readonly mean: number; readonly std: number };
}

/** A training and a test set. */
export interface DatasetSplits {
  /** The training set. */
  readonly train: ImageDataset;
  /** The test set. */
  readonly test: ImageDataset;
}

/**
 * Examples `start` … `end − 1` of `dataset`, as views (no copy). The Fashion-MNIST and MNIST
 * loaders order their sets so that prefixes are (nearly) balanced across classes.
 *
 * @param end - defaults to the end of the dataset.
 * @throws RangeError unless 0 ≤ start ≤ end ≤ count are integers.
 * @example
 * ```ts
 * const { train } = await loadFashionMnist();
 * const small = subset(train, 0, 1000); // 100 images of each class
 * ```
 */
export function subset(dataset: ImageDataset, start: number, end = dataset.count): ImageDataset {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > dataset.count)
    throw new RangeError(
      `subset: start and end must be integers with 0 <= start <= end <= ${dataset.count}, got ${start} and ${end}`,
    );
  const size = dataset.shape[0] * dataset.shape[1] * dataset.shape[2];
  return {
    ...dataset,
    name: `${dataset.name}[${start}:${end}]`,
    images: dataset.images.subarray(start * size, end * size),
    labels: dataset.labels.subarray(start, end),
    count: end - start,
  };
}
