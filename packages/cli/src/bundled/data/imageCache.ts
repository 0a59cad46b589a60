/**
 * A compact binary file holding a training and a test set of 8-bit images: written once,
 * atomically, and checked on every read, so that a damaged file is rebuilt instead of trained on.
 *
 * Layout (little-endian):
 *
 * | bytes | content |
 * | --- | --- |
 * | 0–7 | magic `LRKIMG02` |
 * | 8–11, 12–15 | train count, test count (uint32) |
 * | 16–19, 20–23, 24–27 | height, width, channels (uint32) |
 * | 28–31 | CRC-32 of every other byte of the file: bytes 0–27, then 32 to the end (uint32) |
 * | 32– | train images, train labels, test images, test labels (uint8) |
 *
 * @module
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "@lrkit/compare";
import type { DatasetSplits, ImageDataset } from "@lrkit/tfjs";

const MAGIC = "LRKIMG02";
const CHECKSUM_AT = 28;
const HEADER = 32;

/** What identifies a dataset besides its pixels. */
export interface ImageSetInfo {
  /** The dataset's name, e.g. "fashion-mnist" (the splits are named "<name>/train", "<name>/test"). */
  readonly name: string;
  /** The class names, by label: every label is below their count. */
  readonly classes: readonly string[];
}

/** What {@link readImageCache} found: the sets, no file, or a file that is not a valid cache and why. */
export type CacheRead =
  | { readonly kind: "valid"; readonly splits: DatasetSplits }
  | { readonly kind: "missing" }
  | { readonly kind: "invalid"; readonly reason: string };

/** The CRC-32 of `chunks`, one after another (zlib's, as in gzip and PNG). */
const checksum = (chunks: readonly Uint8Array[]): number =>
  chunks.reduce((crc, chunk) => crc32(chunk, crc), 0);

/**
 * Writes `splits` to `file`: to a temporary file next to it, renamed over `file` once complete, so
 * that readers never see half a file. The temporary file is removed when anything fails.
 *
 * @throws the file system's error (`ENOSPC`, `EACCES`, `ENOTDIR`, ...) when the directory cannot be
 *   created or the file written.
 */
export function writeImageCache(file: string, splits: DatasetSplits): void {
  const { train, test } = splits;
  const data = [train.images, train.labels, test.images, test.labels];
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, "latin1");
  [train.count, test.count, ...train.shape].forEach((v, i) => header.writeUInt32LE(v, 8 + 4 * i));
  header.writeUInt32LE(checksum([header.subarray(0, CHECKSUM_AT), ...data]), CHECKSUM_AT);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, [header, ...data]);
}

/**
 * Reads and checks a file written by {@link writeImageCache}: its format, its size, its checksum,
 * and that every label names one of `info.classes`.
 *
 * @returns the sets (views of one buffer), `missing` when there is no file (or no directory for it),
 *   or `invalid` with the reason (unreadable, another format, truncated, damaged), so that the
 *   caller rebuilds it.
 */
export function readImageCache(file: string, info: ImageSetInfo): CacheRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // No such file, or a path that cannot hold one (a file where a directory should be).
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return invalid(`cannot be read (${String(code)})`);
  }
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 8) !== MAGIC)
    return invalid(`is not an lrkit image cache of format ${MAGIC}`);
  const [trainCount, testCount, h, w, c] = [0, 1, 2, 3, 4].map((i) => bytes.readUInt32LE(8 + 4 * i)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const size = h * w * c;
  const expected = HEADER + (trainCount + testCount) * (size + 1);
  if (bytes.length !== expected)
    return invalid(`has ${bytes.length} bytes where its header says ${expected}`);
  const view = (offset: number, length: number) =>
    new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
  if (
    checksum([view(0, CHECKSUM_AT), view(HEADER, bytes.length - HEADER)]) !== bytes.readUInt32LE(CHECKSUM_AT)
  )
    return invalid("does not match its checksum");
  const split = (offset: number, count: number, part: string): ImageDataset => ({
    name: `${info.name}/${part}`,
    images: view(offset, count * size),
    labels: view(offset + count * size, count),
    count,
    shape: [h, w, c],
    classes: info.classes,
  });
  const splits = {
    train: split(HEADER, trainCount, "train"),
    test: split(HEADER + trainCount * (size + 1), testCount, "test"),
  };
  for (const set of [splits.train, splits.test]) {
    const i = set.labels.findIndex((label) => label >= info.classes.length);
    if (i >= 0)
      return invalid(
        `holds label ${set.labels[i]} at ${set.name} example ${i}, beyond the ${info.classes.length} classes`,
      );
  }
  return { kind: "valid", splits };
}

const invalid = (reason: string): CacheRead => ({ kind: "invalid", reason });
