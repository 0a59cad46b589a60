import * as tf from "@tensorflow/tfjs-core";
import { cosine } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { registerLrkitKernels } from "../backend/kernels/registerKernels.js";
import { subset, type ImageDataset } from "../data/dataset.js";
import { useBackend } from "../test/backends.js";
import { train, type TrainOptions } from "../train/train.js";
import { gradientWorkers } from "./gradientWorkers.js";
import { fashionMnistSlices, lenet, mlp } from "../test/demo.js";

let trainSet: ImageDataset;
let testSet: ImageDataset;
beforeAll(async () => {
  // 100 examples: batches of 32, 32, 32 and a last one of 4 (split 2 + 2 across two threads).
  ({ train: trainSet, test: testSet } = await fashionMnistSlices(100, 50));
});

/** Expects every value of `actual` within `tolerance` (relative to the largest of `expected`). */
function expectNear(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  const scale = Math.max(...expected.map(Math.abs), 1e-30);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!) / scale).toBeLessThanOrEqual(tolerance));
}

describe("train with gradientWorkers (data parallelism)", () => {
  it("gives the single-thread run on wasm up to float rounding, and leaves no tensor behind", async () => {
    await useBackend("wasm");
    registerLrkitKernels("wasm");
    const run = async (workers: number) => {
      const model = lenet({ seed: 3 });
      const before = tf.memory().numTensors;
      const options: TrainOptions = {
        model,
        data: trainSet,
        validation: testSet,
        loss: "softmaxCrossEntropy",
        epochs: 2,
        batchSize: 32,
        optimizer: "momentum",
        optimizerOptions: { momentum: 0.9 },
        schedule: cosine({ lr: 0.05, steps: 8 }),
        unit: "batch",
        ...(workers > 1 ? { parallel: gradientWorkers(workers) } : {}),
      };
      const result = await train(options);
      expect(tf.memory().numTensors).toBe(before);
      const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
      model.dispose();
      return { result, weights };
    };
    const one = await run(1);
    const two = await run(2);
    expect(two.result.steps).toBe(8);
    const losses = (r: typeof one) => r.result.history.flatMap((e) => e.batchLosses);
    expectNear(losses(two), losses(one), 1e-5);
    expectNear(two.weights, one.weights, 1e-5);
    expect(two.result.history.map((e) => e.metrics.acc)).toEqual(
      one.result.history.map((e) => e.metrics.acc),
    );
    expect(two.result.history.map((e) => e.batchLrs)).toEqual(one.result.history.map((e) => e.batchLrs));
    expectNear(
      two.result.history.map((e) => e.metrics.val_loss!),
      one.result.history.map((e) => e.metrics.val_loss!),
      1e-5,
    );
  });

  it("splits a batch across three threads on cpu, with batches smaller than the threads", async () => {
    await useBackend("cpu");
    const run = async (workers: number) => {
      const model = mlp({ hidden: [16], seed: 4 });
      const result = await train({
        model,
        data: subset(trainSet, 0, 10),
        loss: "softmaxCrossEntropy",
        epochs: 1,
        batchSize: 4,
        ...(workers > 1 ? { parallel: gradientWorkers(workers) } : {}),
      });
      const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
      model.dispose();
      return { losses: result.history[0]!.batchLosses, weights };
    };
    const one = await run(1);
    // Batches of 4, 4 and 2: slices of 2, 2, 0 and 1, 1 (no work for the third thread).
    const three = await run(3);
    expectNear(three.losses, one.losses, 1e-5);
    expectNear(three.weights, one.weights, 1e-5);
  });

  it("rejects a bad number of threads, and a loss function, before any update", async () => {
    expect(() => gradientWorkers(1)).toThrow(
      new RangeError("gradientWorkers: threads must be an integer of at least 2, got 1"),
    );
    expect(() => gradientWorkers(2.5)).toThrow(
      new RangeError("gradientWorkers: threads must be an integer of at least 2, got 2.5"),
    );
    const model = mlp({ hidden: [4] });
    const fn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred);
    await expect(
      train({ model, data: trainSet, loss: fn, epochs: 1, parallel: gradientWorkers(2) }),
    ).rejects.toThrow(
      new TypeError(
        "train: gradientWorkers needs every loss given by name (a loss function cannot be sent to a worker thread)",
      ),
    );
    model.dispose();
  });
});
