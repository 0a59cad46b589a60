/**
 * Runs the runs of a compare on a pool of worker threads: each worker sets up its own TensorFlow.js
 * backend, loads the experiment module and probes it once, then trains one run after another from
 * a shared queue, every run from the initial weights of the first worker's probe. Epochs are kept
 * as they arrive, in a {@link PoolProgress} the caller can read at any time, so an interrupted run
 * keeps its finished epochs.
 *
 * @module
 */
import type { Worker } from "node:worker_threads";
import type { ScheduleSpec } from "lrkit";
import type { Probe } from "../experiment/probe.js";
import type { EpochSummary } from "../results/schema.js";
import type { BatchEvent, FromWorker, ToWorker, WorkerStart } from "./protocol.js";
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
   * started); running (under way).
   */
  status: "completed" | "aborted" | "failed" | "skipped" | "running";
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
}

/** A progress of `runs` runs, none started. */
export function poolProgress(runs: number): PoolProgress {
  return {
    runs: Array.from({ length: runs }, () => ({ status: "skipped", epochs: [] })),
    backend: null,
    probe: null,
  };
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
  const queue = runs.map((_, i) => i);
  const setupErrors: string[] = [];
  const stopping = () => options.signal?.aborted === true || options.kill?.aborted === true;
  if (stopping()) return Promise.resolve({ ...progress, workers: 0 });

  return new Promise<PoolResult>((resolve, reject) => {
    let running = count;
    const pool: { worker: Worker; exited: boolean }[] = [];
    const onAbort = () => {
      for (const p of pool) if (!p.exited) p.worker.postMessage({ type: "abort" } satisfies ToWorker);
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
      const end = (status: RunRecord["status"], patch: Partial<RunRecord> = {}) => {
        if (current === undefined) return;
        const record = Object.assign(records[current]!, { status }, patch);
        const run = current;
        current = undefined;
        listener.finished?.(run, record);
      };
      const next = () => {
        const index = stopping() ? undefined : queue.shift();
        if (index === undefined) {
          void worker.terminate();
          return;
        }
        current = index;
        Object.assign(records[index]!, { status: "running", worker: w });
        listener.started?.(index, w);
        const { spec, unit } = runs[index]!;
        const weights = progress.probe!.weights;
        worker.postMessage({ type: "run", index, spec, unit, weights } satisfies ToWorker);
      };
      worker.on("message", (m: FromWorker) => {
        switch (m.type) {
          case "ready":
            progress.backend ??= { backend: m.backend, reason: m.reason };
            progress.probe ??= m.probe;
            listener.ready?.(w, m.backend, m.reason);
            next();
            break;
          case "started":
            Object.assign(records[m.index]!, { weightsSha256: m.weightsSha256, parameters: m.parameters });
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
            end(m.stopped, { seconds: m.seconds, examplesPerSecond: m.examplesPerSecond });
            next();
            break;
          case "failed":
            if (m.index === null) {
              setupErrors.push(m.message);
              void worker.terminate();
            } else {
              end("failed", { error: m.message });
              next();
            }
            break;
        }
      });
      worker.on("error", (e) => {
        if (current === undefined) setupErrors.push(e.stack ?? e.message);
        else end("failed", { error: e.stack ?? e.message });
      });
      worker.on("exit", () => {
        slot.exited = true;
        // Terminated mid-run (a second Ctrl-C): the finished epochs stay.
        if (options.kill?.aborted) end("aborted");
        else end("failed", { error: "the worker exited during the run" });
        if (--running === 0) finish();
      });
    }
  });
}
