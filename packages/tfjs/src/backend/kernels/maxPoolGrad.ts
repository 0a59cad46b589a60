/**
 * `MaxPoolGrad` as one pass in JavaScript, for the wasm and cpu backends, whose stock kernels
 * are slower: for LeNet's two poolings of a batch of 256 on the project's 2-core machine, wasm's
 * takes about 70 ms and cpu's (which visits every input position and every window that may hold
 * it) about 1.1 s; this one about 8 ms (2×2 windows at stride 2 have an unrolled path that writes
 * each position once).
 *
 * @module
 */
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import type { CpuBackend, TypedArray, WasmBackend } from "./kernelUtil.js";

/** The attributes of `MaxPoolGrad`. */
interface Attrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: "valid" | "same" | number | backend_util.ExplicitPadding;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/**
 * Routes each output gradient to the position of its window's maximum, as TensorFlow.js's cpu
 * kernel does (the first maximum in row-major window order; windows of NaN or -Infinity only pass
 * nothing): dX[p] = Σ_{windows w whose argmax is p} dY[w]. NHWC.
 */
function maxPoolGradValues(
  info: backend_util.Conv2DInfo,
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  dx: TypedArray,
): void {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  if (fh === 2 && fw === 2 && sh === 2 && sw === 2 && top === 0 && left === 0) {
    halves(info, x, dy, dx);
    return;
  }
  dx.fill(0);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const y0 = y * sh - top;
      for (let z = 0; z < ow; z++) {
        const z0 = z * sw - left;
        const g = ((b * oh + y) * ow + z) * c;
        for (let k = 0; k < c; k++) {
          let best = -Infinity;
          let at = -1;
          for (let i = 0; i < fh; i += dh) {
            const row = y0 + i;
            if (row < 0 || row >= h) continue;
            for (let j = 0; j < fw; j += dw) {
              const col = z0 + j;
              if (col < 0 || col >= w) continue;
              const p = ((b * h + row) * w + col) * c + k;
              const v = x[p]!;
              if (v > best) {
                best = v;
                at = p;
              }
            }
          }
          if (at >= 0) dx[at] = dx[at]! + dy[g + k]!;
        }
      }
    }
  }
}

/**
 * The same for 2×2 windows at stride 2 without padding (LeNet's, and most networks'), unrolled.
 * The windows do not overlap, so each position of dX is written once (its window's gradient or
 * 0) without clearing dX first; only the positions outside every window (an odd last row or
 * column) are cleared.
 */
function halves(
  info: backend_util.Conv2DInfo,
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  dx: TypedArray,
): void {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  if (h !== 2 * oh || w !== 2 * ow) dx.fill(0);
  const row = w * c;
  let g = 0;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let z = 0; z < ow; z++) {
        const base = ((b * h + 2 * y) * w + 2 * z) * c;
        for (let k = 0; k < c; k++, g++) {
          const p0 = base + k;
          const p1 = p0 + c;
          const p2 = p0 + row;
          const p3 = p2 + c;
          const v0 = x[p0]!;
          const v1 = x[p1]!;
          const v2 = x[p2]!;
          const v3 = x[p3]!;
          // Strictly greater, from -Infinity: the first maximum; NaN never wins.
          let best = -Infinity;
          let at = -1;
          if (v0 > best) {
            best = v0;
            at = 0;
          }
          if (v1 > best) {
            best = v1;
            at = 1;
          }
          if (v2 > best) {
            best = v2;
            at = 2;
          }
          if (v3 > best) at = 3;
          // `+ 0` as in `0 + dy`: a gradient of -0 lands as 0, as the accumulating loop gives.
          const d = dy[g]! + 0;
          dx[p0] = at === 0 ? d : 0;
          dx[p1] = at === 1 ? d : 0;
          dx[p2] = at === 2 ? d : 0;
          dx[p3] = at === 3 ? d : 0;
        }
      }
    }
  }
}

function poolInfo(input: TensorInfo, attrs: Attrs): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

const maxPoolGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const out = wasm.makeOutput(input.shape, "float32");
  // Heap views only after the allocation: growing the heap detaches older views.
  maxPoolGradValues(
    poolInfo(input, attrs as unknown as Attrs),
    wasm.typedArrayFromHeap(input),
    wasm.typedArrayFromHeap(dy),
    wasm.typedArrayFromHeap(out),
  );
  return out;
};

const maxPoolGradCpu: KernelFunc = ({ inputs, backend, attrs }) => {
  const cpu = backend as CpuBackend;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const dx = new Float32Array(input.shape.reduce((a, b) => a * b, 1));
  maxPoolGradValues(
    poolInfo(input, attrs as unknown as Attrs),
    cpu.data.get(input.dataId).values as TypedArray,
    cpu.data.get(dy.dataId).values as TypedArray,
    dx,
  );
  return cpu.makeTensorInfo(input.shape, "float32", dx);
};

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "wasm",
  kernelFunc: maxPoolGradWasm,
};

/** The kernel config registered by {@link registerLrkitKernels} for the cpu backend. */
export const maxPoolGradCpuConfig: KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "cpu",
  kernelFunc: maxPoolGradCpu,
};
