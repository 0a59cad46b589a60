import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../test/backends.js";
import { createOptimizer } from "./createOptimizer.js";
import {
  getLearningRate,
  getMomentum,
  hasMomentum,
  setHyperparameters,
  setLearningRate,
  setMomentum,
} from "./hyperparameters.js";
import { OPTIMIZER_NAMES, optimizerName, type OptimizerName } from "./optimizerName.js";

beforeAll(() => useBackend("cpu"));

/**
 * A two-weight "model" with a known gradient: the loss is w · g_t, so the gradient at step t is
 * g_t whatever the weights. The weights are reset to 0 before each step, so after it they hold
 * the update itself, unrounded by a large weight.
 */
function probe(optimizer: tf.Optimizer) {
  const w = tf.variable(tf.zeros([2]));
  return {
    step(g: [number, number]): [number, number] {
      w.assign(tf.zeros([2]));
      const grad = tf.tensor1d(g);
      optimizer.minimize(() => tf.sum(tf.mul(w, grad)), false, [w]);
      grad.dispose();
      const out = w.dataSync();
      return [out[0]!, out[1]!];
    },
    dispose() {
      w.dispose();
      optimizer.dispose();
    },
  };
}

const LRS = [0.1, 0.03, 0.5, 0.001, 0.2, 0.07];
const GRADS: [number, number][] = [
  [1, -2],
  [0.5, 3],
  [-1, 1],
  [2, 0.25],
  [1, -1],
  [0.75, 2],
];

describe("setLearningRate", () => {
  // Each optimizer's update is lr × (something that does not depend on lr), except RMSProp's
  // momentum, which accumulates lr-scaled steps: it runs with momentum 0 here.
  for (const name of OPTIMIZER_NAMES) {
    it(`sets the lr that ${name}'s next update uses (read back from the update)`, () => {
      const options = name === "rmsprop" ? { momentum: 0 } : {};
      const unit = probe(createOptimizer(name, { lr: 1, ...options }));
      const optimizer = createOptimizer(name, { lr: 0.5, ...options });
      const run = probe(optimizer);
      LRS.forEach((lr, t) => {
        setLearningRate(optimizer, lr);
        expect(getLearningRate(optimizer)).toBe(lr);
        const update = run.step(GRADS[t]!);
        const perUnitLr = unit.step(GRADS[t]!);
        for (let i = 0; i < 2; i++) expect(update[i]! / perUnitLr[i]!).toBeCloseTo(Math.fround(lr), 6);
      });
      [unit, run].forEach((p) => p.dispose());
    });
  }

  it("rejects a negative or non-finite lr, naming the function and the value", () => {
    const optimizer = tf.train.sgd(0.1);
    expect(() => setLearningRate(optimizer, -1)).toThrow(
      new RangeError("setLearningRate: lr must be a non-negative finite number, got -1"),
    );
    expect(() => setLearningRate(optimizer, NaN)).toThrow(/got NaN/);
    optimizer.dispose();
  });

  it("rejects objects that are not TensorFlow.js optimizers", () => {
    expect(() => setLearningRate({} as tf.Optimizer, 0.1)).toThrow(
      /^setLearningRate: optimizer must be a TensorFlow.js SGD, Momentum, Adam, Adamax, RMSProp, Adagrad or Adadelta optimizer, got object$/,
    );
  });

  it("leaks nothing when it replaces SGD's cached scalar", () => {
    const optimizer = tf.train.sgd(0.1);
    const before = tf.memory().numTensors;
    for (const lr of LRS) setLearningRate(optimizer, lr);
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
  });
});

