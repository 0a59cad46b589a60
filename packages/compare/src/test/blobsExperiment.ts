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

/** Deterministic values in [-1, 1). */
function noise(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = (2 * s) / 4294967296 - 1;
  }
  return out;
}

function blobs(n: number, seed: number) {
  const centres = noise(18, 99);
  const x = noise(n * 6, seed).map((v, j) => v + 1.5 * centres[(Math.floor(j / 6) % 3) * 6 + (j % 6)]!);
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  return {
    xs: tf.tensor2d(x, [n, 6]),
    ys: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, "int32"), 3), "float32")),
  };
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
