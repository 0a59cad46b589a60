import * as tf from "@tensorflow/tfjs-core";
import { constant, cosine, linear, Scheduler, warmup } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { batches } from "../data/batches.js";
import { subset, type ImageDataset } from "../data/dataset.js";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getMomentum, setLearningRate } from "../optimizers/hyperparameters.js";
import { OPTIMIZER_NAMES } from "../optimizers/optimizerName.js";
import { restore, snapshot } from "../snapshot/snapshot.js";
import { useBackend } from "../test/backends.js";
import { applyScheduler, scheduledMinimize } from "./scheduledMinimize.js";
import { loadFashionMnist, mlp } from "../test/demo.js";

let train: ImageDataset;
beforeAll(async () => {
  await useBackend("cpu");
  train = subset((await loadFashionMnist()).train, 0, 192);
});

const flat = (ts: tf.Tensor[]) => ts.flatMap((t) => Array.from(t.dataSync()));

describe("scheduledMinimize on Fashion-MNIST", () => {
  const schedule = warmup(cosine({ lr: 0.05, steps: 4, minLr: 0.005 }), { steps: 2 });

  for (const name of OPTIMIZER_NAMES) {
    it(`applies the Scheduler's lr to every ${name} update (read back from the weights)`, async () => {
      // Every update is lr × u, with u set by the gradient and the optimizer's state: u is measured
      // by a step at lr 1 from a snapshot, then undone.
      const model = mlp({ hidden: [16], seed: 5 });
      const optimizer = createOptimizer(name, { lr: 0.01 });
      const scheduler = new Scheduler(schedule);
      let t = 0;
      for (const batch of batches(train, { batchSize: 32, seed: 3 })) {
        const xs = tf.tensor4d(batch.x, batch.shape);
        const ys = tf.tensor2d(batch.y, [batch.size, 10]);
        const loss = () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor) as tf.Scalar;
        const saved = await snapshot(model, optimizer);
        const w0 = flat(model.getWeights());
        setLearningRate(optimizer, 1);
        optimizer.minimize(loss);
        const unit = flat(model.getWeights()).map((w, i) => w - w0[i]!);
        await restore(model, saved, optimizer);
        saved.dispose();
        const expected = scheduler.lr;
        tf.dispose(scheduledMinimize(optimizer, scheduler, loss));
        const update = flat(model.getWeights()).map((w, i) => w - w0[i]!);
        let [num, den] = [0, 0];
        update.forEach((d, i) => {
          num += d * unit[i]!;
          den += unit[i]! * unit[i]!;
        });
        expect(num / den / Math.fround(expected)).toBeCloseTo(1, 4);
        expect(scheduler.steps).toBe(++t);
        tf.dispose([xs, ys]);
      }
      expect(t).toBe(6);
      disposeOptimizer(optimizer);
      model.dispose();
    });
  }
});

describe("applyScheduler", () => {
  it("sets lr and momentum (Adam's beta1) for the scheduler's current step", () => {
    const adam = tf.train.adam(0.1, 0.9);
    const scheduler = new Scheduler({
      lr: constant({ lr: 0.01 }),
      beta1: linear({ from: 0.95, to: 0.85, steps: 10 }),
    });
    scheduler.step().step();
    expect(applyScheduler(adam, scheduler)).toEqual({ lr: 0.01, momentum: 0.95 - 0.02 });
    expect(getMomentum(adam)).toBeCloseTo(0.93, 12);
    adam.dispose();
  });

  it("rejects a scheduler that is not an lrkit Scheduler, or momentum for plain SGD", () => {
    const sgd = tf.train.sgd(0.1);
    expect(() => applyScheduler(sgd, {} as Scheduler)).toThrow(
      new TypeError("applyScheduler: scheduler must be an lrkit Scheduler"),
    );
    const scheduler = new Scheduler({ lr: constant({ lr: 0.1 }), momentum: constant({ lr: 0.9 }) });
    expect(() => applyScheduler(sgd, scheduler)).toThrow(
      new TypeError("applyScheduler: the schedule sets momentum 0.9, but a sgd optimizer has none"),
    );
    sgd.dispose();
  });
});
