/**
 * The coordinator of a queue probes the experiment once, as a pool's worker does, in a training
 * thread of its own (the pool's `runner/worker.ts`), which it then ends: its own thread sets up no
 * TensorFlow.js backend and builds no model.
 *
 * @module
 */
import type { Probe } from "../experiment/probe.js";
import type { FromWorker, WorkerStart } from "../runner/protocol.js";
import { startWorker } from "../runner/startWorker.js";

/** What a probe in a thread found, and on which backend. */
export interface ThreadProbe {
  readonly backend: string;
  readonly reason: string;
  readonly probe: Probe;
}

/**
 * Starts a training thread from `start`, waits for its probe of the experiment, and ends it.
 *
 * @throws Error with the thread's reason when it cannot set up.
 */
export function probeInThread(start: WorkerStart): Promise<ThreadProbe> {
  const worker = startWorker(start);
  return new Promise<ThreadProbe>((resolve, reject) => {
    worker.on("message", (m: FromWorker) => {
      if (m.type === "ready") resolve({ backend: m.backend, reason: m.reason, probe: m.probe });
      else if (m.type === "failed" && m.index === null) reject(new Error(m.message));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the probing thread exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}
