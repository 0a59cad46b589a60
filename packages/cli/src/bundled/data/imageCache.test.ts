import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { DatasetSplits, ImageDataset } from "@lrkit/tfjs";
import { readImageCache, writeImageCache, type ImageSetInfo } from "./imageCache.js";

const tmp = mkdtempSync(path.join(tmpdir(), "lrkit-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const info: ImageSetInfo = { name: "tiny", classes: ["a", "b", "c"] };

/** Three 2×2 training images and two test images with labels 0, 1, 2, ... */
function tiny(): DatasetSplits {
  const set = (count: number, part: string): ImageDataset => ({
    name: `tiny/${part}`,
    images: Uint8Array.from({ length: count * 4 }, (_, i) => (i * 37) % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
    count,
    shape: [2, 2, 1],
    classes: info.classes,
  });
  return { train: set(3, "train"), test: set(2, "test") };
}

/** A cache of `tiny()` in a fresh directory, and its bytes. */
function written(name: string): { file: string; bytes: Buffer } {
  const file = path.join(tmp, name, "tiny.bin");
  writeImageCache(file, tiny());
  return { file, bytes: readFileSync(file) };
}

/** The offsets in a cache of `tiny()`: header 32 bytes, 12 train pixels, 3 labels, 8 test pixels, 2 labels. */
const TRAIN_PIXEL = 32;
const TRAIN_LABEL = 32 + 12;
const TEST_LABEL = 32 + 12 + 3 + 8;

/** Rewrites the checksum of a modified file, as a writer with a defect would. */
function resealed(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(crc32(copy.subarray(32), crc32(copy.subarray(0, 28))), 28);
  return copy;
}

describe("the image cache", () => {
  it("reads back what it wrote, as views of one buffer, leaving no temporary file", () => {
    const { file } = written("roundtrip");
    const found = readImageCache(file, info);
    expect(found.kind).toBe("valid");
    if (found.kind !== "valid") return;
    const { train, test } = found.splits;
    expect([train.count, test.count, train.shape]).toEqual([3, 2, [2, 2, 1]]);
    expect(train.name).toBe("tiny/train");
    expect(Array.from(train.images)).toEqual(Array.from(tiny().train.images));
    expect(Array.from(test.labels)).toEqual([0, 1]);
    expect(test.images.buffer).toBe(train.images.buffer);
    expect(readdirSync(path.dirname(file))).toEqual(["tiny.bin"]);
  });

  it("says a file is missing", () => {
    expect(readImageCache(path.join(tmp, "nothing", "tiny.bin"), info)).toEqual({ kind: "missing" });
  });

  it("finds a flipped pixel, a changed header byte, a truncation and garbage of the right length", () => {
    const { file, bytes } = written("damaged");
    const damaged = (change: (b: Buffer) => Buffer) => {
      writeFileSync(file, change(Buffer.from(bytes)));
      return readImageCache(file, info);
    };
    const flip = (offset: number) => (b: Buffer) => {
      b[offset] = b[offset]! ^ 1;
      return b;
    };
    const checksum = { kind: "invalid", reason: "does not match its checksum" };
    expect(damaged(flip(TRAIN_PIXEL + 5))).toEqual(checksum);
    expect(damaged(flip(TEST_LABEL))).toEqual(checksum);
    // The counts swapped (3/2 to 2/3): the length is the same, the checksum is not.
    expect(
      damaged((b) => {
        b.writeUInt32LE(2, 8);
        b.writeUInt32LE(3, 12);
        return b;
      }),
    ).toEqual(checksum);
    expect(damaged(flip(28))).toEqual(checksum); // the checksum itself
    expect(damaged((b) => b.subarray(0, b.length - 1))).toEqual({
      kind: "invalid",
      reason: `has ${bytes.length - 1} bytes where its header says ${bytes.length}`,
    });
    expect(damaged((b) => b.fill(0x5a))).toEqual({
      kind: "invalid",
      reason: "is not an lrkit image cache of format LRKIMG02",
    });
    expect(damaged((b) => Buffer.concat([Buffer.from("LRKIMG01"), b.subarray(8)]))).toMatchObject({
      kind: "invalid",
    });
  });

  it("refuses a label beyond the classes even when the checksum matches", () => {
    const { file, bytes } = written("labels");
    const bad = Buffer.from(bytes);
    bad[TRAIN_LABEL + 1] = 200;
    writeFileSync(file, resealed(bad));
    expect(readImageCache(file, info)).toEqual({
      kind: "invalid",
      reason: "holds label 200 at tiny/train example 1, beyond the 3 classes",
    });
    bad[TRAIN_LABEL + 1] = 1;
    bad[TEST_LABEL + 1] = 3;
    writeFileSync(file, resealed(bad));
    expect(readImageCache(file, info)).toMatchObject({
      reason: expect.stringMatching(/label 3 at tiny\/test example 1/),
    });
  });

  it("says why a file cannot be read", () => {
    const dir = path.join(tmp, "unreadable", "tiny.bin");
    mkdirSync(dir, { recursive: true });
    expect(readImageCache(dir, info)).toEqual({ kind: "invalid", reason: "cannot be read (EISDIR)" });
  });

  it("throws the file system's error when it cannot write, and removes its temporary file", () => {
    // A directory where the file should go: the temporary file is written, the rename fails.
    const dir = path.join(tmp, "blocked");
    mkdirSync(path.join(dir, "tiny.bin", "inside"), { recursive: true });
    expect(() => writeImageCache(path.join(dir, "tiny.bin"), tiny())).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(["tiny.bin"]);
    // A regular file where the directory should be (chmod does not stop root; this does).
    writeFileSync(path.join(tmp, "a-file"), "");
    expect(() => writeImageCache(path.join(tmp, "a-file", "cache", "tiny.bin"), tiny())).toThrow(/ENOTDIR/);
  });
});
