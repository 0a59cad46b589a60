/**
 * `Conv2DBackpropInput` for the wasm backend: the stock kernel is a scalar C++ loop (three times
 * slower than this on LeNet's second convolution) and ignores dilations; this one is a
 * convolution run by the backend's own XNNPACK `Conv2D`.
 *
 * @module
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import {
  conv2dWasm,
  convGradGeometry,
  cropWasm,
  transposeWasm,
  type ConvGradAttrs,
  type WasmBackend,
} from "./kernelUtil.js";

/** The attributes of `Conv2DBackpropInput`. */
interface Attrs extends ConvGradAttrs {
  inputShape: [number, number, number, number];
}

/** The filter [FH, FW, C, O] flipped in both spatial axes and transposed to [FH, FW, O, C]. */
function flipFilter(backend: WasmBackend, filter: TensorInfo): TensorInfo {
  const [fh, fw, c, o] = filter.shape as [number, number, number, number];
  const out = backend.makeOutput([fh, fw, o, c], "float32");
  // Heap views only after the allocation: growing the heap detaches older views.
  const src = backend.typedArrayFromHeap(filter);
  const dst = backend.typedArrayFromHeap(out);
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const from = ((fh - 1 - i) * fw + (fw - 1 - j)) * c * o;
      const to = (i * fw + j) * o * c;
      for (let ci = 0; ci < c; ci++)
        for (let oi = 0; oi < o; oi++) dst[to + oi * c + ci] = src[from + ci * o + oi]!;
    }
  }
  return out;
}

/** dY [N, OH, OW, O] with `sh − 1` zero rows (and `sw − 1` zero columns) between its own. */
function spreadRows(backend: WasmBackend, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  const [n, oh, ow, o] = dy.shape as [number, number, number, number];
  const uh = (oh - 1) * sh + 1;
  const uw = (ow - 1) * sw + 1;
  const out = backend.makeOutput([n, uh, uw, o], "float32");
  const src = backend.typedArrayFromHeap(dy);
  const dst = backend.typedArrayFromHeap(out);
  dst.fill(0);
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < oh; r++) {
      for (let col = 0; col < ow; col++) {
        const from = ((b * oh + r) * ow + col) * o;
        dst.set(src.subarray(from, from + o), ((b * uh + r * sh) * uw + col * sw) * o);
      }
    }
  }
  return out;
}

/**
 * The gradient of a convolution with respect to its input is the "full" correlation of dY (with
 * `stride − 1` zeros spread between its rows and columns) with the filter flipped in both spatial
 * axes and with its channel axes swapped, at the forward dilation and stride 1:
 *
 *   dX[n, y, x, c] = Σ_{i, j, o} dY↑[n, y + i·dh − pt', x + j·dw − pl', o] · W[FH−1−i, FW−1−j, c, o],
 *
 * with pt' = (FH − 1)·dh − top (and likewise for the left). Negative paddings (an explicit forward
 * padding wider than the filter) become a crop of the output.
 */
const conv2dBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { dy: dyIn, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as Attrs;
  const {
    nchw,
    info,
    strides: [sh, sw],
    dilations: [dh, dw],
  } = convGradGeometry(a.inputShape, filter.shape, a);
  const { filterHeight: fh, filterWidth: fw, inHeight: h, inWidth: w } = info;

  const dy = nchw ? transposeWasm(wasm, dyIn, [0, 2, 3, 1]) : dyIn;
  const spread = sh > 1 || sw > 1 ? spreadRows(wasm, dy, sh, sw) : dy;
  const flipped = flipFilter(wasm, filter);
  const [uh, uw] = [spread.shape[1]!, spread.shape[2]!];
  // Paddings of the full correlation; a negative one is applied as an offset into the output.
  const top = (fh - 1) * dh - info.padInfo.top;
  const left = (fw - 1) * dw - info.padInfo.left;
  const [padTop, padLeft] = [Math.max(top, 0), Math.max(left, 0)];
  const [offTop, offLeft] = [padTop - top, padLeft - left];
  const padBottom = Math.max(0, offTop + h + (fh - 1) * dh - uh - padTop);
  const padRight = Math.max(0, offLeft + w + (fw - 1) * dw - uw - padLeft);
  const full = conv2dWasm(wasm, spread, flipped, [1, 1], [dh, dw], [padTop, padBottom, padLeft, padRight]);
  wasm.disposeData(flipped.dataId);
  if (spread !== dy) wasm.disposeData(spread.dataId);
  if (dy !== dyIn) wasm.disposeData(dy.dataId);
  const dx = cropWasm(wasm, full, [offTop, offLeft], [h, w]);
  if (!nchw) return dx;
  const out = transposeWasm(wasm, dx, [0, 3, 1, 2]);
  wasm.disposeData(dx.dataId);
  return out;
};

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const conv2dBackpropInputWasmConfig: KernelConfig = {
  kernelName: "Conv2DBackpropInput",
  backendName: "wasm",
  kernelFunc: conv2dBackpropInput,
};
