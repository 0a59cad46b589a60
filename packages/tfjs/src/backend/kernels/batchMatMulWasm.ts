/**
 * `BatchMatMul` for the wasm backend with transposed operands: the stock kernel sends every
 * product with `transposeA` or `transposeB` (which is every gradient of a dense layer) to a scalar
 * blocked loop, and only plain products to XNNPACK. This wrapper transposes the operand first and
 * hands a plain product to the stock kernel: 250 ms become 2 ms for the gradient of LeNet's first
 * dense layer on a batch of 256.
 *
 * @module
 */
import type { KernelConfig, NamedAttrMap, TensorInfo } from "@tensorflow/tfjs-core";
import { inFrontOf, transposeWasm, type WasmBackend } from "./kernelUtil.js";

/** A matrix, or a batch of one matrix: the shapes XNNPACK's path takes. */
const isSingle = (t: TensorInfo) => t.shape.length === 2 || (t.shape.length === 3 && t.shape[0] === 1);
const swapLast = (t: TensorInfo) => (t.shape.length === 2 ? [1, 0] : [0, 2, 1]);

/**
 * The wasm `BatchMatMul` that materialises transposed operands and calls `stock` without the
 * transpose flags; batched products (more than one matrix) go to `stock` unchanged.
 *
 * @param stock - the wasm backend's own `BatchMatMul` config.
 */
export function batchMatMulWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const attrs = args.attrs as NamedAttrMap & { transposeA?: boolean; transposeB?: boolean };
    if (!(attrs.transposeA || attrs.transposeB) || !isSingle(a) || !isSingle(b)) return undefined;
    const wasm = args.backend as WasmBackend;
    const at = attrs.transposeA ? transposeWasm(wasm, a, swapLast(a)) : a;
    const bt = attrs.transposeB ? transposeWasm(wasm, b, swapLast(b)) : b;
    const out = stock.kernelFunc({
      ...args,
      inputs: { a: at, b: bt },
      attrs: { ...attrs, transposeA: false, transposeB: false },
    }) as TensorInfo;
    if (at !== a) wasm.disposeData(at.dataId);
    if (bt !== b) wasm.disposeData(bt.dataId);
    return out;
  });
}
