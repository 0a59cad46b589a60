/**
 * The best TensorFlow.js backend this browser gives a worker: webgpu, webgl (on an OffscreenCanvas),
 * wasm with lrkit's training kernels, cpu — through @lrkit/tfjs's `setupBackend`, which says which
 * one it picked and why.
 *
 * @module
 */
import "@tensorflow/tfjs-backend-webgl";
import wasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { setupBackend, type BackendName, type BackendReport } from "@lrkit/tfjs";

/**
 * Starts the backend: `prefer` when given (a `?backend=` of the page), else the best available.
 * The webgpu backend's code is loaded only where the browser has WebGPU.
 */
export async function startBackend(prefer?: BackendName): Promise<BackendReport> {
  const gpu = "gpu" in navigator;
  if (gpu && (prefer === undefined || prefer === "webgpu")) await import("@tensorflow/tfjs-backend-webgpu");
  const order: BackendName[] = prefer
    ? [prefer]
    : gpu
      ? ["webgpu", "webgl", "wasm", "cpu"]
      : ["webgl", "wasm", "cpu"];
  return setupBackend({
    prefer: order,
    wasmPaths: {
      "tfjs-backend-wasm.wasm": wasm,
      "tfjs-backend-wasm-simd.wasm": wasmSimd,
      "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimd,
    },
  });
}
