/**
 * The runs of a compare one after another in the calling thread: for an experiment given as
 * functions, which cannot be sent to a worker thread.
 *
 * @module
 */
import { getBackend } from "@tensorflow/tfjs-core";
import type { CheckpointStore } from "../checkpoint/store.js";
import type { Experiment } from "../experiment/experiment.js";
import { probeExperiment } from "../experiment/probe.js";
import type { HalvingOptions } from "../halving/successiveHalving.js";
import { chooseBackend } from "./backend.js";
import {
  poolProgress,
  probed,
  type PoolListener,
  type PoolProgress,
  type PoolResult,
  type PoolRun,
} from "./pool.js";
import type { RunSetup } from "./protocol.js";
import { segmentEnded, segmentResumed, type SegmentEnd } from "./segments.js";
import { trainRun } from "./trainRun.js";

/**
 * Trains `runs` one after another in this thread (segment after segment with successive halving),
 * every run from the initial weights of the experiment's first model or its newest checkpoint, with
 * the same records and events as the worker pool.
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
    readonly halving?: HalvingOptions;
    /**
     * Where the runs' checkpoints go, the experiment's hash and each run's key (`onlyAtSegmentEnd`:
     * after each segment's last epoch only, for a store nothing else reads).
     */
    readonly checkpoints?: {
      readonly store: CheckpointStore;
      readonly experiment: string;
      readonly keys: readonly string[];
      readonly onlyAtSegmentEnd?: boolean;
    };
  } = {},
): Promise<PoolResult> {
  const listener = options.listener ?? {};
  const progress = options.progress ?? poolProgress(runs.length);
  const picked =
    setup.backend === "auto"
      ? { backend: getBackend(), reason: "the calling thread's TensorFlow.js backend" }
      : await chooseBackend(setup.backend);
  const probe = await probeExperiment(experiment, setup);
  progress.backend = { backend: picked.backend, reason: picked.reason };
  const plan = probed(progress, probe, setup.epochs, options.halving);
  listener.ready?.(0, picked.backend, picked.reason);
  const queue = plan.first();
  for (let segment = queue.shift(); segment && !options.signal?.aborted; segment = queue.shift()) {
    const index = segment.run;
    const record = progress.runs[index]!;
    if (record.status !== "running") {
      Object.assign(record, { status: "running", worker: 0 });
      listener.started?.(index, 0);
    }
    const c = options.checkpoints;
    let end: SegmentEnd;
    try {
      end = await trainRun(
        experiment,
        setup,
        { ...runs[index]!, weights: probe.weights },
        {
          started: (weightsSha256, parameters) => Object.assign(record, { weightsSha256, parameters }),
          batch: (e) => listener.batch?.(index, e),
          epoch: (summary, firstBatchLoss) => {
            record.epochs.push(summary);
            if (firstBatchLoss !== undefined) record.firstBatchLoss = firstBatchLoss;
            listener.epoch?.(index, summary);
          },
          resumed: (from) => segmentResumed(progress, index, from),
        },
        options.signal,
        c && {
          store: c.store,
          experiment: c.experiment,
          key: c.keys[index]!,
          ...(c.onlyAtSegmentEnd ? { onlyAtSegmentEnd: true } : {}),
        },
        segment.untilEpoch,
      );
    } catch (e) {
      end = { failed: (e as Error).stack ?? String(e) };
    }
    queue.push(...segmentEnded(progress, plan, setup.epochs, index, end, listener));
  }
  return { ...progress, workers: 0 };
}
