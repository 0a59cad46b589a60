import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { cosine, linear, Scheduler, warmup } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { makeBatch } from "../data/batches.js";
import { subset, type ImageDataset } from "../data/dataset.js";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import type { OptimizerName } from "../optimizers/optimizerName.js";
import { restore, snapshot } from "../snapshot/snapshot.js";
import { useBackend } from "../test/backends.js";
import { reduceLROnPlateau } from "./reduceLROnPlateau.js";
import { scheduleCallback, type ScheduleCallbackState } from "./scheduleCallback.js";
import { loadFashionMnist, mlp } from "../test/demo.js";

let data: { xs: tf.Tensor; ys: tf.Tensor; vx: tf.Tensor; vy: tf.Tensor };

function tensors(ds: ImageDataset, n: number): [tf.Tensor, tf.Tensor] {
  const b = makeBatch(
    subset(ds, 0, n),
    Uint32Array.from({ length: n }, (_, i) => i),
  );
  return [tf.tensor4d(b.x, b.shape), tf.tensor2d(b.y, [n, 10])];
}

beforeAll(async () => {
  await useBackend("cpu");
  const { train, test } = await loadFashionMnist();
  const [xs, ys] = tensors(train, 384);
  const [vx, vy] = tensors(test, 100);
  data = { xs, ys, vx, vy };
});

const EPOCHS = 4;
const CHECKPOINT = 3;
const scheduler = () =>
  new Scheduler(
    {
      lr: warmup(cosine({ lr: 0.3, steps: 18, minLr: 0.02 }), { steps: 6 }),
      momentum: linear({ from: 0.85, to: 0.95, steps: 24 }),
    },
    { plateau: { patience: 0, factor: 0.5, threshold: 0.5 } },
  );

function setup(name: OptimizerName, seed: number) {
  const model = mlp({ hidden: [24], seed });
  const optimizer = createOptimizer(name, name === "adam" ? { lr: 0.01 } : { lr: 0.1, momentum: 0.9 });
  model.compile({ optimizer, loss: (t: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(t, p) });
  const fit = (callbacks: tfl.CustomCallbackArgs[], epochs: number, initialEpoch = 0) =>
    model.fit(data.xs, data.ys, {
      epochs,
      initialEpoch,
      batchSize: 64,
      shuffle: false,
      verbose: 0,
      validationData: [data.vx, data.vy],
      callbacks,
    });
  const weights = () => model.getWeights().map((w) => Array.from(w.dataSync()));
  const dispose = () => {
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, optimizer, fit, weights, dispose };
}

describe("a fit resumed from a checkpoint", () => {
  for (const name of ["momentum", "adam"] as const) {
    it(`continues exactly as the uninterrupted run (${name}: warmup-cosine lr, momentum, plateau cuts, unit batch)`, async () => {
      const whole = setup(name, 1);
      const wholeCallback = scheduleCallback(whole.model, scheduler(), {
        unit: "batch",
        monitor: "val_loss",
      });
      const wholeHistory = await whole.fit([wholeCallback], EPOCHS);

      const first = setup(name, 1);
      const callback = scheduleCallback(first.model, scheduler(), { unit: "batch", monitor: "val_loss" });
      const head = await first.fit([callback], CHECKPOINT);
      const checkpoint = JSON.stringify(callback.state);
      const saved = await snapshot(first.model);

      const resumed = setup(name, 7); // other initial weights: the snapshot overwrites them
      await restore(resumed.model, saved);
      const state = JSON.parse(checkpoint) as ScheduleCallbackState;
      const resumedCallback = scheduleCallback(resumed.model, scheduler(), {
        unit: "batch",
        monitor: "val_loss",
        state,
      });
      const tail = await resumed.fit([resumedCallback], EPOCHS, CHECKPOINT);

      expect([...head.history.lr!, ...tail.history.lr!]).toEqual(wholeHistory.history.lr);
      expect([...head.history.momentum!, ...tail.history.momentum!]).toEqual(wholeHistory.history.momentum);
      expect(resumed.weights()).toEqual(whole.weights());
      expect(resumedCallback.state).toEqual(wholeCallback.state);
      // The plateau policy had cut before the checkpoint: the run exercises the whole state.
      expect("scheduler" in state.driver && state.driver.scheduler.plateau!.scale).toBeLessThan(1);
      saved.dispose();
      [whole, first, resumed].forEach((r) => r.dispose());
    });
  }
});

describe("training with callbacks, snapshots and restores", () => {
  it("leaves tf.memory().numTensors where it was", async () => {
    const before = tf.memory().numTensors;
    const run = setup("momentum", 3);
    const cut = reduceLROnPlateau(run.model, { monitor: "val_loss", patience: 0 });
    await run.fit([scheduleCallback(run.model, scheduler(), { unit: "batch", monitor: "val_loss" })], 1);
    const saved = await snapshot(run.model);
    await run.fit([cut], 1);
    await restore(run.model, saved);
    await run.fit([cut], 1);
    await restore(run.model, saved);
    saved.dispose();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
