import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { subset } from "@lrkit/tfjs";
import { CACHE_ENV, cacheDir } from "./cacheDir.js";
import { FASHION_MNIST_CACHE_FILE, loadFashionMnist } from "./fashionMnist.js";
import { loadMnist } from "./mnist.js";

const tmp = mkdtempSync(path.join(tmpdir(), "lrkit-data-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The raw entries of one class file of the fashion-mnist package. */
function rawClass(c: number): unknown[] {
  const pkg = createRequire(import.meta.url).resolve("fashion-mnist/package.json");
  return (
    JSON.parse(readFileSync(path.join(path.dirname(pkg), "src", "clothes", `${c}.json`), "utf8")) as {
      data: unknown[];
    }
  ).data;
}

describe("loadFashionMnist", () => {
  it("splits 60,000 / 10,000 by class, drops invalid entries, interleaves the classes, and caches", async () => {
    const { train, test } = await loadFashionMnist({ cacheDir: tmp });
    expect([train.count, test.count]).toEqual([60000, 10000]);
    expect(train.shape).toEqual([28, 28, 1]);
    expect(train.classes[9]).toBe("ankle boot");
    // Example i is of class i mod 10.
    expect(Array.from(train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(train.labels.every((l, i) => l === i % 10)).toBe(true);
    expect(test.labels.every((l, i) => l === i % 10)).toBe(true);
    // Class 0's entries 1000 and 7001 are empty in the package: the 6,001st valid image is entry 6001.
    const raw0 = rawClass(0);
    expect((raw0[1000] as unknown[]).length).toBe(0);
    expect(Array.from(train.images.subarray(0, 784))).toEqual(raw0[0]);
    expect(Array.from(train.images.subarray(1000 * 10 * 784, (1000 * 10 + 1) * 784))).toEqual(raw0[1001]);
    expect(Array.from(test.images.subarray(0, 784))).toEqual(raw0[6001]);
    expect(Array.from(test.images.subarray(999 * 10 * 784, (999 * 10 + 1) * 784))).toEqual(raw0[7000]);
    const raw9 = rawClass(9);
    expect(Array.from(test.images.subarray(9 * 784, 10 * 784))).toEqual(raw9[6000]);

    const file = path.join(tmp, FASHION_MNIST_CACHE_FILE);
    expect(statSync(file).size).toBe(32 + 70000 * 785);
    const again = await loadFashionMnist({ cacheDir: tmp });
    expect(Buffer.compare(again.train.images, train.images)).toBe(0);
    expect(Buffer.compare(again.test.labels, test.labels)).toBe(0);
  });

  // Each damage keeps the file's length; each is found, reported in one line and rebuilt from the
  // package (a few seconds each).
  const damages: [string, (bytes: Buffer) => void, RegExp][] = [
    ["a flipped pixel", (b) => void (b[32 + 12345 * 784 + 400]! ^= 0x10), /does not match its checksum/],
    [
      "a label of 200 (under a matching checksum)",
      (b) => {
        b[32 + 60000 * 784 + 7] = 200;
        b.writeUInt32LE(crc32(b.subarray(32), crc32(b.subarray(0, 28))), 28);
      },
      /holds label 200 at fashion-mnist\/train example 7, beyond the 10 classes/,
    ],
    [
      "train and test counts swapped in the header",
      (b) => {
        b.writeUInt32LE(10000, 8);
        b.writeUInt32LE(60000, 12);
      },
      /does not match its checksum/,
    ],
    ["garbage of the right length", (b) => void b.fill("garbage "), /is not an lrkit image cache/],
  ];
  it.each(damages)("detects %s in the cache and rebuilds it", async (_, damage, reason) => {
    const reference = await loadFashionMnist({ cacheDir: tmp });
    const dir = path.join(tmp, "damaged");
    const file = path.join(dir, FASHION_MNIST_CACHE_FILE);
    mkdirSync(dir, { recursive: true });
    const bytes = readFileSync(path.join(tmp, FASHION_MNIST_CACHE_FILE));
    damage(bytes);
    writeFileSync(file, bytes);
    const warnings: string[] = [];
    const rebuilt = await loadFashionMnist({ cacheDir: dir, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toContain(`the Fashion-MNIST cache ${file} `);
    expect(warnings[0]).toMatch(/; rebuilding it from the fashion-mnist package$/);
    for (const part of ["train", "test"] as const) {
      expect(rebuilt[part].count).toBe(reference[part].count);
      expect(Buffer.compare(rebuilt[part].images, reference[part].images)).toBe(0);
      expect(Buffer.compare(rebuilt[part].labels, reference[part].labels)).toBe(0);
    }
    expect(Buffer.compare(readFileSync(file), readFileSync(path.join(tmp, FASHION_MNIST_CACHE_FILE)))).toBe(
      0,
    );
    expect(readdirSync(dir)).toEqual([FASHION_MNIST_CACHE_FILE]);
  });

  it("uses the data from memory, with a one-line warning, when the cache directory cannot be made", async () => {
    const reference = await loadFashionMnist({ cacheDir: tmp });
    // A regular file where the directory's parent should be: root's chmod would not stop a write.
    const parent = path.join(tmp, "a-file");
    writeFileSync(parent, "");
    const dir = path.join(parent, "cache");
    const warnings: string[] = [];
    const { train, test } = await loadFashionMnist({ cacheDir: dir, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      `cannot write the Fashion-MNIST cache in ${dir} (ENOTDIR: not a directory, mkdir '${dir}'); ` +
        `using the data from memory (set ${CACHE_ENV} to a writable directory to keep it)`,
    ]);
    expect(Buffer.compare(train.images, reference.train.images)).toBe(0);
    expect(Buffer.compare(test.labels, reference.test.labels)).toBe(0);
    expect(readFileSync(parent, "utf8")).toBe("");
  });
});

describe("cacheDir", () => {
  it("is the option, else $LRKIT_CACHE_DIR, else node_modules/.cache/lrkit", () => {
    const saved = process.env[CACHE_ENV];
    try {
      process.env[CACHE_ENV] = "/tmp/elsewhere";
      expect(cacheDir("/tmp/explicit")).toBe("/tmp/explicit");
      expect(cacheDir()).toBe("/tmp/elsewhere");
      delete process.env[CACHE_ENV];
      expect(cacheDir()).toMatch(/node_modules[/\\]\.cache[/\\]lrkit$/);
    } finally {
      if (saved === undefined) delete process.env[CACHE_ENV];
      else process.env[CACHE_ENV] = saved;
    }
  });
});

describe("loadMnist", () => {
  it("reads the official split from the IDX files", async () => {
    const { train, test } = await loadMnist();
    expect([train.count, test.count]).toEqual([60000, 10000]);
    // The first training digit is a 5, the first test digit a 7 (the IDX files' well-known heads).
    expect([train.labels[0], test.labels[0]]).toEqual([5, 7]);
    expect(train.images.length).toBe(60000 * 784);
  });
});

describe("subset", () => {
  it("takes a balanced prefix of Fashion-MNIST without copying", async () => {
    const { train } = await loadFashionMnist();
    const small = subset(train, 0, 100);
    expect(small.count).toBe(100);
    expect(small.images.buffer).toBe(train.images.buffer);
    expect(Array.from(small.labels).filter((l) => l === 3).length).toBe(10);
    expect(() => subset(train, 5, 2)).toThrow(RangeError);
  });
});
