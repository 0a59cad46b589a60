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
  convGradGeometry,
  cropWasm,
  transposeWasm,
  type FilterGradAttrs,
  type WasmBackend,
} from "./kernelUtil.js";

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
  const a = attrs as unknown as FilterGradAttrs;
  const {
    nchw,
    info,
    strides: [sh, sw],
    dilations: [dh, dw],
  } = convGradGeometry(x.shape, a.filterShape, a);
  const { filterHeight: fh, filterWidth: fw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;

  // X as [C, H, W, N] and dY as [OH, OW, N, O], from either layout.
  const xT = transposeWasm(wasm, x, nchw ? [1, 2, 3, 0] : [3, 1, 2, 0]);
  const dyT = transposeWasm(wasm, dy, nchw ? [2, 3, 0, 1] : [1, 2, 0, 3]);
  const bottom = (fh - 1) * dh + (oh - 1) * sh + 1 - h - top;
  const right = (fw - 1) * dw + (ow - 1) * sw + 1 - w - left;
  const full = conv2dWasm(
    wasm,
    xT,
    dyT,
    [dh, dw],
    [sh, sw],
    [top, Math.max(bottom, 0), left, Math.max(right, 0)],
  );
  wasm.disposeData(xT.dataId);
  wasm.disposeData(dyT.dataId);
  const out = cropWasm(wasm, full, [0, 0], [fh, fw]);
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
