/**
 * `Conv2DBackpropInput` for the wasm backend, run by lrkit's SIMD convolution module: the stock
 * kernel is a scalar C++ loop and ignores dilations.
 *
 * @module
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule, type KernelModule } from "./kernelModule.js";
import { convGradGeometry, transposeWasm, type ConvGradAttrs, type WasmBackend } from "./kernelUtil.js";
import { free, paddedGeometry, scratch, type PaddedGeometry } from "./paddedConvolution.js";

/** The attributes of `Conv2DBackpropInput`. */
interface Attrs extends ConvGradAttrs {
  inputShape: [number, number, number, number];
}

/**
 * The filter's taps as the module's runs: runs of taps that are contiguous in the padded input (a
 * filter row when the dilation across is 1, else one tap's channels). Returns the runs' byte
 * offsets (i32 [runs]) and the filter laid out as [runs, o, len4] (`len4` = the run's length
 * rounded up to a multiple of 4, zero past the run); the caller frees both.
 */
function filterRuns(backend: WasmBackend, filter: TensorInfo, g: PaddedGeometry) {
  const rowRuns = g.dw === 1;
  const runs = rowRuns ? g.fh : g.fh * g.fw;
  const len = rowRuns ? g.fw * g.c : g.c;
  const len4 = Math.ceil(len / 4) * 4;
  const offsets = backend.makeOutput([runs], "int32");
  const wt = scratch(backend, runs * g.o * len4);
  // Heap views only after the allocations: growing the heap detaches older views.
  const at = backend.typedArrayFromHeap(offsets);
  const w = backend.typedArrayFromHeap(filter);
  const out = backend.typedArrayFromHeap(wt);
  out.fill(0);
  for (let s = 0; s < runs; s++) {
    const [i, j] = rowRuns ? [s, 0] : [Math.floor(s / g.fw), s % g.fw];
    at[s] = (i * g.dh * g.wp + j * g.dw) * g.c * 4;
    // Tap s·len + t of the filter [fh, fw, c, o] is the run's t-th.
    for (let q = 0; q < g.o; q++)
      for (let t = 0; t < len; t++) out[(s * g.o + q) * len4 + t] = w[(s * len + t) * g.o + q]!;
  }
  return { runs, len4, offsets, wt };
}

/** dX for the NHWC output gradient `dy`, scattered into a padded buffer and cropped. */
function inputGradient(
  backend: WasmBackend,
  module: KernelModule,
  dy: TensorInfo,
  filter: TensorInfo,
  g: PaddedGeometry,
): TensorInfo {
  const dx = backend.makeOutput([g.n, g.h, g.w, g.c], "float32");
  const { runs, len4, offsets, wt } = filterRuns(backend, filter, g);
  // 4 floats of slack: a run's zero padding adds 0 past the last position.
  const dxp = scratch(backend, g.n * g.hp * g.wp * g.c + 4);
  backend.typedArrayFromHeap(dxp).fill(0);
  module.inputGradient(
    ...[address(backend, dy), address(backend, wt), address(backend, offsets), address(backend, dxp)],
    ...[g.n, g.hp, g.wp, g.c, g.oh, g.ow, g.sh, g.sw, g.o, runs, len4],
  );
  module.cropImages(
    address(backend, dxp),
    address(backend, dx),
    g.n,
    g.h,
    g.w,
    g.c,
    g.top,
    g.left,
    g.hp,
    g.wp,
  );
  free(backend, offsets, wt, dxp);
  return dx;
}

/**
 * The gradient of a convolution with respect to its input,
 *
 *   dX[n, y·sh + i·dh − top, x·sw + j·dw − left, c] += Σ_o dY[n, y, x, o] · W[i, j, c, o],
 *
 * scattered from each output position into a zero-padded buffer (so that no multiplication
 * involves the zeros a strided or padded gather would), then cropped. NCHW tensors are transposed
 * to NHWC and back.
 */
const conv2dBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { dy: dyIn, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as Attrs;
  const { nchw, info } = convGradGeometry(a.inputShape, filter.shape, a);
  const dy = nchw ? transposeWasm(wasm, dyIn, [0, 2, 3, 1]) : dyIn;
  const dx = inputGradient(wasm, kernelModule(wasm), dy, filter, paddedGeometry(info));
  if (!nchw) return dx;
  free(wasm, dy);
  const out = transposeWasm(wasm, dx, [0, 3, 1, 2]);
  free(wasm, dx);
  return out;
};

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const conv2dBackpropInputWasmConfig: KernelConfig = {
  kernelName: "Conv2DBackpropInput",
  backendName: "wasm",
  kernelFunc: conv2dBackpropInput,
};
