/**
 * `Identity` and same-type `Cast` for the wasm backend without a copy: the stock kernels copy
 * the whole tensor, and training calls them dozens of times per step (the engine clones every
 * tensor a gradient needs, and ReLU's gradient casts a float32 mask to float32): 36 copies, about
 * 5 ms of a LeNet step on a batch of 256. Tensors are immutable, so the result shares the input's
 * data and counts one more reference to it, as the wasm `Reshape` and the cpu backend's
 * `Identity` do.
 *
 * @module
 */
import type { DataType, KernelConfig, TensorInfo } from "@tensorflow/tfjs-core";
import { inFrontOf, type WasmBackend } from "./kernelUtil.js";

/** The input's data under a new reference (the backend counts it). */
function share(backend: WasmBackend, x: TensorInfo): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * The wasm `Identity` that shares the data (strings, which do not live on the heap, go to the
 * stock kernel).
 *
 * @param stock - the wasm backend's own `Identity` config.
 */
export function identityWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    return x.dtype === "string" ? undefined : share(args.backend as WasmBackend, x);
  });
}

/**
 * The wasm `Cast` that shares the data when the type does not change (other casts go to the stock
 * kernel).
 *
 * @param stock - the wasm backend's own `Cast` config.
 */
export function castWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { dtype } = args.attrs as { dtype: DataType };
    return x.dtype === dtype && dtype !== "string" ? share(args.backend as WasmBackend, x) : undefined;
  });
}