describe("setMomentum", () => {
  const MOMENTA = [0.95, 0.9, 0.85, 0.8, 0.9, 0.5];
  const LR = 0.1;

  it("changes the momentum Momentum's update uses (which tfjs's own setMomentum does not)", () => {
    const optimizer = createOptimizer("momentum", { lr: LR, momentum: 0.3 });
    const run = probe(optimizer);
    const acc = [0, 0];
    MOMENTA.forEach((m, t) => {
      setMomentum(optimizer, m);
      expect(getMomentum(optimizer)).toBe(m);
      const update = run.step(GRADS[t]!);
      for (let i = 0; i < 2; i++) {
        acc[i] = m * acc[i]! + GRADS[t]![i]!;
        expect(update[i]! / (-LR * acc[i]!)).toBeCloseTo(1, 5);
      }
    });
    run.dispose();
  });

  it("is needed: TensorFlow.js 4.22's MomentumOptimizer.setMomentum leaves the update unchanged", () => {
    const fixed = probe(tf.train.momentum(LR, 0.3));
    const optimizer = tf.train.momentum(LR, 0.3);
    const patched = probe(optimizer);
    optimizer.setMomentum(0.9);
    fixed.step([1, 1]);
    patched.step([1, 1]);
    expect(patched.step([1, 1])).toEqual(fixed.step([1, 1]));
    fixed.dispose();
    patched.dispose();
  });

  it("changes RMSProp's momentum", () => {
    const optimizer = createOptimizer("rmsprop", { lr: LR, momentum: 0.3, decay: 0.9 });
    const eps = 1e-7;
    const run = probe(optimizer);
    const ms = [0, 0];
    const mom = [0, 0];
    MOMENTA.forEach((m, t) => {
      setMomentum(optimizer, m);
      const update = run.step(GRADS[t]!);
      for (let i = 0; i < 2; i++) {
        const g = GRADS[t]![i]!;
        ms[i] = 0.9 * ms[i]! + 0.1 * g * g;
        mom[i] = m * mom[i]! + (LR * g) / Math.sqrt(ms[i]! + eps);
        expect(update[i]! / -mom[i]!).toBeCloseTo(1, 5);
      }
    });
    run.dispose();
  });

  for (const name of ["adam", "adamax"] as const) {
    it(`changes ${name}'s beta1, with the bias correction 1 − Π beta1 over the updates applied`, () => {
      const optimizer = createOptimizer(name, { lr: LR, beta1: 0.6 });
      const run = probe(optimizer);
      const eps = 1e-7;
      const m = [0, 0];
      const v = [0, 0];
      let product = 1;
      let beta2Power = 1;
      MOMENTA.forEach((b1, t) => {
        setMomentum(optimizer, b1);
        const update = run.step(GRADS[t]!);
        product *= b1;
        beta2Power *= 0.999;
        for (let i = 0; i < 2; i++) {
          const g = GRADS[t]![i]!;
          m[i] = b1 * m[i]! + (1 - b1) * g;
          const expected =
            name === "adam"
              ? (() => {
                  v[i] = 0.999 * v[i]! + 0.001 * g * g;
                  return (-LR * (m[i]! / (1 - product))) / (Math.sqrt(v[i]! / (1 - beta2Power)) + eps);
                })()
              : (() => {
                  v[i] = Math.max(0.999 * v[i]!, Math.abs(g));
                  return ((-LR / (1 - product)) * m[i]!) / (v[i]! + eps);
                })();
          // float32 moments: within 5e-5 (a correction from the wrong product is off by percents).
          expect(update[i]! / expected).toBeCloseTo(1, 4);
        }
      });
      run.dispose();
    });
  }

  it("rejects optimizers without momentum and values outside [0, 1)", () => {
    const sgd = tf.train.sgd(0.1);
    expect(hasMomentum(sgd)).toBe(false);
    expect(() => setMomentum(sgd, 0.9)).toThrow(
      new TypeError(
        "setMomentum: a sgd optimizer has no momentum (momentum, adam, adamax and rmsprop have one), got sgd",
      ),
    );
    const adam = tf.train.adam();
    expect(hasMomentum(adam)).toBe(true);
    expect(() => setMomentum(adam, 1)).toThrow(
      new RangeError("setMomentum: momentum must be a number in [0, 1), got 1"),
    );
    expect(() => setMomentum(adam, 0)).toThrow(/must be in \(0, 1\) for adam and adamax, got 0/);
    [sgd, adam].forEach((o) => o.dispose());
  });

  it("leaks nothing when it replaces Momentum's cached scalar or rescales Adam's accumulator", () => {
    const momentum = tf.train.momentum(0.1, 0.9);
    const adam = tf.train.adam(0.1, 0.9);
    const before = tf.memory().numTensors;
    for (const m of MOMENTA) {
      setMomentum(momentum, m);
      setMomentum(adam, m);
    }
    expect(tf.memory().numTensors).toBe(before);
    [momentum, adam].forEach((o) => o.dispose());
  });
});

describe("setHyperparameters", () => {
  it("sets lr and momentum (beta1 by either name)", () => {
    const adam = tf.train.adam(0.1, 0.9);
    setHyperparameters(adam, { lr: 0.01, momentum: 0.8 });
    expect([getLearningRate(adam), getMomentum(adam)]).toEqual([0.01, 0.8]);
    setHyperparameters(adam, { beta1: 0.85 });
    expect(getMomentum(adam)).toBe(0.85);
    adam.dispose();
  });

  it("rejects unknown names and beta1 on optimizers other than Adam and Adamax", () => {
    const momentum = tf.train.momentum(0.1, 0.9);
    expect(() => setHyperparameters(momentum, { weightDecay: 1 } as never)).toThrow(
      new TypeError('setHyperparameters: unknown hyperparameter "weightDecay" (known: lr, momentum, beta1)'),
    );
    expect(() => setHyperparameters(momentum, { beta1: 0.9 })).toThrow(
      new TypeError("setHyperparameters: beta1 needs an adam or adamax optimizer, got momentum"),
    );
    momentum.dispose();
  });
});

describe("optimizerName and createOptimizer", () => {
  it("round-trips every name", () => {
    for (const name of OPTIMIZER_NAMES) {
      const optimizer = createOptimizer(name);
      expect(optimizerName(optimizer)).toBe<OptimizerName>(name);
      optimizer.dispose();
    }
  });

  it("rejects unknown names, foreign options and values out of range", () => {
    expect(() => createOptimizer("nadam" as OptimizerName)).toThrow(
      new TypeError(
        'createOptimizer: name must be one of sgd, momentum, adam, adamax, rmsprop, adagrad, adadelta, got "nadam"',
      ),
    );
    expect(() => createOptimizer("sgd", { momentum: 0.9 })).toThrow(
      new TypeError('createOptimizer: sgd has no option "momentum" (options: lr)'),
    );
    expect(() => createOptimizer("adam", { beta2: 1 })).toThrow(
      new RangeError("createOptimizer: beta2 must be a number in [0, 1), got 1"),
    );
  });
});
