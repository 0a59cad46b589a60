import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { cosine, plateau, Scheduler, type PlateauOptions } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { makeBatch } from "../data/batches.js";
import { subset } from "../data/dataset.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { useBackend } from "../test/backends.js";
import { reduceLROnPlateau } from "./reduceLROnPlateau.js";
import { scheduleCallback } from "./scheduleCallback.js";
import { loadFashionMnist, mlp } from "../test/demo.js";

beforeAll(() => useBackend("cpu"));

/** A one-weight SGD model whose gradient is always 1, with a scripted epoch metric "score". */
function scripted(scores: number[], lr = 0.8) {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, useBias: false, inputShape: [1], kernelInitializer: "zeros" })],
  });
  const optimizer = tf.train.sgd(lr);
  model.compile({ optimizer, loss: "meanAbsoluteError" });
  const script = {
    onEpochEnd: async (epoch: number, logs?: tfl.Logs) => {
      logs!.score = scores[epoch]!;
    },
  };
  const xs = tf.ones([4, 1]);
  const ys = tf.fill([4, 1], -1000);
  const fit = async (callbacks: tfl.CustomCallbackArgs[], epochs: number, initialEpoch = 0) =>
    (
      await model.fit(xs, ys, {
        epochs,
        initialEpoch,
        batchSize: 4,
        verbose: 0,
        callbacks: [script, ...callbacks],
      })
    ).history;
  const dispose = () => {
    tf.dispose([xs, ys]);
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, optimizer, fit, dispose };
}

/** The lr of each epoch under lrkit's plateau policy fed `scores`, starting from `lr`. */
function expectedLrs(scores: number[], lr: number, options: PlateauOptions): number[] {
  const policy = plateau(options);
  let state = policy.init();
  return scores.map((score) => {
    const used = lr * policy.factor(state);
    state = policy.update(state, score, used);
    return used;
  });
}

const SCORES = [1, 0.9, 0.95, 0.93, 0.92, 0.6, 0.7, 0.7, 0.65, 0.64, 0.8, 0.8];

describe("reduceLROnPlateau", () => {
  it("cuts exactly when lrkit's plateau policy says so (patience, threshold, cooldown)", async () => {
    const options = { patience: 1, factor: 0.5, threshold: 0.01, cooldown: 1 };
    const run = scripted(SCORES);
    const history = await run.fit(
      [reduceLROnPlateau(run.model, { monitor: "score", ...options })],
      SCORES.length,
    );
    const expected = expectedLrs(SCORES, 0.8, options);
    expect(new Set(expected).size).toBeGreaterThan(2); // the script does cause cuts
    (history.lr as number[]).forEach((lr, i) => expect(lr).toBeCloseTo(expected[i]!, 12));
    run.dispose();
  });

  it("watches for increases in max mode and never goes below minLr", async () => {
    const options = { mode: "max" as const, patience: 0, factor: 0.1, minLr: 0.01 };
    const run = scripted(SCORES);
    const history = await run.fit(
      [reduceLROnPlateau(run.model, { monitor: "score", ...options })],
      SCORES.length,
    );
    expect(history.lr).toEqual(expectedLrs(SCORES, 0.8, options).map((v) => expect.closeTo(v, 12)));
    expect(Math.min(...(history.lr as number[]))).toBeCloseTo(0.01, 12);
    run.dispose();
  });

  it("resumes from its JSON state as if never interrupted", async () => {
    const options = { monitor: "score", patience: 1, factor: 0.5 };
    const whole = scripted(SCORES);
    const all = await whole.fit([reduceLROnPlateau(whole.model, options)], SCORES.length);
    const first = scripted(SCORES);
    const callback = reduceLROnPlateau(first.model, options);
    const head = await first.fit([callback], 5);
    const saved = JSON.stringify(callback.state);
    const second = scripted(SCORES, first.optimizer.getConfig().learningRate as number);
    const tail = await second.fit(
      [reduceLROnPlateau(second.model, { ...options, state: JSON.parse(saved) })],
      SCORES.length,
      5,
    );
    expect([...(head.lr as number[]), ...(tail.lr as number[])]).toEqual(all.lr);
    [whole, first, second].forEach((r) => r.dispose());
  });

  it("names itself, the option and the value in errors, and a missing log key when it meets it", async () => {
    const optimizer = tf.train.sgd(0.1);
    expect(() => reduceLROnPlateau(optimizer, { factor: 2 })).toThrow(RangeError);
    expect(() => reduceLROnPlateau(optimizer, { factor: 2 })).toThrow(
      "reduceLROnPlateau: factor must be in (0, 1), got 2",
    );
    optimizer.dispose();
    const run = scripted(SCORES);
    await expect(run.fit([reduceLROnPlateau(run.model)], 1)).rejects.toThrow(
      'reduceLROnPlateau: monitor "val_loss" is not in the epoch logs (have loss, score)',
    );
    run.dispose();
  });
});

describe("scheduleCallback with a Scheduler's plateau policy", () => {
  it("multiplies the schedule by the cuts, fed with the monitored key", async () => {
    const s = cosine({ lr: 0.8, steps: 12, minLr: 0.1 });
    const options = { patience: 1, factor: 0.5 };
    const run = scripted(SCORES);
    const history = await run.fit(
      [scheduleCallback(run.model, new Scheduler(s, { plateau: options }), { monitor: "score" })],
      SCORES.length,
    );
    const twin = new Scheduler(s, { plateau: options });
    const expected = SCORES.map((score) => {
      const lr = twin.lr;
      twin.observe(score).step();
      return lr;
    });
    expect(history.lr).toEqual(expected);
    expect(expected.some((lr, t) => lr < s(t))).toBe(true);
    run.dispose();
  });
});

describe("on real data", () => {
  it("cuts the lr of an MLP on Fashion-MNIST when val_loss stalls, as the policy computes from the history", async () => {
    const { train, test } = await loadFashionMnist();
    const tensors = (ds: typeof train, n: number) => {
      const b = makeBatch(
        subset(ds, 0, n),
        Uint32Array.from({ length: n }, (_, i) => i),
      );
      return [tf.tensor4d(b.x, b.shape), tf.tensor2d(b.y, [n, 10])] as const;
    };
    const [xs, ys] = tensors(train, 512);
    const [vx, vy] = tensors(test, 200);
    const model = mlp({ hidden: [32], seed: 2 });
    const optimizer = tf.train.sgd(0.5);
    // The model outputs logits; a softmax cross-entropy as the loss keeps it honest.
    model.compile({
      optimizer,
      loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
    });
    const options = { patience: 0, factor: 0.5, threshold: 0.2 };
    const history = await model.fit(xs, ys, {
      epochs: 6,
      batchSize: 64,
      shuffle: false,
      verbose: 0,
      validationData: [vx, vy],
      callbacks: [reduceLROnPlateau(model, { monitor: "val_loss", ...options })],
    });
    const expected = expectedLrs(history.history.val_loss as number[], 0.5, options);
    expect((history.history.lr as number[]).map((v) => +v.toPrecision(12))).toEqual(
      expected.map((v) => +v.toPrecision(12)),
    );
    expect(expected.at(-1)!).toBeLessThan(0.5);
    tf.dispose([xs, ys, vx, vy]);
    optimizer.dispose();
    model.dispose();
  });
});
