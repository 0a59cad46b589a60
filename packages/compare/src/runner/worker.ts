/**
 * The training worker of a compare (a node:worker_threads entry, one TensorFlow.js instance per
 * worker): sets up the backend, loads the experiment module and probes it, then trains the runs
 * the main thread sends (runs, or segments of runs continued from their checkpoints), one at a
 * time, reporting progress. An "abort" message stops the current
 * run before its next update (its finished epochs have been reported).
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { directoryStore } from "../checkpoint/directoryStore.js";
import { loadExperiment } from "../experiment/loadExperiment.js";
import { probeExperiment } from "../experiment/probe.js";
import { chooseBackend } from "./backend.js";
import type { FromWorker, ToWorker, WorkerStart } from "./protocol.js";
import { trainRun } from "./trainRun.js";

/** Batch progress is posted at most this often (ms); epochs are always posted. */
const BATCH_INTERVAL = 100;

const port = parentPort;
if (!port) throw new Error("lrkit compare worker: not started as a worker thread");
const start = workerData as WorkerStart;
const post = (m: FromWorker) => port.postMessage(m);
const controller = new AbortController();

// Listen before the (slow) setup so that an early "abort" is not lost; runs arrive after "ready".
const runs: Extract<ToWorker, { type: "run" }>[] = [];
let wake: (() => void) | undefined;
port.on("message", (m: ToWorker) => {
  if (m.type === "abort") controller.abort();
  else runs.push(m);
  wake?.();
});

try {
  const picked = await chooseBackend(start.setup.backend);
  const experiment = await loadExperiment(start.module, start.moduleOptions);
  const probe = await probeExperiment(experiment, start.setup);
  post({ type: "ready", backend: picked.backend, reason: picked.reason, probe });
  for (;;) {
    if (runs.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const run = runs.shift();
    if (!run) continue;
    const { index, checkpoints } = run;
    let last = 0;
    try {
      const end = await trainRun(
        experiment,
        start.setup,
        run,
        {
          started: (weightsSha256, parameters) => post({ type: "started", index, weightsSha256, parameters }),
          batch: (e) => {
            const now = performance.now();
            if (now - last < BATCH_INTERVAL && (e.batches === undefined || e.batch + 1 < e.batches)) return;
            last = now;
            post({ type: "batch", index, ...e });
          },
          epoch: (record, firstBatchLoss) =>
            post({
              type: "epoch",
              index,
              record,
              ...(firstBatchLoss !== undefined ? { firstBatchLoss } : {}),
            }),
          resumed: (from) => post({ type: "resumed", index, ...from }),
        },
        controller.signal,
        checkpoints && { ...checkpoints, store: directoryStore(checkpoints.dir) },
        run.untilEpoch,
      );
      post({
        type: "done",
        index,
        stopped: end.stopped,
        epochs: end.epochs,
        seconds: end.seconds,
        examplesPerSecond: end.examplesPerSecond,
      });
    } catch (e) {
      post({ type: "failed", index, message: (e as Error).stack ?? String(e) });
    }
  }
} catch (e) {
  post({ type: "failed", index: null, message: (e as Error).message ?? String(e) });
}
