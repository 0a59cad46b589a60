/**
 * Registration of lrkit's kernels in TensorFlow.js's global kernel registry.
 *
 * @module
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from "@tensorflow/tfjs-core";
import { batchMatMulWasmConfig } from "./batchMatMulWasm.js";
import { conv2dBackpropFilterCpuConfig } from "./conv2dBackpropFilterCpu.js";
import { conv2dBackpropFilterWasmConfig } from "./conv2dBackpropFilterWasm.js";
import { conv2dBackpropInputWasmConfig } from "./conv2dBackpropInputWasm.js";
import { convolutionWasmConfig } from "./conv2dWasm.js";
import { maxPoolGradCpuConfig, maxPoolGradWasmConfig, maxPoolWasmConfig } from "./maxPool.js";
import { multiplyWasmConfig, reluWasmConfig, stepWasmConfig } from "./elementwiseWasm.js";
import { addWasmConfig, sumWasmConfig } from "./rowsWasm.js";
import { castWasmConfig, identityWasmConfig } from "./shareWasm.js";

/** The backends lrkit has kernels for. */
export type KernelBackendName = "wasm" | "cpu";

/** Marks the configs lrkit registered (the registry is global; this module may be loaded twice). */
const LRKIT = Symbol.for("lrkit.kernel");

type Marked = KernelConfig & { [LRKIT]?: true };

/** One of lrkit's kernels: its name and how to build it from the backend's own (if any). */
interface KernelEntry {
  readonly name: string;
  readonly make: (stock: KernelConfig | undefined) => KernelConfig;
}

/** The backend's own kernel `name`, which an lrkit kernel wraps. */
function required(name: string, stock: KernelConfig | undefined): KernelConfig {
  if (!stock) throw new Error(`registerLrkitKernels: the wasm backend has no ${name} kernel to wrap`);
  return stock;
}

const KERNELS: Record<KernelBackendName, readonly KernelEntry[]> = {
  wasm: [
    { name: "Conv2D", make: (stock) => convolutionWasmConfig(required("Conv2D", stock)) },
    { name: "FusedConv2D", make: (stock) => convolutionWasmConfig(required("FusedConv2D", stock)) },
    { name: "Conv2DBackpropFilter", make: () => conv2dBackpropFilterWasmConfig },
    { name: "Conv2DBackpropInput", make: () => conv2dBackpropInputWasmConfig },
    { name: "MaxPoolGrad", make: () => maxPoolGradWasmConfig },
    {
      name: "BatchMatMul",
      make: (stock) => batchMatMulWasmConfig(required("BatchMatMul", stock)),
    },
    { name: "Add", make: (stock) => addWasmConfig(required("Add", stock)) },
    { name: "Sum", make: (stock) => sumWasmConfig(required("Sum", stock)) },
    { name: "MaxPool", make: (stock) => maxPoolWasmConfig(required("MaxPool", stock)) },
    { name: "Relu", make: (stock) => reluWasmConfig(required("Relu", stock)) },
    { name: "Step", make: (stock) => stepWasmConfig(required("Step", stock)) },
    { name: "Multiply", make: (stock) => multiplyWasmConfig(required("Multiply", stock)) },
    { name: "Identity", make: (stock) => identityWasmConfig(required("Identity", stock)) },
    { name: "Cast", make: (stock) => castWasmConfig(required("Cast", stock)) },
  ],
  cpu: [
    { name: "Conv2DBackpropFilter", make: () => conv2dBackpropFilterCpuConfig },
    { name: "MaxPoolGrad", make: () => maxPoolGradCpuConfig },
  ],
};

/**
 * Registers lrkit's training kernels for `backend`, replacing the backend's own where there is
 * one; calling it again does nothing. Load the backend package first (its own kernels must be
 * registered); the kernels then serve every later call on that backend.
 *
 * - wasm: `Conv2D` and `FusedConv2D` (bias, ReLU), `Conv2DBackpropFilter` (missing from the wasm
 *   backend: convolutional training fails without it), `Conv2DBackpropInput`, `MaxPoolGrad`, and
 *   for the common cases `MaxPool` (2×2, stride 2), `Add` (a bias), `Sum` (over leading axes),
 *   `Relu`, `Step` and `Multiply` (same shapes), run by lrkit's own SIMD WebAssembly module
 *   (`assembly/`, built to `wasm/kernels.wasm`) on the backend's heap; `BatchMatMul` with
 *   transposed operands handed to XNNPACK instead of a scalar loop; `Identity` and same-type
 *   `Cast` that share the data instead of copying it (the engine clones every tensor a gradient
 *   keeps). The module needs TensorFlow.js's single-threaded wasm build (the one Node.js runs).
 * - cpu: `Conv2DBackpropFilter` over plain typed arrays and `MaxPoolGrad` by the same module (the
 *   stock ones index every element through `TensorBuffer.get`).
 *
 * Each is tested against the cpu backend's stock kernels on several shapes, strides, paddings
 * (same, valid, explicit), dilations and both data formats.
 *
 * @param backend - `"wasm"` or `"cpu"`.
 * @returns the names of the kernels lrkit provides for `backend`.
 * @throws TypeError for another backend name; Error when the wasm backend is not loaded.
 * @example
 * ```ts
 * import "@tensorflow/tfjs-backend-wasm";
 * registerLrkitKernels("wasm"); // ["Conv2D", "FusedConv2D", "Conv2DBackpropFilter", …, "Cast"]
 * await tf.setBackend("wasm");
 * ```
 */
export function registerLrkitKernels(backend: KernelBackendName): string[] {
  const entries = Object.hasOwn(KERNELS, backend) ? KERNELS[backend] : undefined;
  if (!entries)
    throw new TypeError(
      `registerLrkitKernels: backend must be "wasm" or "cpu", got ${JSON.stringify(backend)}`,
    );
  for (const { name, make } of entries) {
    const current = getKernel(name, backend) as Marked | undefined;
    if (current?.[LRKIT]) continue;
    const config: Marked = { ...make(current), [LRKIT]: true };
    // The stock setup (a cwrap of the C++ function) ran when the backend started; keep it for a
    // restart of the backend.
    if (current?.setupFunc && !config.setupFunc) config.setupFunc = current.setupFunc;
    if (current) unregisterKernel(name, backend);
    registerKernel(config);
  }
  return entries.map((e) => e.name);
}

/**
 * True when kernel `name` of `backend` is lrkit's.
 *
 * @example
 * ```ts
 * isLrkitKernel("Conv2DBackpropFilter", "wasm"); // true after registerLrkitKernels("wasm")
 * ```
 */
export function isLrkitKernel(name: string, backend: KernelBackendName): boolean {
  return (getKernel(name, backend) as Marked | undefined)?.[LRKIT] === true;
}
