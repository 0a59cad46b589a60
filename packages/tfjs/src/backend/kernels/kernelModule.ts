/**
 * lrkit's kernel module (`assembly/`, compiled by `npm run build:wasm` and embedded in the sources
 * as base64, so that Node and browser bundles load it alike), instantiated on the wasm backend's
 * own heap so that it reads and writes tensors in place, or on a memory of its own for the cpu
 * backend.
 *
 * @module
 */
import type { TensorInfo } from "@tensorflow/tfjs-core";
import type { WasmBackend } from "./kernelUtil.js";
import { KERNELS_WASM } from "./kernelsWasm.generated.js";

/** The module's exports; every pointer is a byte offset into the backend's heap. */
export interface KernelModule {
  padImages(
    x: number,
    xp: number,
    n: number,
    h: number,
    w: number,
    c: number,
    top: number,
    left: number,
    hp: number,
    wp: number,
  ): void;
  cropImages(
    xp: number,
    x: number,
    n: number,
    h: number,
    w: number,
    c: number,
    top: number,
    left: number,
    hp: number,
    wp: number,
  ): void;
  copyRows(src: number, srcCols: number, dst: number, dstCols: number, rows: number, cols: number): void;
  convolve(
    xp: number,
    taps: number,
    w: number,
    bias: number,
    y: number,
    n: number,
    hp: number,
    wp: number,
    c: number,
    oh: number,
    ow: number,
    sh: number,
    sw: number,
    k: number,
    o: number,
    relu: boolean,
    wide: number,
  ): void;
  filterGradient(
    xp: number,
    taps: number,
    dy: number,
    dyStride: number,
    dw: number,
    n: number,
    hp: number,
    wp: number,
    c: number,
    oh: number,
    ow: number,
    sh: number,
    sw: number,
    kt: number,
    oWide: number,
    wide: number,
  ): void;
  inputGradient(
    dy: number,
    wt: number,
    runs: number,
    dxp: number,
    n: number,
    hp: number,
    wp: number,
    c: number,
    oh: number,
    ow: number,
    sh: number,
    sw: number,
    o: number,
    segments: number,
    len4: number,
  ): void;
  relu(x: number, out: number, count: number): void;
  step(x: number, out: number, count: number, alpha: number): void;
  multiply(a: number, b: number, out: number, count: number): void;
  maxPoolHalves(
    x: number,
    y: number,
    n: number,
    h: number,
    w: number,
    c: number,
    oh: number,
    ow: number,
  ): void;
  addToRows(a: number, bias: number, out: number, rows: number, cols: number, scratch: number): void;
  sumRows(a: number, out: number, rows: number, cols: number, scratch: number): void;
  maxPoolGradient(
    x: number,
    dy: number,
    dx: number,
    n: number,
    h: number,
    w: number,
    c: number,
    oh: number,
    ow: number,
    fh: number,
    fw: number,
    sh: number,
    sw: number,
    dh: number,
    dw: number,
    top: number,
    left: number,
  ): void;
}

/** A `WebAssembly.Memory`. */
interface Memory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

/** The part of the WebAssembly JavaScript API used here (TypeScript types it in its DOM lib only). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => Memory;
}

const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** The compiled module, shared by every backend instance. */
let compiled: object | undefined;
/** One instance per heap. */
const instances = new WeakMap<Memory, KernelModule>();

/** The module instantiated on `memory`. */
function instantiate(memory: Memory): KernelModule {
  compiled ??= new api.Module(readWasm());
  return new api.Instance(compiled, { env: { memory } }).exports as unknown as KernelModule;
}

/**
 * The kernel module on `backend`'s heap, instantiated on first use.
 *
 * @throws Error when the module has not been built, or when the backend's heap cannot be shared
 * with it (TensorFlow.js's multi-threaded wasm build, whose heap is shared memory).
 */
export function kernelModule(backend: WasmBackend): KernelModule {
  const memory = backend.wasm.asm?.memory;
  if (!(memory instanceof api.Memory))
    throw new Error("lrkit kernels: cannot reach the wasm backend's heap (backend.wasm.asm.memory)");
  const known = instances.get(memory);
  if (known) return known;
  if (typeof SharedArrayBuffer !== "undefined" && memory.buffer instanceof SharedArrayBuffer)
    throw new Error(
      "lrkit kernels: the wasm backend runs TensorFlow.js's multi-threaded build (shared heap); lrkit's kernels need the single-threaded one",
    );
  const module = instantiate(memory);
  instances.set(memory, module);
  return module;
}

/** The module on a memory of its own (for the cpu backend), created on first use. */
let own: { module: KernelModule; memory: Memory } | undefined;

/**
 * Runs `job` with the kernel module on a memory of its own, grown to at least `bytes`: `job`
 * copies its inputs in and its results out through `heap`, a view of that memory.
 */
export function withOwnMemory<T>(bytes: number, job: (module: KernelModule, heap: Float32Array) => T): T {
  if (!own) {
    const memory = new api.Memory({ initial: 1 });
    own = { module: instantiate(memory), memory };
  }
  const missing = Math.ceil((bytes - own.memory.buffer.byteLength) / 65536);
  if (missing > 0) own.memory.grow(missing);
  return job(own.module, new Float32Array(own.memory.buffer));
}

/** The module's bytes, decoded from the embedded base64 (`atob` is in browsers and in Node 16+). */
function readWasm(): Uint8Array {
  return Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0));
}

/** The byte offset of `t`'s data in the backend's heap. */
export function address(backend: WasmBackend, t: TensorInfo): number {
  return backend.typedArrayFromHeap(t).byteOffset;
}
