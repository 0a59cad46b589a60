/**
 * What lrkit's kernels share: the backend shapes they use, calling another kernel of the same
 * backend, and the geometry of a 2-D convolution.
 *
 * Kernels run inside the engine: they receive and return `TensorInfo`s (not tensors), call other
 * kernels through the registry, and free their intermediates themselves.
 *
 * @module
 */
import {
  backend_util,
  getKernel,
  type DataId,
  type DataType,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from "@tensorflow/tfjs-core";

/** A typed array as a backend stores it. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The part of the wasm backend (`BackendWasm`) that lrkit's kernels use. */
export interface WasmBackend extends KernelBackend {
  /** The Emscripten module: `asm.memory` is the heap every tensor lives on. */
  wasm: { asm?: { memory?: unknown } };
  /** Allocates an output on the wasm heap. Heap views taken before this call may be detached. */
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  /** A view of a tensor's data on the wasm heap; valid until the next allocation. */
  typedArrayFromHeap(info: TensorInfo): TypedArray;
  /** Drops one reference to `dataId`. */
  disposeData(dataId: DataId): boolean;
  /** Counts one more reference to `dataId`. */
  incRef(dataId: DataId): void;
}

/** What a kernel function receives: its inputs, its backend and its attributes. */
export type KernelArgs = Parameters<KernelFunc>[0];

/**
 * The backend's own kernel `stock` with lrkit's `own` in front: `own` computes the calls it
 * handles and returns undefined for the others, which go to `stock`.
 */
export function inFrontOf(
  stock: KernelConfig,
  own: (args: KernelArgs) => TensorInfo | undefined,
): KernelConfig {
  const kernelFunc: KernelFunc = (args) => own(args) ?? stock.kernelFunc(args);
  return { ...stock, kernelFunc };
}

/** The part of the cpu backend (`MathBackendCPU`) that lrkit's kernels use. */
export interface CpuBackend extends KernelBackend {
  /** The values of each tensor. */
  data: { get(dataId: DataId): { values: unknown } };
  /** Registers `values` as a new tensor. */
  makeTensorInfo(shape: number[], dtype: DataType, values: TypedArray): TensorInfo;
}

/**
 * Runs kernel `name` of `backendName` on `inputs` directly (as kernels call each other, without
 * the engine). The caller owns the result.
 *
 * @throws Error when the backend has no such kernel.
 */
function callKernel(
  backendName: string,
  name: string,
  backend: KernelBackend,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = getKernel(name, backendName);
  if (!config) throw new Error(`lrkit kernels: the ${backendName} backend has no kernel ${name}`);
  return config.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** Transposes `x` on the wasm backend; the caller owns the result. */
export function transposeWasm(backend: WasmBackend, x: TensorInfo, perm: number[]): TensorInfo {
  return callKernel("wasm", "Transpose", backend, { x }, { perm });
}

/** A pair from a number or a pair (strides, dilations). */
function pair(value: number | readonly number[] | undefined, fallback = 1): [number, number] {
  if (value === undefined) return [fallback, fallback];
  if (typeof value === "number") return [value, value];
  return [value[0] ?? fallback, value[1] ?? value[0] ?? fallback];
}

/** The attributes of a convolution's gradient kernels. */
export interface ConvGradAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  /**
   * Not part of TensorFlow.js's kernel contract (its conv2d gradient requires dilation 1), but
   * honoured when given.
   */
  dilations?: [number, number] | number;
}

/** The attributes of `Conv2DBackpropFilter`. */
export interface FilterGradAttrs extends ConvGradAttrs {
  filterShape: [number, number, number, number];
}

/** What a convolution's gradient kernel knows of the forward convolution. */
export interface ConvGradGeometry {
  /** Whether the kernel's tensors are NCHW (else NHWC). */
  readonly nchw: boolean;
  /** The forward convolution's geometry, NHWC, as TensorFlow.js computes it. */
  readonly info: backend_util.Conv2DInfo;
  /** The strides `[sh, sw]`. */
  readonly strides: [number, number];
  /** The dilations `[dh, dw]`. */
  readonly dilations: [number, number];
}

/**
 * The geometry of the forward 2-D convolution of an input of shape `inShape` (in the layout of
 * `attrs.dataFormat`, NHWC by default) with a filter of shape `filterShape` [FH, FW, C, O].
 */
export function convGradGeometry(
  inShape: readonly number[],
  filterShape: readonly number[],
  attrs: ConvGradAttrs,
): ConvGradGeometry {
  const nchw = attrs.dataFormat === "NCHW";
  const nhwc = nchw ? [inShape[0]!, inShape[2]!, inShape[3]!, inShape[1]!] : inShape;
  const info = backend_util.computeConv2DInfo(
    nhwc as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    "channelsLast",
  );
  return { nchw, info, strides: pair(attrs.strides), dilations: pair(attrs.dilations) };
}
