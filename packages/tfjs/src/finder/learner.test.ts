import * as tf from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { rangeTest } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImageDataset } from "../data/dataset.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getLearningRate } from "../optimizers/hyperparameters.js";
import { useBackend } from "../test/backends.js";
import { LOGIT_LOSSES } from "../train/losses.js";
import { tfjsLearner } from "./learner.js";
import { fashionMnistSlices, mlp } from "../test/demo.js";

let train: ImageDataset;
let test: ImageDataset;
beforeAll(async () => {
  await useBackend("cpu");
  ({ train, test } = await fashionMnistSlices(640, 100));
});

const weights = (m: LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe("tfjsLearner", () => {
  it("runs lrkit's range test on an MLP, then leaves the weights, the optimizer and memory as they were", async () => {
    const model = mlp({ hidden: [32], seed: 6 });
    const optimizer = tf.train.momentum(0.01, 0.9);
    model.compile({ optimizer, loss: LOGIT_LOSSES.softmaxCrossEntropy! });
    const before = weights(model);
    const tensors = tf.memory().numTensors;
    const result = await rangeTest(tfjsLearner({ model, data: train, batchSize: 32, seed: 1 }), {
      start: 1e-4,
      end: 10,
      iterations: 40,
    });
    expect(result.lrs.length).toBeGreaterThan(10);
    expect(Number.isFinite(result.losses[0]!)).toBe(true);
    expect(result.lrs[1]! / result.lrs[0]!).toBeCloseTo((10 / 1e-4) ** (1 / 39), 9);
    expect(result.recommendedLr).not.toBeNull();
    expect(weights(model)).toEqual(before);
    expect(getLearningRate(optimizer)).toBe(0.01);
    expect(optimizer.iterations).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    disposeOptimizer(optimizer);
    model.dispose();
  });

  it("averages the gradients of several batches into one update, and validates", async () => {
    const make = () => {
      const model = mlp({ hidden: [8], seed: 7 });
      const optimizer = tf.train.sgd(0.1);
      model.compile({ optimizer, loss: LOGIT_LOSSES.softmaxCrossEntropy! });
      return {
        model,
        optimizer,
        learner: tfjsLearner({ model, data: train, batchSize: 32, validation: test }),
      };
    };
    const one = make();
    const two = make();
    // Two batches of 32 accumulated = one batch of 64 made of the same examples, up to float32 rounding.
    const wide = tfjsLearner({ model: one.model, data: train, batchSize: 64 });
    const loss64 = await wide.step(0.1);
    const loss2x32 = await two.learner.step(0.1, 2);
    expect(loss2x32).toBeCloseTo(loss64, 5);
    const [a, b] = [weights(one.model), weights(two.model)];
    a.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(b[i]![j]!, 5)));
    expect(await two.learner.validate!()).toBeGreaterThan(0);
    [one, two].forEach((r) => {
      r.optimizer.dispose();
      r.model.dispose();
    });
  });
});
