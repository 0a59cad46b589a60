/**
 * One call that picks the fastest TensorFlow.js backend available, in Node or in a browser, and
 * says why.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { registerLrkitKernels } from "./kernels/registerKernels.js";

/** The backends {@link setupBackend} knows. */
export type BackendName = "tensorflow" | "webgpu" | "webgl" | "wasm" | "cpu";

/** What {@link setupBackend} found out about one backend. */
export interface BackendAttempt {
  /** The backend. */
  readonly backend: BackendName;
  /** Whether it could be started. */
  readonly ok: boolean;
  /** Why not, or how it runs (SIMD, threads). */
  readonly detail: string;
}

/** What {@link setupBackend} picked, and why. */
export interface BackendReport {
  /** The backend now active (`tf.getBackend()`). */
  readonly backend: BackendName;
  /** One sentence: the backend and why it was picked. */
  readonly reason: string;
  /** Every backend tried, in order, until one started. */
  readonly attempts: readonly BackendAttempt[];
  /** The lrkit kernels registered for the backend (see {@link registerLrkitKernels}). */
  readonly kernels: readonly string[];
}

/** Options of {@link setupBackend}. */
export interface SetupBackendOptions {
  /**
   * The backends to try, in order; the first that starts wins. Defaults to
   * `["tensorflow", "wasm", "cpu"]` in Node and `["webgpu", "webgl", "wasm", "cpu"]` in a browser.
   */
  readonly prefer?: readonly BackendName[];
  /** Register lrkit's training kernels for wasm and cpu. Defaults to true. */
  readonly kernels?: boolean;
  /**
   * In a browser: where TensorFlow.js's own wasm binaries are served (`setWasmPaths`): a URL
   * prefix, or each file's URL (e.g. from a bundler's `?url` imports). Defaults to TensorFlow.js's
   * choice (next to the script); Node reads them from the package.
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
}

const ALL: readonly BackendName[] = ["tensorflow", "webgpu", "webgl", "wasm", "cpu"];

const message = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0]! : String(e));

/** True in Node (and Node-compatible runtimes), false in a browser or a web worker. */
const inNode = () =>
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";

/**
 * The native backend's package name, built at run time so that no bundler tries to resolve (or
 * constant-fold and then resolve) an optional Node-only package.
 */
const nativeBackend = () => ["@tensorflow", "tfjs-node"].join("/");

/** Loads a backend's package, or checks that the app registered it; returns how it runs. */
async function load(backend: BackendName, options: SetupBackendOptions): Promise<string> {
  switch (backend) {
    case "tensorflow":
      if (!inNode()) throw new Error("only in Node");
      await import(/* @vite-ignore */ nativeBackend());
      return "native TensorFlow via @tensorflow/tfjs-node";
    case "webgpu":
    case "webgl":
      if (!tf.findBackendFactory(backend))
        throw new Error(`not registered: import "@tensorflow/tfjs-backend-${backend}" in the app`);
      return "";
    case "wasm": {
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      // lrkit's kernels run on the single-threaded build's heap (a shared heap is refused).
      if (options.kernels !== false) tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
      if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths as string);
      return "";
    }
    case "cpu":
      await import("@tensorflow/tfjs-backend-cpu");
      return "pure JavaScript";
  }
}

async function describeWasm(): Promise<string> {
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const { getThreadsCount } = await import("@tensorflow/tfjs-backend-wasm");
  const threads = getThreadsCount();
  return `${simd ? "SIMD" : "no SIMD"}, ${threads} thread${threads === 1 ? "" : "s"}`;
}

/**
 * Starts the first backend of `prefer` that works and makes it TensorFlow.js's backend. In Node:
 * the native `tensorflow` backend when the user has installed `@tensorflow/tfjs-node` (detected by
 * a dynamic import that may fail), else `wasm` (XNNPACK, SIMD where supported), else `cpu`. In a
 * browser: `webgpu` and `webgl` when the app has imported their packages (lrkit does not, to keep
 * bundles small), else `wasm`, else `cpu`. For wasm and cpu it first registers lrkit's training
 * kernels (see {@link registerLrkitKernels}; without them the wasm backend cannot train a
 * convolutional network at all), on TensorFlow.js's single-threaded wasm build.
 *
 * @param options - the order to try, whether to register the kernels (default true), and in a
 *   browser where the wasm binaries are served.
 * @returns the backend picked, a one-sentence reason, every attempt, and the kernels registered.
 * @throws RangeError for an unknown or empty `prefer`; Error when no backend of `prefer` starts.
 * @example
 * ```ts
 * const { backend, reason } = await setupBackend();
 * console.log(reason);
 * // Node: "wasm (SIMD, 1 thread), because tensorflow is unavailable (@tensorflow/tfjs-node is not installed: ...)"
 * // a browser: "webgl, the first choice" (with `import "@tensorflow/tfjs-backend-webgl"` in the app)
 * ```
 */
export async function setupBackend(options: SetupBackendOptions = {}): Promise<BackendReport> {
  const prefer =
    options.prefer ?? (inNode() ? ["tensorflow", "wasm", "cpu"] : ["webgpu", "webgl", "wasm", "cpu"]);
  if (!Array.isArray(prefer) || prefer.length === 0 || prefer.some((b) => !ALL.includes(b)))
    throw new RangeError(
      `setupBackend: prefer must be a non-empty list of ${ALL.map((b) => `"${b}"`).join(", ")}, got ${JSON.stringify(prefer)}`,
    );
  const attempts: BackendAttempt[] = [];
  for (const backend of prefer) {
    try {
      let detail = await load(backend, options);
      const kernels =
        options.kernels !== false && (backend === "wasm" || backend === "cpu")
          ? registerLrkitKernels(backend)
          : [];
      if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend("${backend}") failed`);
      await tf.ready();
      if (backend === "wasm") detail = await describeWasm();
      // The cpu backend's first tensor prints a banner recommending tfjs-node; the reason says it.
      if (backend === "cpu") (tf.backend() as { firstUse?: boolean }).firstUse = false;
      attempts.push({ backend, ok: true, detail });
      const failed = attempts.filter((a) => !a.ok).map((a) => `${a.backend} is unavailable (${a.detail})`);
      const how = detail ? ` (${detail})` : "";
      const reason = `${backend}${how}, ${failed.length ? `because ${failed.join(" and ")}` : "the first choice"}`;
      return { backend, reason, attempts, kernels };
    } catch (e) {
      // ERR_MODULE_NOT_FOUND from import(), MODULE_NOT_FOUND from a CommonJS require inside it.
      const missing = /MODULE_NOT_FOUND$/.test((e as { code?: string } | null)?.code ?? "");
      const detail =
        backend !== "tensorflow"
          ? message(e)
          : `@tensorflow/tfjs-node ${missing ? "is not installed" : "failed to load"}: ${message(e)}`;
      attempts.push({ backend, ok: false, detail });
    }
  }
  throw new Error(
    `setupBackend: no backend could start (${attempts.map((a) => `${a.backend}: ${a.detail}`).join("; ")})`,
  );
}
