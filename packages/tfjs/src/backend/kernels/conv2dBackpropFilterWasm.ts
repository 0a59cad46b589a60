/**
 * `Conv2DBackpropFilter` for the wasm backend, which lacks it (so convolutional training fails
 * there), run by lrkit's SIMD convolution module.
 *
 * @module
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule } from "./kernelModule.js";
import { convGradGeometry, transposeWasm, type FilterGradAttrs, type WasmBackend } from "./kernelUtil.js";
import { free, freeCopy, padInput, paddedGeometry, scratch, tapTable } from "./paddedConvolution.js";

/**
 * The gradient of a convolution with respect to its filter,
 *
 *   dW[i, j, c, o] = Σ_{n, y, x} X[n, y·sh + i·dh − top, x·sw + j·dw − left, c] · dY[n, y, x, o],
 *
 * over the input padded once into a scratch buffer: for each image, each tile of 4 taps × 8
 * output channels (or 2 × 16) accumulates over the image's output positions in registers. NCHW
 * tensors are transposed to NHWC first.
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { x: xIn, dy: dyIn } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  const { nchw, info } = convGradGeometry(xIn.shape, a.filterShape, a);
  const x = nchw ? transposeWasm(wasm, xIn, [0, 2, 3, 1]) : xIn;
  const dy = nchw ? transposeWasm(wasm, dyIn, [0, 2, 3, 1]) : dyIn;
  const module = kernelModule(wasm);
  const g = paddedGeometry(info);
  // Taps in whole tiles: 4 taps × 8 channels, or 2 taps × 16.
  const tile = g.wide === 16 ? 2 : 4;
  const kt = Math.ceil(g.k / tile) * tile;
  const dW = wasm.makeOutput([g.fh, g.fw, g.c, g.o], "float32");
  const xp = padInput(wasm, module, x, g);
  const taps = tapTable(wasm, g, kt);
  const dwWide = scratch(wasm, kt * g.oWide);
  wasm.typedArrayFromHeap(dwWide).fill(0);
  // dY as it is for every image but the last (a position's loads run into the next row, and
  // past the last row only for the last image), the last image's rows widened with zeros.
  const imageRows = g.oh * g.ow;
  const inPlace = g.oWide === g.o ? g.n : g.n - 1;
  const run = (images: number, first: number, grads: number, stride: number) =>
    module.filterGradient(
      address(wasm, xp) + first * g.hp * g.wp * g.c * 4,
      ...[address(wasm, taps), grads, stride, address(wasm, dwWide)],
      ...[images, g.hp, g.wp, g.c, g.oh, g.ow, g.sh, g.sw, kt, g.oWide, g.wide],
    );
  if (inPlace > 0) run(inPlace, 0, address(wasm, dy), g.o);
  if (inPlace < g.n) {
    const last = scratch(wasm, imageRows * g.oWide);
    const from = address(wasm, dy) + inPlace * imageRows * g.o * 4;
    module.copyRows(from, g.o, address(wasm, last), g.oWide, imageRows, g.o);
    run(1, inPlace, address(wasm, last), g.oWide);
    free(wasm, last);
  }
  module.copyRows(address(wasm, dwWide), g.oWide, address(wasm, dW), g.o, g.k, g.o);
  free(wasm, taps, dwWide, ...(nchw ? [x, dy] : []));
  freeCopy(wasm, xp, x);
  return dW;
};

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const conv2dBackpropFilterWasmConfig: KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilter,
};
