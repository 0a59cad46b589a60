/**
 * One call that picks the fastest TensorFlow.js backend available and says why.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { registerLrkitKernels } from "./kernels/registerKernels.js";

/** The backends {@link setupBackend} knows, fastest first. */
export type BackendName = "tensorflow" | "wasm" | "cpu";

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
   * `["tensorflow", "wasm", "cpu"]`.
   */
  readonly prefer?: readonly BackendName[];
  /** Register lrkit's training kernels for wasm and cpu. Defaults to true. */
  readonly kernels?: boolean;
}

const ALL: readonly BackendName[] = ["tensorflow", "wasm", "cpu"];

const message = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0]! : String(e));

/** Loads a backend package; the native one is optional, so its name is not a static import. */
async function load(backend: BackendName): Promise<string> {
  if (backend === "tensorflow") {
    const specifier = "@tensorflow/tfjs-node";
    await import(specifier);
    return "native TensorFlow via @tensorflow/tfjs-node";
  }
  if (backend === "wasm") {
    await import("@tensorflow/tfjs-backend-wasm");
    return "";
  }
  await import("@tensorflow/tfjs-backend-cpu");
  return "pure JavaScript";
}

async function describeWasm(): Promise<string> {
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const { getThreadsCount } = await import("@tensorflow/tfjs-backend-wasm");
  const threads = getThreadsCount();
  return `${simd ? "SIMD" : "no SIMD"}, ${threads} thread${threads === 1 ? "" : "s"}`;
}

/**
 * Starts the first backend of `prefer` that works and makes it TensorFlow.js's backend: the
 * native `tensorflow` backend when the user has installed `@tensorflow/tfjs-node` (detected by a
 * dynamic import that may fail), else `wasm` (XNNPACK, SIMD where supported), else `cpu`. For wasm
 * and cpu it first registers lrkit's training kernels (see {@link registerLrkitKernels}): without
 * them the wasm backend cannot train a convolutional network at all.
 *
 * @param options - the order to try (default tensorflow, wasm, cpu) and whether to register the
 *   kernels (default true).
 * @returns the backend picked, a one-sentence reason, every attempt, and the kernels registered.
 * @throws RangeError for an unknown or empty `prefer`; Error when no backend of `prefer` starts.
 * @example
 * ```ts
 * const { backend, reason } = await setupBackend();
 * console.log(reason);
 * // "wasm (SIMD, 1 thread), because tensorflow is unavailable (@tensorflow/tfjs-node is not installed: ...)"
 * ```
 */
export async function setupBackend(options: SetupBackendOptions = {}): Promise<BackendReport> {
  const prefer = options.prefer ?? ALL;
  if (!Array.isArray(prefer) || prefer.length === 0 || prefer.some((b) => !ALL.includes(b)))
    throw new RangeError(
      `setupBackend: prefer must be a non-empty list of "tensorflow", "wasm", "cpu", got ${JSON.stringify(prefer)}`,
    );
  const attempts: BackendAttempt[] = [];
  for (const backend of prefer) {
    try {
      let detail = await load(backend);
      const kernels =
        options.kernels !== false && backend !== "tensorflow" ? registerLrkitKernels(backend) : [];
      if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend("${backend}") failed`);
      await tf.ready();
      if (backend === "wasm") detail = await describeWasm();
      // The cpu backend's first tensor prints a banner recommending tfjs-node; the reason says it.
      if (backend === "cpu") (tf.backend() as { firstUse?: boolean }).firstUse = false;
      attempts.push({ backend, ok: true, detail });
      const failed = attempts.filter((a) => !a.ok).map((a) => `${a.backend} is unavailable (${a.detail})`);
      const reason = `${backend} (${detail}), ${failed.length ? `because ${failed.join(" and ")}` : "the first choice"}`;
      return { backend, reason, attempts, kernels };
    } catch (e) {
      const missing = (e as { code?: string } | null)?.code === "ERR_MODULE_NOT_FOUND";
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
