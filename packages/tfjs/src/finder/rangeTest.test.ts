import * as tf from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { rangeTest, RangeTestError, type Learner, type RangeTestOptions } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { subset, type ImageDataset } from "../data/dataset.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getLearningRate } from "../optimizers/hyperparameters.js";
import { useBackend } from "../test/backends.js";
import { tfjsLearner } from "./learner.js";
import { loadFashionMnist, mlp } from "../test/demo.js";

// lrkit's range test on a real TensorFlow.js MLP and a slice of real Fashion-MNIST: the curve,
// the stop rules, the suggestions, and the model and optimizer left bit for bit as they were,
// whatever ends the sweep.

let train: ImageDataset;
beforeAll(async () => {
  await useBackend("cpu");
  train = subset((await loadFashionMnist()).train, 0, 1280);
});

/** Every weight of the model and every variable of the optimizer, as plain numbers. */
async function state(model: LayersModel, optimizer: tf.Optimizer) {
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  const named = await optimizer.getWeights();
  const slots = named.map(({ name, tensor }) => [name, Array.from(tensor.dataSync())]);
  // getWeights() makes a new scalar for the iteration count; the slots are the optimizer's own variables.
  named.forEach(({ tensor }) => tensor instanceof tf.Variable || tensor.dispose());
  return { weights, slots, iterations: optimizer.iterations, lr: getLearningRate(optimizer) };
}

/** A trained-for-a-few-steps MLP with momentum, so the optimizer has state worth restoring. */
async function setup() {
  const model = mlp({ hidden: [32], seed: 6 });
  const optimizer = tf.train.momentum(0.01, 0.9);
  const learner = tfjsLearner({
    model,
    optimizer,
    data: train,
    loss: "softmaxCrossEntropy",
    batchSize: 32,
    seed: 1,
  });
  for (let i = 0; i < 3; i++) await learner.step(0.01);
  const dispose = () => {
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, optimizer, learner, dispose };
}

/** Runs the range test on `learner`, checking that everything is restored and nothing leaks. */
async function expectRestored(
  run: (learner: Learner) => Promise<unknown>,
  wrap: (learner: Learner) => Learner = (l) => l,
): Promise<unknown> {
  const { model, optimizer, learner, dispose } = await setup();
  const before = await state(model, optimizer);
  const tensors = tf.memory().numTensors;
  let outcome: unknown;
  try {
    outcome = await run(wrap(learner));
  } catch (e) {
    outcome = e;
  }
  expect(await state(model, optimizer)).toEqual(before);
  expect(tf.memory().numTensors).toBe(tensors);
  dispose();
  return outcome;
}

const sweep: RangeTestOptions = { start: 1e-4, end: 100, iterations: 80 };

describe("rangeTest on a TensorFlow.js model", () => {
  it("sees the loss fall, then diverge, stops there, suggests lrs inside the sweep and restores everything", async () => {
    const result = (await expectRestored((l) => rangeTest(l, sweep))) as Awaited<
      ReturnType<typeof rangeTest>
    >;
    expect(result.stoppedBy).toBe("divergence");
    const low = Math.min(...result.smoothed);
    const lowAt = result.smoothed.indexOf(low);
    expect(low).toBeLessThan(0.85 * result.smoothed[0]!);
    expect(lowAt).toBeGreaterThan(10);
    expect(result.smoothed[result.smoothed.length - 1]!).toBeGreaterThan(4 * low);
    for (const [name, lr] of Object.entries(result.suggestions)) {
      expect(lr, name).not.toBeNull();
      expect(lr!, name).toBeGreaterThanOrEqual(result.lrs[0]! * 0.1);
      expect(lr!, name).toBeLessThanOrEqual(result.lrs[result.lrs.length - 1]!);
    }
    expect(result.recommendedLr).toBe(result.suggestions[result.recommended!]);
    expect(result.restored).toBe(true);
  });

  it("stops by the MXNet tutorial's rule: the running mean above twice the first loss, after 20 steps", async () => {
    const tutorial = {
      start: 1e-4,
      multiplier: 1.25,
      end: 1e4,
      smoothing: "runningMean",
      beta: 0.3,
      divergeFactor: 2,
      divergeFrom: "first",
      minIterations: 20,
    } as const;
    const result = (await expectRestored((l) => rangeTest(l, tutorial))) as Awaited<
      ReturnType<typeof rangeTest>
    >;
    expect(result.stoppedBy).toBe("divergence");
    const n = result.smoothed.length;
    expect(n).toBeGreaterThanOrEqual(20);
    expect(result.smoothed[n - 1]!).toBeGreaterThan(2 * result.losses[0]!);
    expect(result.lrs[1]! / result.lrs[0]!).toBeCloseTo(1.25, 12);
  });

  it("stops at a NaN loss from real training and restores everything", async () => {
    // No divergence rule: the lr grows until float32 overflows and the loss is NaN.
    const result = (await expectRestored((l) =>
      rangeTest(l, { start: 1e-2, end: 1e38, iterations: 60, divergeFactor: 1e300 }),
    )) as Awaited<ReturnType<typeof rangeTest>>;
    expect(result.stoppedBy).toBe("nan");
    expect(Number.isFinite(result.losses[result.losses.length - 1]!)).toBe(false);
  });

  it("restores everything when training throws mid-sweep, and rethrows with the partial curve", async () => {
    const failing = (learner: Learner): Learner => {
      let calls = 0;
      return {
        ...learner,
        step: (lr, batches) =>
          ++calls === 12 ? Promise.reject(new Error("device lost")) : learner.step(lr, batches),
      };
    };
    const error = await expectRestored((l) => rangeTest(l, sweep), failing);
    expect(error).toBeInstanceOf(RangeTestError);
    expect((error as RangeTestError).partial.losses).toHaveLength(11);
    expect(((error as RangeTestError).cause as Error).message).toBe("device lost");
  });

  it("restores everything when aborted", async () => {
    const controller = new AbortController();
    const result = (await expectRestored((l) =>
      rangeTest(l, {
        ...sweep,
        signal: controller.signal,
        onProgress: ({ iteration }) => iteration === 9 && controller.abort(),
      }),
    )) as Awaited<ReturnType<typeof rangeTest>>;
    expect(result.stoppedBy).toBe("aborted");
    expect(result.lrs).toHaveLength(10);
  });

  it("restores everything between sweeps of several data orders, and reports how far the suggestions move", async () => {
    const result = (await expectRestored((l) => rangeTest(l, { ...sweep, seeds: [1, 2] }))) as Awaited<
      ReturnType<typeof rangeTest>
    >;
    expect(result.sweeps).toHaveLength(2);
    expect(result.sweeps[0]!.losses).not.toEqual(result.sweeps[1]!.losses);
    expect(result.seedSpreadDecades.minimum).not.toBeNull();
  });
});
