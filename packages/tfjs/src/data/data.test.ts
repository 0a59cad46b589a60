import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batches, batchStream } from "./batches.js";
import { subset } from "./dataset.js";
import { permutation } from "./shuffle.js";

describe("batches", () => {
  const dataset = {
    name: "toy",
    images: Uint8Array.from({ length: 10 * 4 }, (_, i) => (i * 37) % 256),
    labels: Uint8Array.from({ length: 10 }, (_, i) => i % 3),
    count: 10,
    shape: [2, 2, 1] as const,
    classes: ["a", "b", "c"],
  };

  it("visits every example once per pass in a seeded order, normalised, with one-hot labels", () => {
    const pass = [...batches(dataset, { batchSize: 4, seed: 7 })];
    expect(pass.map((b) => b.size)).toEqual([4, 4, 2]);
    const order = pass.flatMap((b) => Array.from(b.indices));
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...batches(dataset, { batchSize: 4, seed: 7 })].flatMap((b) => Array.from(b.indices))).toEqual(
      order,
    );
    expect(
      [...batches(dataset, { batchSize: 4, seed: 8 })].flatMap((b) => Array.from(b.indices)),
    ).not.toEqual(order);
    const b = pass[0]!;
    expect(b.shape).toEqual([4, 2, 2, 1]);
    const i = b.indices[1]!;
    expect(b.x[4 * 1 + 2]).toBeCloseTo(dataset.images[i * 4 + 2]! / 255, 7);
    expect(Array.from(b.y.subarray(3, 6))).toEqual([0, 1, 2].map((c) => (c === dataset.labels[i] ? 1 : 0)));
    const standardised = [
      ...batches(dataset, { batchSize: 4, seed: 7, normalize: { mean: 0.5, std: 0.25 } }),
    ][0]!;
    expect(standardised.x[6]).toBeCloseTo((dataset.images[i * 4 + 2]! / 255 - 0.5) / 0.25, 6);
  });

  it("keeps dataset order without shuffling and drops the remainder on request", () => {
    const pass = [...batches(dataset, { batchSize: 4, shuffle: false, dropRemainder: true })];
    expect(pass.map((b) => Array.from(b.indices))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it("rejects bad options when called, naming the function and the value", () => {
    expect(() => batches(dataset, { batchSize: 0 })).toThrow(
      new RangeError("batches: batchSize must be a positive integer, got 0"),
    );
    expect(() => batchStream(dataset, { batchSize: 11 })).toThrow(
      new RangeError("batchStream: the dataset has 10 examples, fewer than batchSize 11"),
    );
  });

  it("streams full batches endlessly, reshuffling every pass", () => {
    const stream = batchStream(dataset, { batchSize: 3, seed: 1 });
    const passes = [0, 1, 2].map(() => [0, 1, 2].flatMap(() => Array.from(stream.next().value.indices)));
    for (const p of passes) expect(new Set(p).size).toBe(9);
    expect(passes[0]).not.toEqual(passes[1]);
    expect(passes[0]).toEqual(
      [...batches(dataset, { batchSize: 3, seed: 1, epoch: 0 })]
        .slice(0, 3)
        .flatMap((b) => Array.from(b.indices)),
    );
  });

  it("subset takes a prefix without copying", () => {
    const small = subset(dataset, 2, 6);
    expect(small.count).toBe(4);
    expect(small.images.buffer).toBe(dataset.images.buffer);
    expect(Array.from(small.labels)).toEqual([2, 0, 1, 2]);
    expect(() => subset(dataset, 5, 2)).toThrow(RangeError);
  });
});

describe("permutation", () => {
  it("is a permutation determined by the seed and the key", () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer(), fc.nat(), (n, seed, key) => {
        const p = permutation(n, seed, key);
        expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(permutation(n, seed, key)).toEqual(p);
      }),
      { numRuns: 50 },
    );
  });
});
