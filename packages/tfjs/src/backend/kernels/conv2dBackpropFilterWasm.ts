/**
 * `Conv2DBackpropFilter` for the wasm backend, which lacks it (so convolutional training fails
 * there): the filter gradient computed as another convolution, run by the backend's own XNNPACK
 * `Conv2D`.
 *
 * @module
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import {
  conv2dWasm,
  convGeometry,
  pair,
  sliceWasm,
  toNhwcShape,
  transposeWasm,
  type ConvGradAttrs,
  type WasmBackend,
} from "./kernelUtil.js";

/** The attributes of `Conv2DBackpropFilter`. */
interface Attrs extends ConvGradAttrs {
  filterShape: [number, number, number, number];
}

/**
 * The gradient of a convolution with respect to its filter,
 *
 *   dW[i, j, c, o] = Σ_{n, y, x} X[n, y·sh + i·dh − top, x·sw + j·dw − left, c] · dY[n, y, x, o],
 *
 * is itself a convolution in which the batch and the channels trade places: the input is X
 * transposed to [C, H, W, N] (channels as the batch, the batch as the channels), the filter is dY
 * transposed to [OH, OW, N, O], the stride is the forward dilation and the dilation the forward
 * stride. Its output [C, FH, FW, O] transposed is dW. The bottom and right paddings are chosen so
 * that the output has exactly FH × FW positions (or cropped when the forward pass ignored the last
 * rows or columns). All the arithmetic runs in XNNPACK; only three transposes are added.
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as Attrs;
  const nchw = a.dataFormat === "NCHW";
  const xShape = nchw ? toNhwcShape(x.shape) : x.shape;
  const info = convGeometry(xShape, a.filterShape, a);
  const [sh, sw] = pair(a.strides);
  const [dh, dw] = pair(a.dilations);
  const { filterHeight: fh, filterWidth: fw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;

  // X as [C, H, W, N] and dY as [OH, OW, N, O], from either layout.
  const xT = transposeWasm(wasm, x, nchw ? [1, 2, 3, 0] : [3, 1, 2, 0]);
  const dyT = transposeWasm(wasm, dy, nchw ? [2, 3, 0, 1] : [1, 2, 0, 3]);
  const bottom = (fh - 1) * dh + (oh - 1) * sh + 1 - h - top;
  const right = (fw - 1) * dw + (ow - 1) * sw + 1 - w - left;
  let out = conv2dWasm(
    wasm,
    xT,
    dyT,
    [dh, dw],
    [sh, sw],
    [top, Math.max(bottom, 0), left, Math.max(right, 0)],
  );
  wasm.disposeData(xT.dataId);
  wasm.disposeData(dyT.dataId);
  if (out.shape[1] !== fh || out.shape[2] !== fw) {
    const cropped = sliceWasm(wasm, out, [0, 0, 0, 0], [out.shape[0]!, fh, fw, out.shape[3]!]);
    wasm.disposeData(out.dataId);
    out = cropped;
  }
  const dW = transposeWasm(wasm, out, [1, 2, 0, 3]);
  wasm.disposeData(out.dataId);
  return dW;
};

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const conv2dBackpropFilterWasmConfig: KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2dBackpropFilter,
};
