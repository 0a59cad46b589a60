/**
 * Runs the runs of a compare on a pool of worker threads: each worker sets up its own TensorFlow.js
 * backend, loads the experiment module and probes it once, then trains one run segment after
 * another from a shared queue, every run from the initial weights of the first worker's probe or
 * from its newest checkpoint. A segment is a whole run, or with successive halving the epochs up to
 * the next rung (a worker waits while a rung is being decided). Epochs are kept as they arrive, in
 * a {@link PoolProgress} the caller can read at any time, so an interrupted run keeps its finished
 * epochs.
 *
 * @module
 */
import type { Worker } from "node:worker_threads";
import type { ScheduleSpec } from "lrkit";
import type { DamagedCheckpoint } from "../checkpoint/newestCheckpoint.js";
import type { Probe } from "../experiment/probe.js";
import { segmentPlan, type Segment, type SegmentPlan } from "../halving/segmentPlan.js";
import type { HalvingOptions } from "../halving/successiveHalving.js";
import { headlineOf } from "../results/metrics.js";
import type { EpochSummary } from "../results/schema.js";
import type { BatchEvent, FromWorker, ToWorker, WorkerStart } from "./protocol.js";
import { segmentEnded, segmentResumed } from "./segments.js";
import { startWorker } from "./startWorker.js";

/** One run for the pool: a schedule and its unit. */
export interface PoolRun {
  readonly spec: ScheduleSpec;
  readonly unit: "epoch" | "batch";
}

/** What became of a run. */
export interface RunRecord {
  /**
   * completed; aborted (stopped by a signal; finished epochs kept); failed; skipped (never
   * started); pruned (stopped at a rung by successive halving); running (under way).
   */
  status: "completed" | "aborted" | "failed" | "skipped" | "pruned" | "running";
  /** The epochs trained when successive halving stopped it. */
  prunedAfter?: number;
  /** The epochs finished before, when it continued from a checkpoint of an earlier compare. */
  resumedFrom?: number;
  /** Checkpoints found damaged and passed over (it continued from an older one, or from scratch). */
  damaged?: DamagedCheckpoint[];
  /** The finished epochs. */
  readonly epochs: EpochSummary[];
  /** SHA-256 of the initial weights: the same for every run of a compare. */
  weightsSha256?: string;
  /** The number of weights. */
  parameters?: number;
  /** The loss of the first update, before any change to the weights. */
  firstBatchLoss?: number;
  /** Wall seconds of the run. */
  seconds?: number;
  /** Training examples per second (updates only). */
  examplesPerSecond?: number;
  /** Why it failed. */
  error?: string;
  /** The worker that ran it, from 0. */
  worker?: number;
}

/** Progress of the pool, as it happens. */
export interface PoolListener {
  /** A worker is set up. */
  readonly ready?: (worker: number, backend: string, reason: string) => void;
  /** A run has started on a worker. */
  readonly started?: (run: number, worker: number) => void;
  /** A run made updates (throttled by the worker). */
  readonly batch?: (run: number, e: BatchEvent) => void;
  /** A run finished an epoch. */
  readonly epoch?: (run: number, record: EpochSummary) => void;
  /** A run ended (completed, aborted or failed). */
  readonly finished?: (run: number, record: RunRecord) => void;
}

/** The runs as they go: filled in by {@link runPool} (and `runInProcess`), readable at any time. */
export interface PoolProgress {
  /** One record per run, in the order given. */
  readonly runs: RunRecord[];
  /** The backend of the first worker that started, and why it was picked. */
  backend: { readonly backend: string; readonly reason: string } | null;
  /** The first worker's probe of the experiment (null until one is set up). */
  probe: Probe | null;
  /** The value that ranks the runs (known once the experiment is probed). */
  headline: string;
  /** The segments of the runs (null until the experiment is probed). */
  plan: SegmentPlan | null;
}

/** A progress of `runs` runs, none started. */
export function poolProgress(runs: number): PoolProgress {
  return {
    runs: Array.from({ length: runs }, () => ({ status: "skipped", epochs: [] })),
    backend: null,
    probe: null,
    headline: "loss",
    plan: null,
  };
}

/** Sets the probe, the headline and the plan of `progress` (once, at the first probe). */
export function probed(
  progress: PoolProgress,
  probe: Probe,
  epochs: number,
  halving: HalvingOptions | undefined,
): SegmentPlan {
  if (progress.plan) return progress.plan;
  const headline = headlineOf(probe.metrics);
  return Object.assign(progress, {
    probe,
    headline,
    plan: segmentPlan(progress.runs.length, epochs, headline, halving),
  }).plan;
}

/** Options of {@link runPool}. */
export interface PoolOptions {
  /** Worker threads (at most one per run). */
  readonly workers: number;
  /** Stops cleanly: each worker stops its run before the next update; no new run starts. */
  readonly signal?: AbortSignal;
  /** Stops at once: the workers are terminated (finished epochs are kept). */
  readonly kill?: AbortSignal;
  readonly listener?: PoolListener;
  /** Where the runs are recorded as they go (one record per run). Defaults to a new one. */
  readonly progress?: PoolProgress;
  /** Successive halving of the runs. Defaults to none: every run trains every epoch. */
  readonly halving?: HalvingOptions;
  /**
   * A directory (every worker writes and reads it) for the runs' checkpoints after every epoch,
   * the experiment's hash, and each run's key; a run continues from its newest checkpoint there.
   * `onlyAtSegmentEnd`: after each segment's last epoch only (a directory nothing else reads).
   */
  readonly checkpoints?: {
    readonly dir: string;
    readonly experiment: string;
    readonly keys: readonly string[];
    readonly onlyAtSegmentEnd?: boolean;
  };
}

