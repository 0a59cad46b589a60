import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { RangeTestError, type RangeTestResult } from "lrkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subset, type ImageDataset } from "../data/dataset.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { useBackend } from "../test/backends.js";
import {
  binaryModel,
  blobs,
  classifier,
  regressionData,
  regressionModel,
  trainingState,
  twoOutputModel,
} from "../test/userModels.js";
import { findLearningRate } from "./findLearningRate.js";
import { loadFashionMnist } from "../test/demo.js";

// The range test on the models users bring: their own compiled loss, their own data (tensors,
// tf.data datasets, several outputs). Each run must leave the weights and the optimizer state bit
// for bit as they were, and no tensor behind.

beforeAll(() => useBackend("cpu"));

/** Runs `find` on a compiled model and checks the restore and the memory. */
async function restoredAfter(
  model: LayersModel,
  find: () => Promise<RangeTestResult>,
): Promise<RangeTestResult> {
  const optimizer = model.optimizer;
  // A few real updates first, so the optimizer has state worth restoring.
  const before = await trainingState(model, optimizer);
  const tensors = tf.memory().numTensors;
  const result = await find();
  expect(await trainingState(model, optimizer)).toEqual(before);
  expect(tf.memory().numTensors).toBe(tensors);
  return result;
}

const sweep = { start: 1e-4, end: 10, iterations: 60 } as const;

