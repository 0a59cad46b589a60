// A user's app: their own small model and data, trained in the browser under a warmup + cosine
// schedule that fit sizes to its run, after an LR range test that leaves the model as it was.
// `?backend=webgl` or `?backend=wasm` picks the backend (default: the best available).
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-webgl";
import * as tfl from "@tensorflow/tfjs-layers";
import wasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { cosine, warmup } from "lrkit";
import { findLearningRate, scheduleCallback, setupBackend, type BackendName } from "@lrkit/tfjs";

const log = (line: string) => (document.getElementById("log")!.textContent += `${line}\n`);

const asked = new URLSearchParams(location.search).get("backend") as BackendName | null;
const report = await setupBackend({
  ...(asked ? { prefer: [asked] } : {}),
  wasmPaths: {
    "tfjs-backend-wasm.wasm": wasm,
    "tfjs-backend-wasm-simd.wasm": wasmSimd,
    "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimd,
  },
});
log(`backend: ${report.reason}`);

// lrkit's kernels: a convolution's filter gradient, which the stock wasm backend cannot compute.
const image = tf.ones([1, 4, 4, 1]);
const filterGradient = tf.grad((f) => tf.sum(tf.conv2d(image as tf.Tensor4D, f as tf.Tensor4D, 1, "same")))(
  tf.ones([3, 3, 1, 1]),
);
const convolutionGradient = Array.from(await filterGradient.data());

// The user's data: points in the plane, labelled by the quadrant they fall in (4 classes).
const n = 512;
const xs = tf.randomUniform([n, 2], -1, 1, "float32", 7);
const positive = tf.cast(tf.greater(xs, 0), "float32"); // [n, 2] of 0 and 1
const quadrant = tf.cast(tf.sum(tf.mul(positive, tf.tensor1d([1, 2])), 1), "int32"); // 0 … 3
const ys = tf.cast(tf.oneHot(quadrant, 4), "float32");

// The user's model.
const model = tfl.sequential({
  layers: [
    tfl.layers.dense({ inputShape: [2], units: 16, activation: "relu" }),
    tfl.layers.dense({ units: 4, activation: "softmax" }),
  ],
});
model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy", metrics: ["accuracy"] });

// The LR range test: the model's compiled loss; its weights and optimizer come back as they were.
const weights = () => model.getWeights().map((w) => Array.from(w.dataSync()));
const before = JSON.stringify(weights());
const found = await findLearningRate(
  model,
  { xs, ys },
  { start: 1e-4, end: 10, iterations: 60, batchSize: 32 },
);
const restored = JSON.stringify(weights()) === before;
log(
  `range test: ${found.lrs.length} steps, stopped by ${found.stoppedBy}, recommended ${found.recommendedLr}`,
);

// Training under warmup + cosine, written for 100 steps and stretched by fit to its own run.
// fit takes callbacks as plain objects (tfjs wraps each; a CustomCallback instance among them would
// be wrapped again and call itself), so the lr recorder is one too.
const lrs: number[] = [];
const recordLr: tfl.CustomCallbackArgs = {
  onBatchBegin: async (_batch, logs) => void lrs.push(logs!.lr as number),
};
const history = await model.fit(xs, ys, {
  epochs: 4,
  batchSize: 32,
  validationSplit: 0.25,
  callbacks: [
    scheduleCallback(model, warmup(cosine({ lr: 0.02, steps: 95 }), { steps: 5 }), {
      unit: "batch",
      horizon: "fit",
    }),
    recordLr,
  ],
});
const accuracy = history.history.val_acc!.at(-1) as number;
log(`trained: ${lrs.length} updates, validation accuracy ${accuracy.toFixed(3)}`);

Object.assign(window, {
  lrkitResult: {
    backend: report.backend,
    reason: report.reason,
    kernels: report.kernels,
    convolutionGradient,
    restored,
    stoppedBy: found.stoppedBy,
    recommendedLr: found.recommendedLr,
    lrs,
    accuracy,
  },
});
document.getElementById("status")!.textContent = "done";
