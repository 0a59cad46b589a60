import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import { constant, cosine } from "lrkit";
import { ReduceLROnPlateau } from "lrkit/torch";
import { beforeAll, describe, expect, it } from "vitest";
import { torchOptimizer } from "../callbacks/torch.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { restore, snapshot } from "../snapshot/snapshot.js";
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
import { evaluate } from "./evaluate.js";
import { train } from "./train.js";

// The trainer on the models users bring, with their compiled losses and metrics, on tensors and
// tf.data datasets, with one output or two.

beforeAll(() => useBackend("cpu"));

describe("train on a user's model", () => {
  it("trains a regression model on its mean squared error and logs loss and val_loss only", async () => {
    const model = regressionModel(21, tf.train.sgd(0.05));
    const data = regressionData(512, 22);
    const held = regressionData(128, 23);
    const before = tf.memory().numTensors;
    const result = await train({ model, data, validation: held, epochs: 4, batchSize: 32 });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.optimizer).toBe("sgd");
    expect(result.steps).toBe(4 * 16);
    const [first, , , last] = result.history;
    expect(Object.keys(last!.metrics)).toEqual(["loss", "val_loss"]);
    expect(last!.metrics.loss).toBeLessThan(0.3 * first!.metrics.loss!);
    // The logged validation loss is evaluate()'s.
    expect(last!.metrics.val_loss).toBeCloseTo((await evaluate(model, held)).loss, 5);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose([data, held]);
  });

  it("trains a sigmoid classifier on binary cross-entropy and reports its compiled accuracy", async () => {
    const model = binaryModel(24, tf.train.adam(0.01));
    const data = blobs(512, 2, 25);
    const options = {
      model,
      data: { xs: data.xs, ys: data.binary },
      validation: { xs: data.xs, ys: data.binary },
    };
    await train({ ...options, epochs: 1 }); // Adam's slots exist from here on
    const before = tf.memory().numTensors;
    const result = await train({ ...options, epochs: 5 });
    expect(tf.memory().numTensors).toBe(before);
    const last = result.history.at(-1)!;
    expect(Object.keys(last.metrics)).toEqual(["loss", "acc", "val_loss", "val_acc"]);
    expect(last.metrics.acc).toBeGreaterThan(0.9);
    expect(last.metrics.val_acc).toBeGreaterThan(0.9);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose(data);
  });

  it("gives a softmax model under categoricalCrossentropy the losses of its logits twin under softmaxCrossEntropy", async () => {
    const data = blobs(256, 4, 26);
    const run = async (output: "softmax" | "logits") => {
      const model = classifier([6], 4, output, 27);
      const result = await train({
        model,
        data: { xs: data.xs, ys: data.oneHot },
        loss: output === "softmax" ? "categoricalCrossentropy" : "softmaxCrossEntropy",
        epochs: 2,
        batchSize: 32,
        schedule: constant({ lr: 0.5 }),
      });
      model.dispose();
      return result.history;
    };
    const softmax = await run("softmax");
    const logits = await run("logits");
    const losses = (h: typeof softmax) => h.flatMap((r) => r.batchLosses);
    losses(softmax).forEach((l, i) => expect(l).toBeCloseTo(losses(logits)[i]!, 4));
    // Accuracy where it means something: categoricalCrossentropy's, on the probabilities or the logits.
    expect(softmax.map((r) => r.metrics.acc)).toEqual(logits.map((r) => r.metrics.acc));
    tf.dispose(data);
  });

  it("trains on a tf.data dataset of single examples, in its own order, batched by batchSize", async () => {
    const model = regressionModel(28, tf.train.sgd(0.05));
    const data = regressionData(200, 29);
    const xs = tf.unstack(data.xs);
    const ys = tf.unstack(data.ys);
    const dataset = tfd.zip({ xs: tfd.array(xs), ys: tfd.array(ys) });
    const before = tf.memory().numTensors;
    const events: number[] = [];
    const result = await train({
      model,
      data: dataset,
      validation: dataset,
      epochs: 3,
      batchSize: 64,
      onProgress: (e) => e.type === "batch" && events.push(e.batches!),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.steps).toBe(3 * 4);
    expect(events.every((b) => b === 4)).toBe(true);
    expect(result.history.map((r) => r.examples)).toEqual([200, 200, 200]);
    expect(result.history[2]!.metrics.loss).toBeLessThan(result.history[0]!.metrics.loss!);
    disposeOptimizer(model.optimizer);
    model.dispose();
    tf.dispose([data, xs, ys]);
  });

  it("trains a two-output model on the sum of its losses and logs each output's loss and accuracy", async () => {
    const model = twoOutputModel(30);
    model.compile({ optimizer: tf.train.adam(0.01), loss: ["categoricalCrossentropy", "meanSquaredError"] });
    const data = blobs(300, 3, 31);
    const size = tf.sum(data.xs, 1, true);
    const ys = { kind: data.oneHot, size };
    const result = await train({
      model,
      data: { xs: data.xs, ys },
      validation: { xs: data.xs, ys },
      epochs: 3,
    });
    const last = result.history.at(-1)!;
    expect(Object.keys(last.metrics)).toEqual([
      "loss",
      "kind_loss",
      "size_loss",
      "kind_acc",
      "val_loss",
      "val_kind_loss",
      "val_size_loss",
      "val_kind_acc",
    ]);
    // No regularisation: the loss is the sum of the outputs' losses.
    expect(last.metrics.val_loss).toBeCloseTo(last.metrics.val_kind_loss! + last.metrics.val_size_loss!, 5);
    expect(last.metrics.kind_acc).toBeGreaterThan(0.6);
    model.optimizer.dispose();
    model.dispose();
    tf.dispose([data, size]);
  });

  it("resumed from a snapshot and the schedule's state, continues a user's model exactly", async () => {
    const data = regressionData(256, 32);
    const options = { data, batchSize: 32, schedule: cosine({ lr: 0.05, steps: 4 }), seed: 5 };
    const whole = regressionModel(33, tf.train.momentum(0.05, 0.9));
    await train({ ...options, model: whole, epochs: 4 });
    const head = regressionModel(33, tf.train.momentum(0.05, 0.9));
    const first = await train({ ...options, model: head, epochs: 2 });
    const saved = await snapshot(head, head.optimizer);
    const tail = regressionModel(34, tf.train.momentum(0.05, 0.9));
    await restore(tail, saved, tail.optimizer);
    await train({
      ...options,
      model: tail,
      epochs: 4,
      initialEpoch: 2,
      scheduleState: JSON.parse(JSON.stringify(first.scheduleState)),
    });
    expect(await trainingState(tail, tail.optimizer)).toEqual(await trainingState(whole, whole.optimizer));
    saved.dispose();
    for (const m of [whole, head, tail]) {
      disposeOptimizer(m.optimizer);
      m.dispose();
    }
    tf.dispose(data);
  });

  it("cuts the lr with PyTorch's ReduceLROnPlateau fed the monitored value", async () => {
    const model = regressionModel(35, tf.train.sgd(0.001));
    const data = regressionData(128, 36);
    const scheduler = new ReduceLROnPlateau(torchOptimizer(model.optimizer), {
      mode: "min",
      patience: 0,
      factor: 0.5,
      threshold: 10,
      threshold_mode: "abs",
    });
    const result = await train({
      model,
      data,
      epochs: 3,
      batchSize: 64,
      schedule: scheduler,
      monitor: "loss",
    });
    // No epoch improves on the best by the threshold of 10: the second is bad, and the third trains at half.
    expect(result.history.map((r) => r.lr)).toEqual([0.001, 0.001, 0.0005]);
    model.dispose();
    tf.dispose(data);
  });
});

