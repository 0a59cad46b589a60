/**
 * Max pooling by lrkit's kernel module (`assembly/pooling.ts`): `MaxPoolGrad` for the wasm and
 * cpu backends, whose stock kernels are far slower — for LeNet's two poolings of a batch of 256,
 * wasm's takes about 70 ms and cpu's (which visits every input position and every window that may
 * hold it) about 1.1 s; and the wasm `MaxPool` over 2×2 windows at stride 2 (four channels at a
 * time). 2×2 windows at stride 2 have a gradient path that writes each position once. The
 * gradient goes to the first maximum of each window in row-major order, as the cpu backend's stock
 * kernel routes it.
 *
 * @module
 */
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule, withOwnMemory, type KernelModule } from "./kernelModule.js";
import { inFrontOf, type CpuBackend, type TypedArray, type WasmBackend } from "./kernelUtil.js";

/** The attributes of `MaxPoolGrad`. */
interface Attrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: "valid" | "same" | number | backend_util.ExplicitPadding;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

/** Runs the module's `maxPoolGradient` on heap byte offsets `x`, `dy`, `dx`. */
function maxPoolGradient(
  module: KernelModule,
  info: backend_util.Conv2DInfo,
  x: number,
  dy: number,
  dx: number,
): void {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  module.maxPoolGradient(x, dy, dx, ...[n, h, w, c, oh, ow, fh, fw, sh, sw, dh, dw, top, left]);
}

function poolInfo(input: TensorInfo, attrs: Attrs): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

const maxPoolGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const out = wasm.makeOutput(input.shape, "float32");
  const info = poolInfo(input, attrs as unknown as Attrs);
  maxPoolGradient(kernelModule(wasm), info, address(wasm, input), address(wasm, dy), address(wasm, out));
  return out;
};

const maxPoolGradCpu: KernelFunc = ({ inputs, backend, attrs }) => {
  const cpu = backend as CpuBackend;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const info = poolInfo(input, attrs as unknown as Attrs);
  const x = cpu.data.get(input.dataId).values as TypedArray;
  const g = cpu.data.get(dy.dataId).values as TypedArray;
  // The module's memory holds x, dy and dx one after the other.
  const dx = withOwnMemory((2 * x.length + g.length) * 4, (module, heap) => {
    heap.set(x, 0);
    heap.set(g, x.length);
    const at = x.length + g.length;
    maxPoolGradient(module, info, 0, x.length * 4, at * 4);
    return heap.slice(at, at + x.length);
  });
  return cpu.makeTensorInfo(input.shape, "float32", dx);
};

/**
 * The wasm `MaxPool` with lrkit's kernel for float32 NHWC inputs pooled over 2×2 windows at stride
 * 2 without padding (NaN ignored, as the cpu backend does); other calls go to `stock`.
 *
 * @param stock - the wasm backend's own `MaxPool` config.
 */
export function maxPoolWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const info = poolInfo(x, args.attrs as unknown as Attrs);
    const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
    const halves =
      x.dtype === "float32" &&
      info.effectiveFilterHeight === 2 &&
      info.effectiveFilterWidth === 2 &&
      info.strideHeight === 2 &&
      info.strideWidth === 2 &&
      info.padInfo.top === 0 &&
      info.padInfo.left === 0 &&
      2 * oh <= h &&
      2 * ow <= w;
    if (!halves) return undefined;
    const wasm = args.backend as WasmBackend;
    const out = wasm.makeOutput(info.outShape, "float32");
    kernelModule(wasm).maxPoolHalves(address(wasm, x), address(wasm, out), n, h, w, c, oh, ow);
    return out;
  });
}

/** The kernel config registered by {@link registerLrkitKernels} for the wasm backend. */
export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "wasm",
  kernelFunc: maxPoolGradWasm,
};

/** The kernel config registered by {@link registerLrkitKernels} for the cpu backend. */
export const maxPoolGradCpuConfig: KernelConfig = {
  kernelName: "MaxPoolGrad",
  backendName: "cpu",
  kernelFunc: maxPoolGradCpu,
};
