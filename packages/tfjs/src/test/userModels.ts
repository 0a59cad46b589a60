/**
 * Test helpers: small models and data of the kinds users bring (a regression, a binary classifier,
 * softmax and logits classifiers, a two-output model), seeded, and the state a range test must
 * give back.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { randomPlain } from "./backends.js";

const init = (seed: number) => tfl.initializers.glorotUniform({ seed });

/** A dense layer with seeded weights. */
export function dense(
  units: number,
  seed: number,
  args: Partial<Parameters<typeof tfl.layers.dense>[0]> = {},
) {
  return tfl.layers.dense({ units, kernelInitializer: init(seed), biasInitializer: "zeros", ...args });
}

/** `n` rows of `features` values in [-1, 1), seeded. */
export function features(n: number, width: number, seed: number): Float32Array {
  return randomPlain([n, width], seed).values;
}

/** Regression data: y = x · w + 0.5 + noise, 4 features. */
export function regressionData(n: number, seed = 1): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const x = features(n, 4, seed);
  const noise = randomPlain([n], seed + 100).values;
  const w = [1.5, -2, 0.5, 3];
  const y = Float32Array.from({ length: n }, (_, i) => {
    let v = 0.5 + 0.1 * noise[i]!;
    for (let k = 0; k < 4; k++) v += w[k]! * x[i * 4 + k]!;
    return v;
  });
  return { xs: tf.tensor2d(x, [n, 4]), ys: tf.tensor2d(y, [n, 1]) };
}

/** A regression MLP (4 → 16 → 1), compiled with mean squared error. */
export function regressionModel(seed = 1, optimizer: tf.Optimizer = tf.train.sgd(0.01)): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      dense(16, seed, { inputShape: [4], activation: "relu", name: "hidden" }),
      dense(1, seed + 1, { name: "value" }),
    ],
  });
  model.compile({ optimizer, loss: "meanSquaredError" });
  return model;
}

/**
 * Classification data: `classes` Gaussian-ish blobs in 6 dimensions (centre per class, seeded
 * noise), labels one-hot (or as indices).
 */
export function blobs(
  n: number,
  classes: number,
  seed = 2,
): { xs: tf.Tensor2D; oneHot: tf.Tensor2D; labels: tf.Tensor2D; binary: tf.Tensor2D } {
  const noise = features(n, 6, seed);
  const centres = features(classes, 6, seed + 50);
  const label = Int32Array.from({ length: n }, (_, i) => i % classes);
  const x = Float32Array.from(
    { length: n * 6 },
    (_, j) => 1.5 * centres[label[Math.floor(j / 6)]! * 6 + (j % 6)]! + noise[j]!,
  );
  return {
    xs: tf.tensor2d(x, [n, 6]),
    oneHot: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(label, "int32"), classes), "float32")) as tf.Tensor2D,
    labels: tf.tensor2d(Float32Array.from(label), [n, 1]),
    binary: tf.tensor2d(
      Float32Array.from(label, (l) => (l === 0 ? 0 : 1)),
      [n, 1],
    ),
  };
}

/** A binary classifier (6 → 8 → 1, sigmoid), compiled with binary cross-entropy and accuracy. */
export function binaryModel(seed = 3, optimizer: tf.Optimizer = tf.train.adam(0.001)): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      dense(8, seed, { inputShape: [6], activation: "relu" }),
      dense(1, seed + 1, { activation: "sigmoid" }),
    ],
  });
  model.compile({ optimizer, loss: "binaryCrossentropy", metrics: ["accuracy"] });
  return model;
}

/** A classifier of `inputs` values into `classes` (→ 32 → classes), ending in a softmax or in logits; not compiled. */
export function classifier(
  inputs: number[],
  classes: number,
  output: "softmax" | "logits",
  seed = 4,
): tfl.LayersModel {
  return tfl.sequential({
    layers: [
      inputs.length > 1
        ? tfl.layers.flatten({ inputShape: inputs })
        : tfl.layers.inputLayer({ inputShape: inputs }),
      dense(32, seed, { activation: "relu" }),
      dense(classes, seed + 1, output === "softmax" ? { activation: "softmax" } : {}),
    ],
  });
}

/** A two-output model: 6 inputs → 16 → a 3-class softmax ("kind") and a value ("size"). */
export function twoOutputModel(seed = 5): tfl.LayersModel {
  const input = tfl.input({ shape: [6], name: "features" });
  const hidden = dense(16, seed, { activation: "relu" }).apply(input) as tfl.SymbolicTensor;
  const kind = dense(3, seed + 1, { activation: "softmax", name: "kind" }).apply(
    hidden,
  ) as tfl.SymbolicTensor;
  const size = dense(1, seed + 2, { name: "size" }).apply(hidden) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: [kind, size] });
}

/**
 * Every weight of the model and every variable of the optimizer (in order; their names depend on
 * how many layers of the same name were made before), as plain numbers for bit-exact comparisons.
 */
export async function trainingState(model: tfl.LayersModel, optimizer: tf.Optimizer) {
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  const named = await optimizer.getWeights();
  const slots = named.map(({ tensor }) => Array.from(tensor.dataSync()));
  // getWeights() makes a new scalar for the iteration count; the slots are the optimizer's own variables.
  named.forEach(({ tensor }) => tensor instanceof tf.Variable || tensor.dispose());
  return { weights, slots, iterations: optimizer.iterations };
}
