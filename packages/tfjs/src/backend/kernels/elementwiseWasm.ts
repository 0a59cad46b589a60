/**
 * `Relu`, `Step` and same-shape `Multiply` for the wasm backend, four values at a time by lrkit's
 * kernel module (`assembly/elementwise.ts`): every ReLU layer's forward pass and its gradient
 * (`dy · step(x)`). Other calls (other types, broadcasting) go to the stock kernels.
 *
 * @module
 */
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule } from "./kernelModule.js";
import type { WasmBackend } from "./kernelUtil.js";

/** `stock` with `own` for the calls `handles` accepts. */
function wrap(
  stock: KernelConfig,
  handles: (args: Parameters<KernelFunc>[0]) => boolean,
  own: (backend: WasmBackend, args: Parameters<KernelFunc>[0]) => TensorInfo,
): KernelConfig {
  const kernelFunc: KernelFunc = (args) =>
    handles(args) ? own(args.backend as WasmBackend, args) : stock.kernelFunc(args);
  return { ...stock, kernelFunc };
}

/** The single input `x` of a unary kernel. */
const xOf = (args: Parameters<KernelFunc>[0]) => (args.inputs as { x: TensorInfo }).x;

/**
 * The wasm `Relu` for float32 tensors (NaN stays NaN).
 *
 * @param stock - the wasm backend's own `Relu` config.
 */
export function reluWasmConfig(stock: KernelConfig): KernelConfig {
  return wrap(
    stock,
    (args) => xOf(args).dtype === "float32",
    (backend, args) => {
      const x = xOf(args);
      const out = backend.makeOutput(x.shape, "float32");
      kernelModule(backend).relu(address(backend, x), address(backend, out), util.sizeFromShape(x.shape));
      return out;
    },
  );
}

/**
 * The wasm `Step` for float32 tensors: 1 where x > 0, NaN for NaN, else `alpha`.
 *
 * @param stock - the wasm backend's own `Step` config.
 */
export function stepWasmConfig(stock: KernelConfig): KernelConfig {
  return wrap(
    stock,
    (args) => xOf(args).dtype === "float32",
    (backend, args) => {
      const x = xOf(args);
      const { alpha } = args.attrs as { alpha?: number };
      const out = backend.makeOutput(x.shape, "float32");
      const count = util.sizeFromShape(x.shape);
      kernelModule(backend).step(address(backend, x), address(backend, out), count, alpha ?? 0);
      return out;
    },
  );
}

/**
 * The wasm `Multiply` for two float32 tensors of the same shape.
 *
 * @param stock - the wasm backend's own `Multiply` config.
 */
export function multiplyWasmConfig(stock: KernelConfig): KernelConfig {
  const inputs = (args: Parameters<KernelFunc>[0]) => args.inputs as { a: TensorInfo; b: TensorInfo };
  return wrap(
    stock,
    (args) => {
      const { a, b } = inputs(args);
      return a.dtype === "float32" && b.dtype === "float32" && util.arraysEqual(a.shape, b.shape);
    },
    (backend, args) => {
      const { a, b } = inputs(args);
      const out = backend.makeOutput(a.shape, "float32");
      const count = util.sizeFromShape(a.shape);
      kernelModule(backend).multiply(address(backend, a), address(backend, b), address(backend, out), count);
      return out;
    },
  );
}
