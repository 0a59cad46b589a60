/**
 * LeNet's training speed with a chosen set of lrkit's wasm kernels: what each kernel brings.
 * Not part of `npm run bench`'s table.
 *
 *   npx tsc -b && tsx bench/lenetKernels.ts --kernels lrkit
 *
 * --backend wasm | cpu
 * --kernels lrkit     every lrkit kernel (what setupBackend registers)
 *           stock     the backend's own kernels; on wasm, which lacks Conv2DBackpropFilter, plus
 *                     a plain JavaScript loop for it (the "before" of the first optimisations)
 *           filter,input,pool,matmul,share   any subset of lrkit's wasm kernels (share: Identity
 *                     and Cast without copies); without filter, the plain loop above
 * --batches N (default 20), --warmup N (default 3), --root DIR (another checkout, built)
 *
 * Prints one JSON line: the median and best time per batch of 256 (SGD, Fashion-MNIST) and the
 * load. The loop is the plain `optimizer.minimize` one, without the trainer.
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from "@tensorflow/tfjs-core";
import { load, loadPackages, median, REPO } from "./lib.js";

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "wasm" },
    kernels: { type: "string", default: "lrkit" },
    batches: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    root: { type: "string" },
  },
});
const root = values.root ?? REPO;
const backend = values.backend as "wasm" | "cpu";
const kernels = values.kernels!;
const { tf, tfjs, demo } = await loadPackages(root, { tfjs: true });
const kernel = async (file: string, name: string) =>
  (await import(pathToFileURL(join(root, "packages/tfjs/dist/backend/kernels", file)).href))[name];

interface Heap {
  makeOutput(shape: number[], dtype: "float32"): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

/** The "before": Conv2DBackpropFilter as a direct loop over the wasm heap (NHWC, no dilation). */
const naiveFilterGrad: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as NamedAttrMap & {
    filterShape: [number, number, number, number];
    strides: [number, number];
    pad: "same" | "valid";
    dimRoundingMode?: "floor" | "round" | "ceil";
  };
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    a.filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { outChannels: o, strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const heap = b as unknown as Heap;
  const out = heap.makeOutput(a.filterShape, "float32");
  const [xv, dv, wv] = [
    heap.typedArrayFromHeap(x),
    heap.typedArrayFromHeap(dy),
    heap.typedArrayFromHeap(out),
  ];
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
                sum += xv[((bb * h + r) * w + q) * c + k]! * dv[((bb * oh + y) * ow + z) * o + m]!;
              }
            }
          wv[((i * fw + j) * c + k) * o + m] = sum;
        }
  return out;
};

function register(config: KernelConfig): void {
  const current = tf.getKernel(config.kernelName, config.backendName);
  if (current) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel({ ...config, setupFunc: current?.setupFunc });
}

if (kernels === "lrkit") tfjs.registerLrkitKernels(backend);
else if (backend === "wasm") {
  const parts = kernels === "stock" ? [] : kernels.split(",");
  register(
    parts.includes("filter")
      ? await kernel("conv2dBackpropFilterWasm.js", "conv2dBackpropFilterWasmConfig")
      : { kernelName: "Conv2DBackpropFilter", backendName: "wasm", kernelFunc: naiveFilterGrad },
  );
  if (parts.includes("input"))
    register(await kernel("conv2dBackpropInputWasm.js", "conv2dBackpropInputWasmConfig"));
  if (parts.includes("pool")) register(await kernel("maxPoolGrad.js", "maxPoolGradWasmConfig"));
  if (parts.includes("matmul"))
    register(
      (await kernel("batchMatMulWasm.js", "batchMatMulWasmConfig"))(tf.getKernel("BatchMatMul", "wasm")),
    );
  if (parts.includes("share")) {
    const share = await import(
      pathToFileURL(join(root, "packages/tfjs/dist/backend/kernels/shareWasm.js")).href
    );
    register(share.identityWasmConfig(tf.getKernel("Identity", "wasm")));
    register(share.castWasmConfig(tf.getKernel("Cast", "wasm")));
  }
}
await tf.setBackend(backend);
await tf.ready();

const { train } = await demo.loadFashionMnist();
const model = demo.lenet({ seed: 0 });
const optimizer = tf.train.sgd(0.1);
const times: number[] = [];
const count = Number(values.batches) + Number(values.warmup);
let i = 0;
let loss = NaN;
for (const batch of tfjs.batches(train, { batchSize: 256, seed: 0 })) {
  if (i === count) break;
  const start = performance.now();
  const xs = tf.tensor4d(batch.x, batch.shape);
  const ys = tf.tensor2d(batch.y, [batch.size, 10]);
  const l = optimizer.minimize(
    () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as typeof ys),
    true,
  )!;
  loss = l.dataSync()[0]!;
  tf.dispose([xs, ys, l]);
  if (i >= Number(values.warmup)) times.push(performance.now() - start);
  i++;
}
const ms = median(times);
console.log(
  JSON.stringify({
    backend,
    kernels,
    root: values.root ?? null,
    batches: times.length,
    msPerBatchMedian: +ms.toFixed(1),
    msPerBatchMin: +Math.min(...times).toFixed(1),
    examplesPerSecond: Math.round((256 / ms) * 1000),
    lastLoss: +loss.toFixed(4),
    load: load(),
  }),
);
