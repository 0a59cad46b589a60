import { describe, expect, it } from "vitest";
import { kernelModule } from "./kernelModule.js";
import type { WasmBackend } from "./kernelUtil.js";

// The kernels instantiate on the heap of TensorFlow.js's wasm backend: its single-threaded build's
// plain memory, never the threaded build's shared one (the module imports a plain memory).

const onHeap = (memory: WebAssembly.Memory) => ({ wasm: { asm: { memory } } }) as unknown as WasmBackend;

describe("kernelModule", () => {
  it("instantiates on a plain heap, once per heap", () => {
    const backend = onHeap(new WebAssembly.Memory({ initial: 1 }));
    const module = kernelModule(backend);
    expect(Object.keys(module).length).toBeGreaterThan(5);
    expect(kernelModule(backend)).toBe(module);
  });

  it("refuses the threaded build's shared heap with a clear error", () => {
    const shared = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    expect(() => kernelModule(onHeap(shared))).toThrow(
      "lrkit kernels: the wasm backend runs TensorFlow.js's multi-threaded build (shared heap); lrkit's kernels need the single-threaded one",
    );
  });

  it("names what it could not reach when the backend has no heap", () => {
    expect(() => kernelModule({ wasm: {} } as unknown as WasmBackend)).toThrow(
      "lrkit kernels: cannot reach the wasm backend's heap (backend.wasm.asm.memory)",
    );
  });
});
