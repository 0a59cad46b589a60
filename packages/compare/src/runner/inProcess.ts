/**
 * The runs of a compare one after another in the calling thread: for an experiment given as
 * functions, which cannot be sent to a worker thread.
 *
 * @module
 */
import { getBackend } from "@tensorflow/tfjs-core";
import type { Experiment } from "../experiment/experiment.js";
import { probeExperiment } from "../experiment/probe.js";
import { chooseBackend } from "./backend.js";
import { poolProgress, type PoolListener, type PoolProgress, type PoolResult, type PoolRun } from "./pool.js";
import type { RunSetup } from "./protocol.js";
import { trainRun } from "./trainRun.js";

/**
 * Trains `runs` one after another in this thread, every run from the initial weights of the
 * experiment's first model, with the same records and events as the worker pool.
 *
 * @param setup - its `backend` is set up only when named ("wasm", "cpu", "tensorflow"); with
 *   "auto" the runs use whatever backend TensorFlow.js has in this thread.
 */
export async function runInProcess(
  experiment: Experiment,
  setup: RunSetup,
  runs: readonly PoolRun[],
  options: {
    readonly signal?: AbortSignal;
    readonly listener?: PoolListener;
    readonly progress?: PoolProgress;
  } = {},
): Promise<PoolResult> {
  const listener = options.listener ?? {};
  const progress = options.progress ?? poolProgress(runs.length);
  const picked =
    setup.backend === "auto"
      ? { backend: getBackend(), reason: "the calling thread's TensorFlow.js backend" }
      : await chooseBackend(setup.backend);
  const probe = await probeExperiment(experiment, setup);
  Object.assign(progress, { backend: { backend: picked.backend, reason: picked.reason }, probe });
  listener.ready?.(0, picked.backend, picked.reason);
  for (const [index, run] of runs.entries()) {
    if (options.signal?.aborted) break;
    const record = Object.assign(progress.runs[index]!, { status: "running", worker: 0 });
    listener.started?.(index, 0);
    try {
      const end = await trainRun(
        experiment,
        setup,
        { ...run, weights: probe.weights },
        {
          started: (weightsSha256, parameters) => Object.assign(record, { weightsSha256, parameters }),
          batch: (e) => listener.batch?.(index, e),
          epoch: (summary, firstBatchLoss) => {
            record.epochs.push(summary);
            if (firstBatchLoss !== undefined) record.firstBatchLoss = firstBatchLoss;
            listener.epoch?.(index, summary);
          },
        },
        options.signal,
      );
      Object.assign(record, {
        status: end.stopped,
        seconds: end.seconds,
        examplesPerSecond: end.examplesPerSecond,
      });
    } catch (e) {
      Object.assign(record, { status: "failed", error: (e as Error).stack ?? String(e) });
    }
    listener.finished?.(index, record);
  }
  return { ...progress, workers: 0 };
}
