/**
 * `Conv2DBackpropFilter` for the cpu backend: the stock kernel reads every element through
 * `TensorBuffer.get` (about 80 s for one LeNet batch of 256 on this project's 2-core machine);
 * this one runs the same sum over plain typed arrays, skipping zero inputs (most of them after a
 * ReLU), about two orders of magnitude faster.
 *
 * @module
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { convGradGeometry, type CpuBackend, type FilterGradAttrs, type TypedArray } from "./kernelUtil.js";

/** NCHW values as NHWC. */
function toNhwc(values: ArrayLike<number>, [n, c, h, w]: readonly number[]): Float32Array {
  const out = new Float32Array(n! * c! * h! * w!);
  for (let b = 0; b < n!; b++)
    for (let k = 0; k < c!; k++)
      for (let i = 0; i < h! * w!; i++) out[(b * h! * w! + i) * c! + k] = values[(b * c! + k) * h! * w! + i]!;
  return out;
}

/**
 * dW[i, j, c, o] = Σ_{n, y, x} X[n, y·sh + i·dh − top, x·sw + j·dw − left, c] · dY[n, y, x, o],
 * accumulated in float64, output position by output position (so both rows are contiguous).
 * Zero inputs are skipped, so a non-finite dY meets them as 0 rather than NaN (the stock kernel
 * would give NaN there; training has diverged either way).
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const cpu = backend as CpuBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  const {
    nchw,
    info,
    strides: [sh, sw],
    dilations: [dh, dw],
  } = convGradGeometry(x.shape, a.filterShape, a);
  const xRaw = cpu.data.get(x.dataId).values as TypedArray;
  const dyRaw = cpu.data.get(dy.dataId).values as TypedArray;
  const xv = nchw ? toNhwc(xRaw, x.shape) : xRaw;
  const dyv = nchw ? toNhwc(dyRaw, dy.shape) : dyRaw;
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { filterHeight: fh, filterWidth: fw, outChannels: o } = info;
  const { top, left } = info.padInfo;
  const acc = new Float64Array(fh * fw * c * o);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let z = 0; z < ow; z++) {
        const g = ((b * oh + y) * ow + z) * o;
        for (let i = 0; i < fh; i++) {
          const row = y * sh + i * dh - top;
          if (row < 0 || row >= h) continue;
          for (let j = 0; j < fw; j++) {
            const col = z * sw + j * dw - left;
            if (col < 0 || col >= w) continue;
            const xBase = ((b * h + row) * w + col) * c;
            const wBase = (i * fw + j) * c * o;
            for (let k = 0; k < c; k++) {
              const v = xv[xBase + k]!;
              if (v === 0) continue;
              const at = wBase + k * o;
              for (let m = 0; m < o; m++) acc[at + m] = acc[at + m]! + v * dyv[g + m]!;
            }
          }
        }
      }
    }
  }
  return cpu.makeTensorInfo(a.filterShape, "float32", Float32Array.from(acc));
};

/** The kernel config registered by {@link registerLrkitKernels} for the cpu backend. */
export const conv2dBackpropFilterCpuConfig: KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "cpu",
  kernelFunc: conv2dBackpropFilter,
};
