import * as tf from "@tensorflow/tfjs-core";
import { constant, cosine, Scheduler, type SchedulerState } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { registerLrkitKernels } from "../backend/kernels/registerKernels.js";
import type { ImageDataset } from "../data/dataset.js";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { restore, snapshot } from "../snapshot/snapshot.js";
import { useBackend } from "../test/backends.js";
import { train, type TrainProgress } from "./train.js";
import { fashionMnistSlices, lenet, mlp } from "../test/demo.js";

let trainSet: ImageDataset;
let testSet: ImageDataset;
beforeAll(async () => {
  ({ train: trainSet, test: testSet } = await fashionMnistSlices(320, 200));
});

describe("train", () => {
  it("trains LeNet on the wasm backend with lrkit's kernels: the loss falls", async () => {
    await useBackend("wasm");
    registerLrkitKernels("wasm");
    const model = lenet({ seed: 0 });
    const result = await train({
      model,
      data: trainSet,
      loss: "softmaxCrossEntropy",
      validation: testSet,
      epochs: 3,
      batchSize: 32,
      optimizer: "adam",
      schedule: constant({ lr: 0.003 }),
    });
    const [first, , last] = result.history;
    expect(last!.metrics.loss).toBeLessThan(0.8 * first!.metrics.loss!);
    expect(last!.metrics.val_acc).toBeGreaterThan(0.4);
    expect(result.steps).toBe(30);
    model.dispose();
  });

  it("sets each update's lr from a batch-unit schedule, reports it, and leaves no tensor behind", async () => {
    await useBackend("cpu");
    const schedule = cosine({ lr: 0.2, steps: 20, minLr: 0.01 });
    const model = mlp({ hidden: [16], seed: 1 });
    const events: TrainProgress[] = [];
    const before = tf.memory().numTensors;
    const result = await train({
      model,
      data: trainSet,
      loss: "softmaxCrossEntropy",
      validation: testSet,
      epochs: 2,
      batchSize: 32,
      optimizer: "momentum",
      optimizerOptions: { momentum: 0.9 },
      schedule,
      unit: "batch",
      onProgress: (e) => events.push(e),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.history.flatMap((r) => r.batchLrs)).toEqual([...Array(20).keys()].map((t) => schedule(t)));
    expect(result.history.map((r) => r.lr)).toEqual([schedule(9), schedule(19)]);
    expect(events.filter((e) => e.type === "batch")).toHaveLength(20);
    expect(events.filter((e) => e.type === "epoch")).toHaveLength(2);
    for (const r of result.history) {
      expect(r.batchLosses).toHaveLength(10);
      expect(r.examplesPerSecond).toBeGreaterThan(0);
      expect(Object.keys(r.metrics)).toEqual(["loss", "acc", "val_loss", "val_acc"]);
      expect(r.metrics.acc).toBeGreaterThanOrEqual(0);
      expect(r.metrics.val_acc).toBeGreaterThan(0);
    }
    expect(result.optimizer).toBe("momentum");
    model.dispose();
  });

  it("gives the same run for the same seed, another for another seed", async () => {
    await useBackend("cpu");
    const run = async (seed: number) => {
      const model = mlp({ hidden: [8], seed: 2 });
      const result = await train({
        model,
        data: trainSet,
        loss: "softmaxCrossEntropy",
        epochs: 1,
        batchSize: 64,
        optimizer: "sgd",
        seed,
      });
      model.dispose();
      return result.history[0]!.batchLosses;
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it("feeds the schedule's plateau policy with the monitored value after every epoch", async () => {
    await useBackend("cpu");
    const model = mlp({ hidden: [8], seed: 3 });
    const scheduler = new Scheduler(constant({ lr: 0.05 }), {
      plateau: { patience: 0, factor: 0.5, threshold: 0.5 },
    });
    const result = await train({
      model,
      data: trainSet,
      loss: "softmaxCrossEntropy",
      validation: testSet,
      epochs: 3,
      batchSize: 64,
      schedule: scheduler,
      monitor: "val_acc",
    });
    const state = (result.scheduleState as { scheduler: SchedulerState }).scheduler;
    expect(state.plateau!.epochs).toBe(3);
    // min mode on an accuracy (which rises): every epoch after the first is a bad one.
    const twin = new Scheduler(constant({ lr: 0.05 }), {
      plateau: { patience: 0, factor: 0.5, threshold: 0.5 },
    });
    const expected = result.history.map((r) => {
      const lr = twin.lr;
      twin.observe(r.metrics.val_acc!).step();
      return lr;
    });
    expect(result.history.map((r) => r.lr)).toEqual(expected);
    expect(expected).toEqual([0.05, 0.05, 0.025]);
    model.dispose();
  });

  it("resumed from a snapshot and the schedule's state, continues exactly", async () => {
    await useBackend("cpu");
    const schedule = cosine({ lr: 0.1, steps: 4 });
    const options = {
      data: trainSet,
      loss: "softmaxCrossEntropy",
      batchSize: 64,
      schedule,
      unit: "epoch" as const,
      seed: 9,
    };
    const wholeModel = mlp({ hidden: [8], seed: 4 });
    const wholeOpt = createOptimizer("adam");
    const whole = await train({ ...options, model: wholeModel, optimizer: wholeOpt, epochs: 4 });

    const model = mlp({ hidden: [8], seed: 4 });
    const optimizer = createOptimizer("adam");
    const head = await train({ ...options, model, optimizer, epochs: 2 });
    const saved = await snapshot(model, optimizer);
    const state = JSON.parse(JSON.stringify(head.scheduleState));
    const model2 = mlp({ hidden: [8], seed: 11 });
    const optimizer2 = createOptimizer("adam");
    await restore(model2, saved, optimizer2);
    const tail = await train({
      ...options,
      model: model2,
      optimizer: optimizer2,
      epochs: 4,
      initialEpoch: 2,
      scheduleState: state,
    });

    expect([...head.history, ...tail.history].map((r) => r.batchLosses)).toEqual(
      whole.history.map((r) => r.batchLosses),
    );
    expect(model2.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(
      wholeModel.getWeights().map((w) => Array.from(w.dataSync())),
    );
    saved.dispose();
    [wholeOpt, optimizer, optimizer2].forEach(disposeOptimizer);
    [wholeModel, model, model2].forEach((m) => m.dispose());
  });

  it("stops before the next update when the signal aborts", async () => {
    await useBackend("cpu");
    const model = mlp({ hidden: [8], seed: 5 });
    const controller = new AbortController();
    const result = await train({
      model,
      data: trainSet,
      loss: "softmaxCrossEntropy",
      epochs: 3,
      batchSize: 32,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === "batch" && e.epoch === 1 && e.batch === 2) controller.abort();
      },
    });
    expect(result.stopped).toBe("aborted");
    expect(result.history).toHaveLength(1);
    expect(result.steps).toBe(13);
    model.dispose();
  });

  it("rejects bad options before any update, naming the option and the value", async () => {
    const model = mlp({ hidden: [4] });
    await expect(train({ model, data: trainSet, loss: "softmaxCrossEntropy", epochs: 0 })).rejects.toThrow(
      new RangeError("train: epochs must be a positive integer, got 0"),
    );
    await expect(
      train({ model, data: trainSet, loss: "softmaxCrossEntropy", epochs: 1, monitor: "val_loss" }),
    ).rejects.toThrow(
      new TypeError('train: monitor must be one of the logged values (loss, acc), got "val_loss"'),
    );
    model.dispose();
  });
});
