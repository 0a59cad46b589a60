/**
 * A test experiment module (what a user writes for `compareSchedules({ module })`): a small
 * softmax classifier of 6 features into 3 classes, compiled with categorical cross-entropy and
 * accuracy, on seeded Gaussian-ish blobs. `options.unseeded` builds its weights with unseeded
 * initialisers (different on every call), `options.throwIn` makes one function throw.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

interface Options {
  readonly n?: number;
  readonly unseeded?: boolean;
  readonly throwIn?: "model" | "data";
}

const o = (value: unknown) => (value ?? {}) as Options;

/** `n` examples: example i of class i mod 3, around its class's centre, seeded. */
function blobs(n: number, seed: number) {
  return tf.tidy(() => {
    const labels = tf.tensor1d(
      Int32Array.from({ length: n }, (_, i) => i % 3),
      "int32",
    );
    const centres = tf.randomUniform([3, 6], -1.5, 1.5, "float32", 99);
    const xs = tf.add(tf.gather(centres, labels), tf.randomUniform([n, 6], -1, 1, "float32", seed));
    return { xs: xs as tf.Tensor2D, ys: tf.cast(tf.oneHot(labels, 3), "float32") as tf.Tensor2D };
  });
}

/** A new classifier, compiled with Adam. */
export function model(value?: unknown) {
  if (o(value).throwIn === "model") throw new Error("no GPU here");
  const init = (seed: number) =>
    o(value).unseeded ? "glorotUniform" : tfl.initializers.glorotUniform({ seed });
  const m = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [6], units: 12, activation: "relu", kernelInitializer: init(1) }),
      tfl.layers.dense({ units: 3, activation: "softmax", kernelInitializer: init(2) }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return m;
}

/** Training blobs. */
export function data(value?: unknown) {
  if (o(value).throwIn === "data") throw new Error("the file is gone");
  return blobs(o(value).n ?? 240, 7);
}

/** Validation blobs. */
export function validation() {
  return blobs(60, 8);
}

/** In words. */
export function describe() {
  return { model: "a 6-12-3 softmax classifier", data: "three blobs" };
}
