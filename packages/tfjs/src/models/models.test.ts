import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../test/backends.js";
import { lenet } from "./lenet.js";
import { mlp } from "./mlp.js";

beforeAll(() => useBackend("cpu"));

const values = (m: { getWeights(): tf.Tensor[] }) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe("lenet", () => {
  it("is d2l's LeNet: 61,706 weights, 10 logits for a 28×28×1 image", () => {
    const model = lenet();
    expect(model.countParams()).toBe(61706);
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      "Conv2D",
      "MaxPooling2D",
      "Conv2D",
      "MaxPooling2D",
      "Flatten",
      "Dense",
      "Dense",
      "Dense",
    ]);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 28, 28, 6],
      [null, 14, 14, 6],
      [null, 10, 10, 16],
      [null, 5, 5, 16],
      [null, 400],
      [null, 120],
      [null, 84],
      [null, 10],
    ]);
    model.dispose();
  });

  it("starts from the same weights for the same seed, and from others for another seed", () => {
    const [a, b, c] = [lenet({ seed: 3 }), lenet({ seed: 3 }), lenet({ seed: 4 })];
    expect(values(a)).toEqual(values(b));
    expect(values(a)[0]).not.toEqual(values(c)[0]);
    expect(values(a)[0]).not.toEqual(values(a)[2]!.slice(0, 150)); // layers are seeded apart
    [a, b, c].forEach((m) => m.dispose());
  });

  it("rejects a seed that is not an integer", () => {
    expect(() => lenet({ seed: 0.5 })).toThrow(new RangeError("lenet: seed must be an integer, got 0.5"));
  });
});

describe("mlp", () => {
  it("stacks ReLU dense layers, seeded", () => {
    const model = mlp({ hidden: [32, 16], seed: 1 });
    expect(model.countParams()).toBe(784 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10);
    const again = mlp({ hidden: [32, 16], seed: 1 });
    expect(values(again)).toEqual(values(model));
    const vector = mlp({ inputShape: [5], hidden: [3], classes: 2 });
    expect(vector.countParams()).toBe(5 * 3 + 3 + 3 * 2 + 2);
    [model, again, vector].forEach((m) => m.dispose());
  });

  it("rejects a hidden width that is not a positive integer", () => {
    expect(() => mlp({ hidden: [8, 0] })).toThrow(
      new RangeError("mlp: hidden[1] must be a positive integer, got 0"),
    );
  });
});
