/**
 * `Add` of a bias along the last axis and `Sum` over leading axes for the wasm backend, run by
 * lrkit's kernel module (`assembly/rows.ts`): every layer's bias add and bias gradient. The stock
 * kernels take a generic broadcasting loop for the first and transpose the tensor before reducing
 * for the second: 4.6 and 4.4 ms for LeNet's first convolution on a batch of 256, against well
 * under 1 ms here. Other calls go to the stock kernels.
 *
 * @module
 */
import { util, type KernelConfig, type TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule } from "./kernelModule.js";
import { inFrontOf, type WasmBackend } from "./kernelUtil.js";
import { free, scratch } from "./paddedConvolution.js";

/**
 * The wasm `Add` that adds a float32 vector along the last axis of a float32 tensor (a bias) in one
 * SIMD pass; every other `Add` goes to `stock`.
 *
 * @param stock - the wasm backend's own `Add` config.
 */
export function addWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const cols = a.shape[a.shape.length - 1] ?? 0;
    if (
      a.dtype !== "float32" ||
      b.dtype !== "float32" ||
      a.shape.length < 2 ||
      b.shape.length !== 1 ||
      b.shape[0] !== cols
    )
      return undefined;
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(a.shape, "float32");
    const block = scratch(wasm, 4 * cols);
    const rows = util.sizeFromShape(a.shape) / cols;
    kernelModule(wasm).addToRows(
      address(wasm, a),
      address(wasm, b),
      address(wasm, out),
      rows,
      cols,
      address(wasm, block),
    );
    free(wasm, block);
    return out;
  });
}

/**
 * The wasm `Sum` that reduces float32 tensors over leading axes (0 to k − 1) in one SIMD pass
 * without transposing; every other `Sum` goes to `stock`.
 *
 * @param stock - the wasm backend's own `Sum` config.
 */
export function sumWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const axes = util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const k = axes.length;
    if (x.dtype !== "float32" || k === 0 || k === x.shape.length || axes.some((a, i) => a !== i))
      return undefined;
    const wasm = args.backend as WasmBackend;
    const kept = x.shape.slice(k);
    const out = wasm.makeOutput(keepDims ? [...axes.map(() => 1), ...kept] : kept, "float32");
    const cols = util.sizeFromShape(kept);
    const block = scratch(wasm, 4 * cols);
    const rows = util.sizeFromShape(x.shape) / cols;
    kernelModule(wasm).sumRows(address(wasm, x), address(wasm, out), rows, cols, address(wasm, block));
    free(wasm, block);
    return out;
  });
}