/** What {@link runPool} returns: the progress at the end, and the worker threads used. */
export interface PoolResult extends Readonly<PoolProgress> {
  /** Worker threads used. */
  readonly workers: number;
}

/**
 * Trains `runs` on `options.workers` worker threads, each started from `start`.
 *
 * @throws Error when no worker could set up (the first one's message says why).
 */
export function runPool(
  start: WorkerStart,
  runs: readonly PoolRun[],
  options: PoolOptions,
): Promise<PoolResult> {
  const count = Math.max(1, Math.min(options.workers, runs.length));
  const listener = options.listener ?? {};
  const progress = options.progress ?? poolProgress(runs.length);
  const records = progress.runs;
  const epochs = start.setup.epochs;
  const queue: Segment[] = [];
  const setupErrors: string[] = [];
  const stopping = () => options.signal?.aborted === true || options.kill?.aborted === true;
  if (stopping()) return Promise.resolve({ ...progress, workers: 0 });

  return new Promise<PoolResult>((resolve, reject) => {
    let running = count;
    let busy = 0;
    const pool: { worker: Worker; exited: boolean }[] = [];
    // Workers with nothing to do while a rung is being decided, and what wakes them.
    const idle: (() => void)[] = [];
    const wake = () => idle.splice(0).forEach((next) => next());
    const onAbort = () => {
      for (const p of pool) if (!p.exited) p.worker.postMessage({ type: "abort" } satisfies ToWorker);
      wake();
    };
    const onKill = () => {
      for (const p of pool) void p.worker.terminate();
    };
    options.signal?.addEventListener("abort", onAbort);
    options.kill?.addEventListener("abort", onKill);
    const finish = () => {
      options.signal?.removeEventListener("abort", onAbort);
      options.kill?.removeEventListener("abort", onKill);
      if (progress.backend === null && setupErrors.length > 0) reject(new Error(setupErrors[0]));
      else resolve({ ...progress, workers: count });
    };

    for (let w = 0; w < count; w++) {
      const worker = startWorker(start);
      const slot = { worker, exited: false };
      pool.push(slot);
      let current: number | undefined;
      const ended = (end: Parameters<typeof segmentEnded>[4]) => {
        if (current === undefined) return;
        const run = current;
        current = undefined;
        busy--;
        queue.push(...segmentEnded(progress, progress.plan!, epochs, run, end, listener));
        wake();
      };
      const next = () => {
        const segment = stopping() ? undefined : queue.shift();
        if (segment === undefined) {
          // Others may still reach a rung whose survivors need a worker.
          if (!stopping() && busy > 0) idle.push(next);
          else {
            void worker.terminate();
            wake();
          }
          return;
        }
        const index = segment.run;
        current = index;
        busy++;
        if (records[index]!.status !== "running") {
          Object.assign(records[index]!, { status: "running", worker: w });
          listener.started?.(index, w);
        }
        const { spec, unit } = runs[index]!;
        const weights = progress.probe!.weights;
        const checkpoints = options.checkpoints && {
          dir: options.checkpoints.dir,
          experiment: options.checkpoints.experiment,
          key: options.checkpoints.keys[index]!,
          ...(options.checkpoints.onlyAtSegmentEnd ? { onlyAtSegmentEnd: true } : {}),
        };
        worker.postMessage({
          type: "run",
          index,
          spec,
          unit,
          weights,
          untilEpoch: segment.untilEpoch,
          ...(checkpoints ? { checkpoints } : {}),
        } satisfies ToWorker);
      };
      worker.on("message", (m: FromWorker) => {
        switch (m.type) {
          case "ready":
            progress.backend ??= { backend: m.backend, reason: m.reason };
            if (!progress.plan) queue.push(...probed(progress, m.probe, epochs, options.halving).first());
            listener.ready?.(w, m.backend, m.reason);
            next();
            break;
          case "started":
            Object.assign(records[m.index]!, { weightsSha256: m.weightsSha256, parameters: m.parameters });
            break;
          case "resumed":
            segmentResumed(progress, m.index, m);
            break;
          case "batch":
            listener.batch?.(m.index, m);
            break;
          case "epoch":
            records[m.index]!.epochs.push(m.record);
            if (m.firstBatchLoss !== undefined) records[m.index]!.firstBatchLoss = m.firstBatchLoss;
            listener.epoch?.(m.index, m.record);
            break;
          case "done":
            ended(m);
            next();
            break;
          case "failed":
            if (m.index === null) {
              setupErrors.push(m.message);
              void worker.terminate();
            } else {
              ended({ failed: m.message });
              next();
            }
            break;
        }
      });
      worker.on("error", (e) => {
        if (current === undefined) setupErrors.push(e.stack ?? e.message);
        else ended({ failed: e.stack ?? e.message });
      });
      worker.on("exit", () => {
        slot.exited = true;
        // Terminated mid-run (a second Ctrl-C): the finished epochs stay.
        if (options.kill?.aborted) ended({ stopped: "aborted", epochs: 0, seconds: 0, examplesPerSecond: 0 });
        else ended({ failed: "the worker exited during the run" });
        if (--running === 0) finish();
        else wake();
      });
    }
  });
}
