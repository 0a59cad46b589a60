import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { createOptimizer as createTorchOptimizer, OneCycleLR, ReduceLROnPlateau, StepLR } from "lrkit/torch";
import { beforeAll, describe, expect, it } from "vitest";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { getMomentum, hasMomentum } from "../optimizers/hyperparameters.js";
import { useBackend } from "../test/backends.js";
import { scheduleCallback, type ScheduleCallbackState } from "./scheduleCallback.js";
import { isTorchScheduler, torchOptimizer } from "./torch.js";

beforeAll(() => useBackend("cpu"));

/** A one-weight model whose gradient is always 1; `updates` records each update (see scheduleCallback.test.ts). */
function oneWeight(optimizer: tf.Optimizer) {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, useBias: false, inputShape: [1], kernelInitializer: "zeros" })],
  });
  model.compile({ optimizer, loss: "meanAbsoluteError" });
  const updates: number[] = [];
  const momenta: number[] = [];
  const recorder = {
    onBatchBegin: async () => model.setWeights([tf.keep(tf.zeros([1, 1]))]),
    onBatchEnd: async () => {
      updates.push(model.getWeights()[0]!.dataSync()[0]!);
      if (hasMomentum(optimizer)) momenta.push(getMomentum(optimizer));
    },
  };
  const xs = tf.ones([8, 1]);
  const ys = tf.fill([8, 1], -1000);
  const fit = async (callbacks: tfl.CustomCallbackArgs[], epochs: number, initialEpoch = 0) =>
    (
      await model.fit(xs, ys, {
        epochs,
        initialEpoch,
        batchSize: 2,
        verbose: 0,
        callbacks: [recorder, ...callbacks],
      })
    ).history;
  const dispose = () => {
    tf.dispose([xs, ys]);
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, fit, updates, momenta, dispose };
}

describe("scheduleCallback with lrkit/torch's PyTorch-compatible schedulers", () => {
  it("binds OneCycleLR's group 0 (lr and momentum) to a tfjs Momentum optimizer, batch by batch", async () => {
    const optimizer = tf.train.momentum(0.1, 0.9);
    const run = oneWeight(optimizer);
    const scheduler = new OneCycleLR(torchOptimizer(optimizer), { max_lr: 0.4, total_steps: 12 });
    expect(isTorchScheduler(scheduler)).toBe(true);
    // The same scheduler on PyTorch's own SGD shape gives the expected sequence.
    const twinOptimizer = createTorchOptimizer("SGD", { lr: 0.1, momentum: 0.9 });
    const twin = new OneCycleLR(twinOptimizer, { max_lr: 0.4, total_steps: 12 });
    const expectedLr: number[] = [];
    const expectedMomentum: number[] = [];
    for (let t = 0; t < 12; t++) {
      expectedLr.push(twinOptimizer.param_groups[0]!.lr);
      expectedMomentum.push(twinOptimizer.param_groups[0]!.momentum!);
      if (t < 11) twin.step();
    }
    const history = await run.fit([scheduleCallback(run.model, scheduler, { unit: "batch" })], 3);
    expect(run.momenta).toEqual(expectedMomentum);
    let acc = 0;
    run.updates.forEach((u, t) => {
      acc = expectedMomentum[t]! * acc + 1;
      expect(u / (-expectedLr[t]! * acc)).toBeCloseTo(1, 5);
    });
    expect(history.lr).toEqual([3, 7, 11].map((t) => expectedLr[t]));
    run.dispose();
  });

  it("cycles Adam's beta1 through betas[0]", async () => {
    const optimizer = tf.train.adam(0.01, 0.9);
    const run = oneWeight(optimizer);
    const plain = torchOptimizer(optimizer);
    expect(plain.defaults).toEqual({ lr: 0.01, betas: [0.9, 0.999] });
    const scheduler = new OneCycleLR(plain, { max_lr: 0.05, total_steps: 8 });
    const twinOptimizer = createTorchOptimizer("Adam", { lr: 0.01, betas: [0.9, 0.999] });
    const twin = new OneCycleLR(twinOptimizer, { max_lr: 0.05, total_steps: 8 });
    const expected: number[] = [];
    for (let t = 0; t < 8; t++) {
      expected.push(twinOptimizer.param_groups[0]!.betas![0]!);
      if (t < 7) twin.step();
    }
    await run.fit([scheduleCallback(run.model, scheduler, { unit: "batch" })], 2);
    expect(run.momenta).toEqual(expected);
    expect(expected[0]).toBe(0.95);
    run.dispose();
  });

  it("steps ReduceLROnPlateau with the monitored value", async () => {
    const optimizer = tf.train.sgd(0.5);
    const run = oneWeight(optimizer);
    const scheduler = new ReduceLROnPlateau(torchOptimizer(optimizer), { patience: 0, factor: 0.5 });
    // The loss of this model never changes (the weight is reset before each batch): every epoch after the first is bad.
    const history = await run.fit([scheduleCallback(run.model, scheduler, { monitor: "loss" })], 4);
    expect(history.lr).toEqual([0.5, 0.5, 0.25, 0.125]);
    run.dispose();
  });

  it("resumes from its JSON state (the scheduler's state_dict and the param groups)", async () => {
    const make = () => {
      const optimizer = tf.train.sgd(0.8);
      return {
        run: oneWeight(optimizer),
        scheduler: new StepLR(torchOptimizer(optimizer), { step_size: 3, gamma: 0.5 }),
      };
    };
    const whole = make();
    const all = await whole.run.fit(
      [scheduleCallback(whole.run.model, whole.scheduler, { unit: "batch" })],
      4,
    );
    const first = make();
    const callback = scheduleCallback(first.run.model, first.scheduler, { unit: "batch" });
    const head = await first.run.fit([callback], 2);
    const state = JSON.parse(JSON.stringify(callback.state)) as ScheduleCallbackState;
    const second = make();
    const tail = await second.run.fit(
      [scheduleCallback(second.run.model, second.scheduler, { unit: "batch", state })],
      4,
      2,
    );
    expect([...head.lr!, ...tail.lr!]).toEqual(all.lr);
    expect([...first.run.updates, ...second.run.updates]).toEqual(whole.run.updates);
    [whole, first, second].forEach((r) => r.run.dispose());
  });
});