describe("train on bad input", () => {
  it("refuses an uncompiled model without loss, and a monitor that is not logged", async () => {
    const model = classifier([6], 3, "softmax");
    const data = blobs(64, 3);
    const d = { xs: data.xs, ys: data.oneHot };
    await expect(train({ model, data: d, epochs: 1 })).rejects.toThrow(
      /^train: the model is not compiled and no loss was given/,
    );
    await expect(
      train({ model, data: d, loss: "categoricalCrossentropy", epochs: 1, monitor: "val_acc" }),
    ).rejects.toThrow(
      new TypeError('train: monitor must be one of the logged values (loss, acc), got "val_acc"'),
    );
    model.dispose();
    tf.dispose(data);
  });

  it("refuses a loss list that does not match the outputs, and an unknown loss name", async () => {
    const model = twoOutputModel(37);
    const data = blobs(16, 3);
    const d = { xs: data.xs, ys: [data.oneHot, data.binary] };
    await expect(train({ model, data: d, loss: ["categoricalCrossentropy"], epochs: 1 })).rejects.toThrow(
      new RangeError("train: loss must have one entry per model output (2: kind, size), got 1"),
    );
    await expect(
      train({ model, data: d, loss: { kind: "categoricalCrossentropy", sise: "mse" }, epochs: 1 }),
    ).rejects.toThrow(
      new RangeError("train: loss names outputs the model does not have: sise (its outputs: kind, size)"),
    );
    await expect(train({ model, data: d, loss: "crossEntropyish", epochs: 1 })).rejects.toThrow(
      /^train: loss "crossEntropyish" is not a TensorFlow\.js loss nor one of lrkit's \(softmaxCrossEntropy, sigmoidCrossEntropy\): Unknown loss crossEntropyish/,
    );
    model.dispose();
    tf.dispose(data);
  });
});
