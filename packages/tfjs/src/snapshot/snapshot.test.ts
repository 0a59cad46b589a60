import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getLearningRate, getMomentum, setLearningRate, setMomentum } from "../optimizers/hyperparameters.js";
import { OPTIMIZER_NAMES, type OptimizerName } from "../optimizers/optimizerName.js";
import { randomPlain, useBackend } from "../test/backends.js";
import { restore, snapshot } from "./snapshot.js";
import { mlp } from "../test/demo.js";

beforeAll(() => useBackend("cpu"));

const x = randomPlain([16, 6, 6, 1], 1);
const labels = Array.from({ length: 16 }, (_, i) => (i * 7) % 10);

function setup(name: OptimizerName) {
  const model = mlp({ hidden: [12], inputShape: [6, 6, 1], seed: 4 });
  const optimizer = createOptimizer(name, name === "rmsprop" ? { lr: 0.01, momentum: 0.5 } : { lr: 0.05 });
  const xs = tf.tensor(x.values, x.shape);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, "int32"), 10));
  const step = (t: number) => {
    setLearningRate(optimizer, 0.05 / (1 + t));
    if (name === "momentum" || name === "adam") setMomentum(optimizer, 0.9 - 0.02 * t);
    const half = t % 2 === 0 ? [0, 8] : [8, 8];
    tf.tidy(() => {
      const xb = tf.slice(xs, [half[0]!, 0, 0, 0], [half[1]!, 6, 6, 1]);
      const yb = tf.slice(ys, [half[0]!, 0], [half[1]!, 10]);
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb) as tf.Tensor) as tf.Scalar);
    });
  };
  const weights = () => model.getWeights().map((w) => Array.from(w.dataSync()));
  const dispose = () => {
    tf.dispose([xs, ys]);
    disposeOptimizer(optimizer);
    model.layers.forEach((l) => l.dispose());
  };
  return { model, optimizer, step, weights, dispose };
}

describe("snapshot and restore", () => {
  for (const name of OPTIMIZER_NAMES) {
    it(`replaying the steps after a restore gives the same weights, bit for bit (${name})`, async () => {
      const run = setup(name);
      for (let t = 0; t < 3; t++) run.step(t);
      const saved = await snapshot(run.model, run.optimizer);
      const [lr, momentum] = [
        getLearningRate(run.optimizer),
        name === "momentum" ? getMomentum(run.optimizer) : 0,
      ];
      for (let t = 3; t < 7; t++) run.step(t);
      const first = run.weights();
      await restore(run.model, saved, run.optimizer);
      expect(getLearningRate(run.optimizer)).toBe(lr);
      if (name === "momentum") expect(getMomentum(run.optimizer)).toBe(momentum);
      for (let t = 3; t < 7; t++) run.step(t);
      expect(run.weights()).toEqual(first);

      // Into a fresh model and optimizer of the same kind, and from the same snapshot again.
      const fresh = setup(name);
      await restore(fresh.model, saved, fresh.optimizer);
      for (let t = 3; t < 7; t++) fresh.step(t);
      expect(fresh.weights()).toEqual(first);

      saved.dispose();
      run.dispose();
      fresh.dispose();
    });
  }

  it("leaks nothing: snapshots, restores and disposal leave the tensor count unchanged", async () => {
    const before = tf.memory().numTensors;
    for (const name of OPTIMIZER_NAMES) {
      const run = setup(name);
      run.step(0);
      const saved = await snapshot(run.model, run.optimizer);
      run.step(1);
      await restore(run.model, saved, run.optimizer);
      run.step(1);
      await restore(run.model, saved, run.optimizer);
      saved.dispose();
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("a snapshot taken before the first step restores an optimizer without accumulators", async () => {
    const run = setup("adam");
    const saved = await snapshot(run.model, run.optimizer);
    run.step(0);
    const first = run.weights();
    await restore(run.model, saved, run.optimizer);
    expect(run.optimizer.iterations).toBe(0);
    run.step(0);
    expect(run.weights()).toEqual(first);
    saved.dispose();
    run.dispose();
  });

  it("uses model.optimizer by default, and refuses a disposed snapshot or a mismatched optimizer", async () => {
    const run = setup("sgd");
    run.model.compile({ optimizer: run.optimizer, loss: "categoricalCrossentropy" });
    const saved = await snapshot(run.model);
    expect(saved.optimizer?.optimizer).toBe("sgd");
    const adam = createOptimizer("adam");
    await expect(restore(run.model, saved, adam)).rejects.toThrow(
      new TypeError("restoreOptimizer: the snapshot is of a sgd optimizer, got adam"),
    );
    saved.dispose();
    expect(saved.disposed).toBe(true);
    await expect(restore(run.model, saved)).rejects.toThrow("restore: the snapshot has been disposed");
    disposeOptimizer(adam);
    run.dispose();
  });
});
