/* global console, performance */
// LeNet training speed (examples per second) on Fashion-MNIST, batch 256, SGD.
//
//   npx tsc -b && node packages/tfjs/bench/lenetSpeed.mjs --backend wasm --kernels lrkit
//
// --backend wasm | cpu
// --kernels lrkit     every lrkit kernel (what setupBackend registers)
//           stock     the backend's own kernels; on wasm, which lacks Conv2DBackpropFilter, plus
//                     a plain JavaScript loop for it (the "before" of the optimisations)
//           filter    stock + lrkit's Conv2DBackpropFilter only (wasm)
//           filter,input,pool,matmul   any subset of lrkit's wasm kernels
// --batches N (default 20), --warmup N (default 3)
// Not part of the test run.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-layers";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { batches, lenet, loadFashionMnist, registerLrkitKernels } from "../dist/index.js";
import { conv2dBackpropFilterWasmConfig } from "../dist/backend/kernels/conv2dBackpropFilterWasm.js";
import { conv2dBackpropInputWasmConfig } from "../dist/backend/kernels/conv2dBackpropInputWasm.js";
import { maxPoolGradWasmConfig } from "../dist/backend/kernels/maxPoolGrad.js";
import { batchMatMulWasmConfig } from "../dist/backend/kernels/batchMatMulWasm.js";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "wasm" },
    kernels: { type: "string", default: "lrkit" },
    batches: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
  },
});
const backend = values.backend;
const kernels = values.kernels;

/** The "before": Conv2DBackpropFilter as a direct loop over the wasm heap (NHWC, no dilation). */
function naiveFilterGrad({ inputs, backend: b, attrs }) {
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape,
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const {
    batchSize: n,
    inHeight: h,
    inWidth: w,
    inChannels: c,
    outHeight: oh,
    outWidth: ow,
    outChannels: o,
  } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const out = b.makeOutput(attrs.filterShape, "float32");
  const xv = b.typedArrayFromHeap(x),
    dv = b.typedArrayFromHeap(dy),
    wv = b.typedArrayFromHeap(out);
  wv.fill(0);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let k = 0; k < c; k++)
        for (let m = 0; m < o; m++) {
          let sum = 0;
          for (let bb = 0; bb < n; bb++)
            for (let y = 0; y < oh; y++) {
              const r = y * sh + i - info.padInfo.top;
              if (r < 0 || r >= h) continue;
              for (let z = 0; z < ow; z++) {
                const q = z * sw + j - info.padInfo.left;
                if (q < 0 || q >= w) continue;
                sum += xv[((bb * h + r) * w + q) * c + k] * dv[((bb * oh + y) * ow + z) * o + m];
              }
            }
          wv[((i * fw + j) * c + k) * o + m] = sum;
        }
  return out;
}

function register(config) {
  const current = tf.getKernel(config.kernelName, config.backendName);
  if (current) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel({ ...config, setupFunc: current?.setupFunc });
}

if (kernels === "lrkit") registerLrkitKernels(backend);
else if (backend === "wasm") {
  const parts = kernels === "stock" ? [] : kernels.split(",");
  register(
    parts.includes("filter")
      ? conv2dBackpropFilterWasmConfig
      : { kernelName: "Conv2DBackpropFilter", backendName: "wasm", kernelFunc: naiveFilterGrad },
  );
  if (parts.includes("input")) register(conv2dBackpropInputWasmConfig);
  if (parts.includes("pool")) register(maxPoolGradWasmConfig);
  if (parts.includes("matmul")) register(batchMatMulWasmConfig(tf.getKernel("BatchMatMul", "wasm")));
}
await tf.setBackend(backend);
await tf.ready();

const { train } = await loadFashionMnist();
const model = lenet({ seed: 0 });
const optimizer = tf.train.sgd(0.1);
const times = [];
const count = Number(values.batches) + Number(values.warmup);
let i = 0;
let loss = NaN;
for (const batch of batches(train, { batchSize: 256, seed: 0 })) {
  if (i === count) break;
  const start = performance.now();
  const xs = tf.tensor4d(batch.x, batch.shape);
  const ys = tf.tensor2d(batch.y, [batch.size, 10]);
  const l = optimizer.minimize(
    () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true })),
    true,
  );
  loss = l.dataSync()[0];
  tf.dispose([xs, ys, l]);
  if (i >= Number(values.warmup)) times.push(performance.now() - start);
  i++;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  JSON.stringify({
    backend,
    kernels,
    batches: times.length,
    msPerBatchMedian: +median.toFixed(1),
    msPerBatchMin: +times[0].toFixed(1),
    examplesPerSecondMedian: Math.round((256 / median) * 1000),
    examplesPerSecondMean: Math.round((256 / mean) * 1000),
    lastLoss: +loss.toFixed(4),
    loadavg: loadavg().map((v) => +v.toFixed(2)),
  }),
);
