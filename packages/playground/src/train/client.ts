/**
 * The page's side of the Train panel's worker: requests as promises, progress as callbacks, and a
 * stop for the request running.
 *
 * @module
 */
import type { Progress, Reply, Request } from "./protocol.js";

/** `R` without its id, member by member of a union. */
type WithoutId<R> = R extends unknown ? Omit<R, "id"> : never;

/** A request without its id (the client numbers them). */
type Ask = WithoutId<Request>;

/** A request under way: its answer, and how to stop it. */
export interface Pending<T> {
  readonly id: number;
  readonly answer: Promise<T>;
  /** Asks the worker to abort the request (it answers with what it has, the model restored). */
  stop(): void;
}

/** The worker, started on first use. */
export interface TrainClient {
  /** Sends a request; `onProgress` receives its progress events. */
  ask<T>(request: Ask, onProgress?: (p: Progress) => void): Pending<T>;
}

/** Starts the worker (Vite bundles worker.ts and its TensorFlow.js into their own files). */
export function trainClient(): TrainClient {
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "lrkit-train" });
  const waiting = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      progress: ((p: Progress) => void) | undefined;
    }
  >();
  let next = 1;
  worker.onmessage = (e: MessageEvent<Reply>) => {
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    if (reply.type === "progress") w.progress?.(reply.progress);
    else {
      waiting.delete(reply.id);
      if (reply.type === "done") w.resolve(reply.value);
      else w.reject(new Error(reply.message));
    }
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(`the training worker failed: ${e.message}`));
    waiting.clear();
  };
  return {
    ask<T>(request: Ask, onProgress?: (p: Progress) => void): Pending<T> {
      const id = next++;
      const answer = new Promise<T>((resolve, reject) =>
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress: onProgress }),
      );
      // A CSV file's bytes move to the worker rather than being copied.
      worker.postMessage({ ...request, id }, request.type === "csvRead" ? [request.bytes] : []);
      return { id, answer, stop: () => worker.postMessage({ type: "stop", target: id, id: next++ }) };
    },
  };
}
