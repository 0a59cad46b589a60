/**
 * The page's side of the Train panel's worker: requests as promises, progress as callbacks, and a
 * stop for the request running.
 *
 * @module
 */
import type { Progress, Reply, Request } from "./protocol.js";

/** A request without its id (the client numbers them). */
type Ask = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

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
    { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: Progress) => void }
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
  const post = (request: Ask, transfer: Transferable[] = []) => {
    const id = next++;
    worker.postMessage({ ...request, id }, transfer);
    return id;
  };
  return {
    ask<T>(request: Ask, onProgress?: (p: Progress) => void): Pending<T> {
      let id = 0;
      const answer = new Promise<T>((resolve, reject) => {
        const transfer = request.type === "csvRead" ? [request.bytes] : [];
        id = next;
        waiting.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          ...(onProgress ? { progress: onProgress } : {}),
        });
        post(request, transfer);
      });
      return { id, answer, stop: () => void post({ type: "stop", target: id }) };
    },
  };
}
