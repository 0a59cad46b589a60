/**
 * `Relu`, `Step` and same-shape `Multiply` for the wasm backend, four values at a time by lrkit's
 * kernel module (`assembly/elementwise.ts`): every ReLU layer's forward pass and its gradient
 * (`dy · step(x)`). Other calls (other types, broadcasting) go to the stock kernels.
 *
 * @module
 */
import { util, type KernelConfig, type TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule } from "./kernelModule.js";
import { inFrontOf, type KernelArgs, type WasmBackend } from "./kernelUtil.js";

/** The single input `x` of a unary kernel. */
const xOf = (args: KernelArgs) => (args.inputs as { x: TensorInfo }).x;

/**
 * The wasm `Relu` for float32 tensors (NaN stays NaN).
 *
 * @param stock - the wasm backend's own `Relu` config.
 */
export function reluWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const x = xOf(args);
    if (x.dtype !== "float32") return undefined;
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(x.shape, "float32");
    kernelModule(wasm).relu(address(wasm, x), address(wasm, out), util.sizeFromShape(x.shape));
    return out;
  });
}

/**
 * The wasm `Step` for float32 tensors: 1 where x > 0, NaN for NaN, else `alpha`.
 *
 * @param stock - the wasm backend's own `Step` config.
 */
export function stepWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const x = xOf(args);
    if (x.dtype !== "float32") return undefined;
    const wasm = args.backend as WasmBackend;
    const { alpha } = args.attrs as { alpha?: number };
    const out = wasm.makeOutput(x.shape, "float32");
    const count = util.sizeFromShape(x.shape);
    kernelModule(wasm).step(address(wasm, x), address(wasm, out), count, alpha ?? 0);
    return out;
  });
}

/**
 * The wasm `Multiply` for two float32 tensors of the same shape.
 *
 * @param stock - the wasm backend's own `Multiply` config.
 */
export function multiplyWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    if (a.dtype !== "float32" || b.dtype !== "float32" || !util.arraysEqual(a.shape, b.shape))
      return undefined;
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(a.shape, "float32");
    const count = util.sizeFromShape(a.shape);
    kernelModule(wasm).multiply(address(wasm, a), address(wasm, b), address(wasm, out), count);
    return out;
  });
}
