/**
 * A compact binary file holding a training and a test set of 8-bit images: written once,
 * atomically, read back as views of one buffer.
 *
 * Layout (little-endian):
 *
 * | bytes | content |
 * | --- | --- |
 * | 0–7 | magic `LRKIMG01` |
 * | 8–11, 12–15 | train count, test count (uint32) |
 * | 16–19, 20–23, 24–27 | height, width, channels (uint32) |
 * | 28– | train images, train labels, test images, test labels (uint8) |
 *
 * @module
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatasetSplits, ImageDataset } from "@lrkit/tfjs";

const MAGIC = "LRKIMG01";
const HEADER = 28;

/** What identifies a dataset besides its pixels. */
export interface ImageSetInfo {
  /** The dataset's name, e.g. "fashion-mnist" (the splits are named "<name>/train", "<name>/test"). */
  readonly name: string;
  /** The class names, by label. */
  readonly classes: readonly string[];
}

/** Writes `splits` to `file` (via a temporary file and a rename, so readers never see half a file). */
export function writeImageCache(file: string, splits: DatasetSplits): void {
  const { train, test } = splits;
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, "latin1");
  [train.count, test.count, ...train.shape].forEach((v, i) => header.writeUInt32LE(v, 8 + 4 * i));
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, Buffer.concat([header, train.images, train.labels, test.images, test.labels]));
  renameSync(tmp, file);
}

/**
 * Reads a file written by {@link writeImageCache}; undefined when it is missing or not a valid
 * cache (wrong magic or size), so that the caller rebuilds it.
 */
export function readImageCache(file: string, info: ImageSetInfo): DatasetSplits | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 8) !== MAGIC) return undefined;
  const [trainCount, testCount, h, w, c] = [0, 1, 2, 3, 4].map((i) => bytes.readUInt32LE(8 + 4 * i)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const size = h * w * c;
  if (bytes.length !== HEADER + (trainCount + testCount) * (size + 1)) return undefined;
  const view = (offset: number, length: number) =>
    new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
  const split = (offset: number, count: number, part: string): ImageDataset => ({
    name: `${info.name}/${part}`,
    images: view(offset, count * size),
    labels: view(offset + count * size, count),
    count,
    shape: [h, w, c],
    classes: info.classes,
  });
  return {
    train: split(HEADER, trainCount, "train"),
    test: split(HEADER + trainCount * (size + 1), testCount, "test"),
  };
}
