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
  type NamedAttrMap,
  type TensorInfo,
} from "@tensorflow/tfjs-core";

/** A typed array as a backend stores it. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The part of the wasm backend (`BackendWasm`) that lrkit's kernels use. */
export interface WasmBackend extends KernelBackend {
  /** Allocates an output on the wasm heap. Heap views taken before this call may be detached. */
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  /** A view of a tensor's data on the wasm heap; valid until the next allocation. */
  typedArrayFromHeap(info: TensorInfo): TypedArray;
  /** Drops one reference to `dataId`. */
  disposeData(dataId: DataId): boolean;
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
export function callKernel(
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

/** Slices `x` on the wasm backend; the caller owns the result. */
export function sliceWasm(backend: WasmBackend, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  return callKernel("wasm", "Slice", backend, { x }, { begin, size });
}

/**
 * The wasm backend's Conv2D (XNNPACK) in NHWC with explicit paddings `[top, bottom, left, right]`;
 * the caller owns the result.
 */
export function conv2dWasm(
  backend: WasmBackend,
  x: TensorInfo,
  filter: TensorInfo,
  strides: [number, number],
  dilations: [number, number],
  pads: [number, number, number, number],
): TensorInfo {
  const pad = [
    [0, 0],
    [pads[0], pads[1]],
    [pads[2], pads[3]],
    [0, 0],
  ];
  return callKernel(
    "wasm",
    "Conv2D",
    backend,
    { x, filter },
    { strides, dilations, pad, dataFormat: "NHWC" },
  );
}

/** A pair from a number or a pair (strides, dilations). */
export function pair(value: number | readonly number[] | undefined, fallback = 1): [number, number] {
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

/**
 * The geometry of a 2-D convolution of an NHWC input of shape `inShape` with a filter of shape
 * `filterShape`, as TensorFlow.js computes it.
 */
export function convGeometry(
  inShape: readonly number[],
  filterShape: readonly number[],
  attrs: ConvGradAttrs,
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    "channelsLast",
  );
}

/** The NHWC shape of an NCHW shape. */
export function toNhwcShape(shape: readonly number[]): number[] {
  return [shape[0]!, shape[2]!, shape[3]!, shape[1]!];
}