describe("findLearningRate on a user's model", () => {
  it("sweeps a regression model with its compiled mean squared error on { xs, ys } tensors", async () => {
    const model = regressionModel(1, tf.train.momentum(0.01, 0.9));
    const data = regressionData(512);
    await model.fit(data.xs, data.ys, { epochs: 1, batchSize: 64, verbose: 0 });
    const result = await restoredAfter(model, () =>
      findLearningRate(model, data, { start: 1e-3, end: 10, iterations: 100, batchSize: 32 }),
    );
    // The squared error of this data starts near its variance (about 6), falls, then explodes.
    expect(result.smoothed[0]!).toBeGreaterThan(1);
    expect(Math.min(...result.smoothed)).toBeLessThan(0.5 * result.smoothed[0]!);
    expect(result.stoppedBy).toBe("divergence");
    expect(result.recommendedLr).toBeGreaterThan(1e-3);
    expect(result.recommendedLr).toBeLessThan(1);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose(data);
  });

  it("sweeps a sigmoid binary classifier with binary cross-entropy, its loss starting near ln 2", async () => {
    const model = binaryModel();
    const data = blobs(512, 2);
    const result = await restoredAfter(model, () =>
      findLearningRate(model, { xs: data.xs, ys: data.binary }, { ...sweep, end: 100, batchSize: 32 }),
    );
    expect(result.losses[0]!).toBeGreaterThan(0.4);
    expect(result.losses[0]!).toBeLessThan(1.2);
    expect(Math.min(...result.smoothed)).toBeLessThan(0.5 * result.smoothed[0]!);
    expect(result.recommendedLr).not.toBeNull();
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose(data);
  });

  describe("a softmax classifier compiled with categoricalCrossentropy", () => {
    let images: ImageDataset;
    beforeAll(async () => {
      images = subset((await loadFashionMnist()).train, 0, 2560);
    });

    it("recommends within a factor of 2 of the same network with logits and softmax cross-entropy", async () => {
      const options = { start: 1e-4, end: 10, iterations: 100, batchSize: 64, seed: 3 };
      const softmax = classifier([28, 28, 1], 10, "softmax");
      softmax.compile({
        optimizer: tf.train.sgd(0.1),
        loss: "categoricalCrossentropy",
        metrics: ["accuracy"],
      });
      const logits = classifier([28, 28, 1], 10, "logits");
      logits.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
      expect(softmax.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(
        logits.getWeights().map((w) => Array.from(w.dataSync())),
      );
      const a = await restoredAfter(softmax, () => findLearningRate(softmax, images, options));
      const b = await restoredAfter(logits, () =>
        findLearningRate(logits, images, { ...options, loss: "softmaxCrossEntropy" }),
      );
      // The same curve up to float rounding: softmax then cross-entropy is softmax cross-entropy.
      expect(a.losses[0]!).toBeCloseTo(b.losses[0]!, 4);
      expect(a.losses[0]!).toBeCloseTo(Math.LN10, 0);
      const ratio = a.recommendedLr! / b.recommendedLr!;
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
      for (const m of [softmax, logits]) {
        m.optimizer.dispose();
        m.dispose();
      }
    });
  });

  describe("a tf.data dataset", () => {
    let data: ReturnType<typeof regressionData>;
    beforeAll(() => {
      data = regressionData(384, 7);
    });
    afterAll(() => tf.dispose(data));
    const xs = () => tf.unstack(data.xs);
    const ys = () => tf.unstack(data.ys);

    it("of single examples is batched by batchSize, of batches is taken as it comes: the same curve", async () => {
      const examples = tfd.zip({ xs: tfd.array(xs()), ys: tfd.array(ys()) });
      const batches = examples.batch(32);
      const one = regressionModel(8);
      const two = regressionModel(8);
      const a = await restoredAfter(one, () => findLearningRate(one, examples, { ...sweep, batchSize: 32 }));
      const b = await restoredAfter(two, () => findLearningRate(two, batches, sweep));
      expect(a.losses.length).toBeGreaterThan(10);
      expect(a.losses).toEqual(b.losses);
      expect(a.stoppedBy).toBe("divergence");
      for (const m of [one, two]) {
        disposeOptimizer(m.optimizer);
        m.dispose();
      }
      // tf.data's array datasets hold the unstacked tensors.
      tf.dispose([...xs(), ...ys()]);
    });

    it("repeats the dataset when the sweep outlasts a pass", async () => {
      const small = tfd.zip({
        xs: tfd.array(tf.unstack(tf.slice(data.xs, 0, 64))),
        ys: tfd.array(tf.unstack(tf.slice(data.ys, 0, 64))),
      });
      const model = regressionModel(9);
      const result = await restoredAfter(model, () =>
        findLearningRate(model, small, { start: 1e-4, end: 1e-2, iterations: 20, batchSize: 16 }),
      );
      expect(result.losses).toHaveLength(20);
      disposeOptimizer(model.optimizer);
      model.dispose();
    });
  });

  it("sweeps a two-output model on the sum of its outputs' losses, targets given by output name", async () => {
    const model = twoOutputModel();
    model.compile({
      optimizer: tf.train.adam(0.001),
      loss: { kind: "categoricalCrossentropy", size: "meanSquaredError" },
    });
    const data = blobs(384, 3);
    const size = tf.sum(data.xs, 1, true);
    const result = await restoredAfter(model, () =>
      findLearningRate(model, { xs: data.xs, ys: { kind: data.oneHot, size } }, { ...sweep, end: 100 }),
    );
    // At the start: cross-entropy of 3 classes (about ln 3) plus the squared error of the sums.
    expect(result.losses[0]!).toBeGreaterThan(Math.log(3));
    expect(Math.min(...result.smoothed)).toBeLessThan(0.5 * result.smoothed[0]!);
    expect(result.recommendedLr).not.toBeNull();
    model.optimizer.dispose();
    model.dispose();
    tf.dispose([data, size]);
  });

  it("records the validation loss when validation data is given, and stops at a timer's deadline", async () => {
    const model = regressionModel(10);
    const data = regressionData(256, 11);
    const held = regressionData(128, 12);
    const signal = AbortSignal.timeout(300);
    const result = await restoredAfter(model, () =>
      findLearningRate(model, data, { start: 1e-5, end: 1e-3, iterations: 100000, validation: held, signal }),
    );
    expect(result.stoppedBy).toBe("aborted");
    expect(result.losses.length).toBeGreaterThan(0);
    expect(result.losses.length).toBeLessThan(100000);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose([data, held]);
  });
});

describe("findLearningRate on bad input", () => {
  it("refuses a model that is not compiled and gets no loss", async () => {
    const model = classifier([6], 3, "softmax");
    const data = blobs(64, 3);
    await expect(
      findLearningRate(model, { xs: data.xs, ys: data.oneHot }, { optimizer: tf.train.sgd(0.1) }),
    ).rejects.toThrow(
      new TypeError(
        'tfjsLearner: the model is not compiled and no loss was given: compile it (model.compile({ optimizer, loss })) or pass the loss option (e.g. "categoricalCrossentropy")',
      ),
    );
    model.dispose();
    tf.dispose(data);
  });

  it("names both shapes when the data does not fit the model's input or output", async () => {
    const model = regressionModel(13);
    const wrong = tf.zeros([64, 3]);
    const ys = tf.zeros([64, 1]);
    await expect(findLearningRate(model, { xs: wrong, ys })).rejects.toThrow(
      new TypeError(
        'tfjsLearner: data has inputs of shape [64,3] for the model\'s input "hidden_input", which takes [null,4]',
      ),
    );
    const xs = tf.zeros([64, 4]);
    const wide = tf.zeros([64, 2]);
    await expect(findLearningRate(model, { xs, ys: wide })).rejects.toThrow(
      new TypeError(
        'tfjsLearner: data has targets of shape [64,2] for the model\'s output "value", which gives [null,1] (loss meanSquaredError)',
      ),
    );
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose([wrong, ys, xs, wide]);
  });

  it("refuses empty data, data smaller than a batch, and class indices out of range", async () => {
    const model = regressionModel(14);
    const empty = { xs: tf.zeros([0, 4]), ys: tf.zeros([0, 1]) };
    await expect(findLearningRate(model, empty)).rejects.toThrow(
      new RangeError("tfjsLearner: data has no example"),
    );
    const few = { xs: tf.zeros([10, 4]), ys: tf.zeros([10, 1]) };
    await expect(findLearningRate(model, few, { batchSize: 16 })).rejects.toThrow(
      new RangeError("tfjsLearner: data has 10 examples, fewer than batchSize 16"),
    );
    const sparse = classifier([6], 3, "softmax");
    sparse.compile({ optimizer: tf.train.sgd(0.1), loss: "sparseCategoricalCrossentropy" });
    const bad = { xs: tf.zeros([4, 6]), ys: tf.tensor2d([[0], [2], [3], [1]]) };
    await expect(findLearningRate(sparse, bad, { batchSize: 2 })).rejects.toThrow(
      /^tfjsLearner: data has label 3 at example 2 for the model's output "dense_Dense\d+", which has 3 classes \(sparseCategoricalCrossentropy takes integers 0 to 2\)$/,
    );
    disposeOptimizer(model.optimizer);
    model.dispose();
    sparse.optimizer.dispose();
    sparse.dispose();
    tf.dispose([empty, few, bad]);
  });

  it("refuses an empty tf.data dataset and one that yields something else than { xs, ys }", async () => {
    const model = regressionModel(17);
    await expect(findLearningRate(model, tfd.array<tf.TensorContainer>([]))).rejects.toThrow(
      /^rangeTest: the learner failed at step 0 \(lr [\d.e-]+\): tfjsLearner: data \(a tf\.data dataset\) yielded no element; the model was restored$/,
    );
    await expect(findLearningRate(model, tfd.array([1, 2, 3]))).rejects.toThrow(
      /tfjsLearner: data \(a tf\.data dataset\) must yield \{ xs, ys \} elements, got 1;/,
    );
    disposeOptimizer(model.optimizer);
    model.dispose();
  });

  it("restores the model bit for bit when a tf.data element turns out not to fit mid-sweep", async () => {
    const model = regressionModel(15);
    const good = regressionData(64, 16);
    const batches = [
      ...[0, 16, 32, 48].map((at) => ({ xs: tf.slice(good.xs, at, 16), ys: tf.slice(good.ys, at, 16) })),
      { xs: tf.zeros([16, 3]), ys: tf.zeros([16, 1]) },
    ];
    const error = await restoredAfter(model, () =>
      findLearningRate(model, tfd.array(batches), { start: 1e-4, end: 1e-2, iterations: 20 }).catch(
        (e: unknown) => e as RangeTestResult,
      ),
    );
    expect(error).toBeInstanceOf(RangeTestError);
    expect((error as unknown as RangeTestError).message).toMatch(
      /^rangeTest: the learner failed at step 4 \(lr [\d.e-]+\): tfjsLearner: data \(a tf\.data dataset\) has inputs of shape \[16,3\] for the model's input "hidden_input", which takes \[null,4\]; the model was restored$/,
    );
    expect((error as unknown as RangeTestError).partial.losses).toHaveLength(4);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose([good, batches]);
  });
});
