/**
 * The coordinator of a compare on a Redis queue (BullMQ): probes the experiment once in a thread
 * of its own, keeps the initial weights in Redis, enqueues one job per run and follows them
 * through BullMQ's queue events, filling in the same {@link PoolProgress} as the worker-thread
 * pool, so that results, report and live progress are those of a local compare. Workers
 * (`serveQueue`, `lrkit worker`) on any machine train the runs.
 *
 * Every few seconds, and whenever its Redis connection comes back, the coordinator checks its
 * jobs: a run whose job Redis lost (a restart without persistence) is enqueued again, and a job
 * that ended while its event was missed is taken from Redis. The workers return every epoch of a
 * run with its job, so that an event lost meanwhile loses no epoch.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { Queue, QueueEvents, type Job, type QueueEventsListener } from "bullmq";
import { Redis } from "ioredis";
import type { EpochSummary } from "../results/schema.js";
import {
  poolProgress,
  type PoolListener,
  type PoolProgress,
  type PoolResult,
  type PoolRun,
  type RunRecord,
} from "../runner/pool.js";
import type { WorkerStart } from "../runner/protocol.js";
import { checkReachable, redisOptions } from "./connection.js";
import { resolvedExperimentHash } from "./resolvedExperimentHash.js";
import {
  QUEUE_NAME,
  REFUSED_EVENT,
  weightsKey,
  type RefusedEvent,
  type RunJob,
  type RunJobResult,
  type RunProgressEvent,
} from "./jobs.js";
import { probeInThread } from "./probeInThread.js";
import { encodeWeights } from "./weights.js";

/** Progress of a queued compare: the pool's, and what happens to the queue. */
export interface QueueListener extends PoolListener {
  /** A line about the queue: a worker refused the experiment, a run stalled, Redis reconnected. */
  readonly notice?: (message: string) => void;
}

/** Options of {@link runQueue}. */
export interface QueueRunOptions {
  /** The queue's Redis, `redis://HOST:PORT`. */
  readonly url: string;
  /**
   * What the workers resolve into the experiment module (their `resolve` option). Defaults to
   * `{ module, moduleOptions }` of the start: the same module URL on every machine.
   */
  readonly source?: unknown;
  /** Stops: the queued runs are withdrawn, the runs under way are recorded as aborted. */
  readonly signal?: AbortSignal;
  readonly listener?: QueueListener;
  /** Where the runs are recorded as they go. Defaults to a new one. */
  readonly progress?: PoolProgress;
  /** How often the jobs are checked in Redis (ms). Defaults to 3,000. */
  readonly checkEvery?: number;
}

/** The custom event of a refusing worker. */
interface RefusedListener extends QueueEventsListener {
  [REFUSED_EVENT]: (e: RefusedEvent) => void;
}

/** A run with its name, for the jobs. */
export interface QueueRun extends PoolRun {
  readonly name: string;
}

/** Puts epoch `summary` into `record`, in place of one with the same number (a run resumed elsewhere). */
function keepEpoch(record: RunRecord, summary: EpochSummary): void {
  const at = record.epochs.findIndex((e) => e.epoch === summary.epoch);
  if (at >= 0) record.epochs[at] = summary;
  else record.epochs.push(summary);
}

/**
 * Trains `runs` on the workers of the queue at `options.url` and returns the progress at the end.
 *
 * @throws QueueError when nothing answers at the URL (before anything is enqueued); Error when the
 *   experiment cannot be set up here (the module's error).
 */
export async function runQueue(
  start: WorkerStart,
  runs: readonly QueueRun[],
  options: QueueRunOptions,
): Promise<PoolResult> {
  const listener = options.listener ?? {};
  const progress = options.progress ?? poolProgress(runs.length);
  const records = progress.runs;
  if (options.signal?.aborted) return { ...progress, workers: 0 };
  await checkReachable(options.url);
  const probing = await probeInThread(start);
  const probe = probing.probe;
  Object.assign(progress, { probe, backend: { backend: probing.backend, reason: probing.reason } });
  const hash = resolvedExperimentHash(start, probe);

  const comparison = randomUUID();
  const connection = redisOptions(options.url);
  const redis = new Redis({ ...connection, maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Each reconnects by itself; a lost connection is noticed below.
  redis.on("error", () => {});
  queue.on("error", () => {});
  events.on("error", () => {});
  const weights = encodeWeights(probe.weights);
  const jobId = (index: number) => `${comparison}-${index}`;
  const indexOf = (id: string) =>
    id.startsWith(`${comparison}-`) ? Number(id.slice(comparison.length + 1)) : undefined;
  const job = (index: number) => {
    const run = runs[index]!;
    const data: RunJob = {
      comparison,
      source: options.source ?? { module: start.module, moduleOptions: start.moduleOptions ?? null },
      setup: start.setup,
      experimentHash: hash,
      untilEpoch: start.setup.epochs,
      index,
      name: run.name,
      spec: run.spec,
      unit: run.unit,
    };
    return { name: run.name, data, opts: { jobId: jobId(index), attempts: 1 } };
  };
  const workers = new Map<string, number>();
  const workerOf = (name: string) => {
    if (!workers.has(name)) workers.set(name, workers.size);
    return workers.get(name)!;
  };
  let left = runs.length;
  let done: () => void = () => {};
  const ended = new Promise<void>((resolve) => (done = resolve));
  const end = (index: number, patch: Partial<RunRecord>) => {
    const record = records[index]!;
    if (record.status !== "running" && record.status !== "skipped") return;
    Object.assign(record, patch);
    listener.finished?.(index, record);
    if (--left === 0) done();
  };
  const complete = (index: number, r: RunJobResult) => {
    const record = records[index]!;
    for (const e of r.epochs) keepEpoch(record, e);
    record.epochs.sort((a, b) => a.epoch - b.epoch);
    end(index, {
      status: r.stopped,
      seconds: r.seconds,
      examplesPerSecond: r.examplesPerSecond,
      weightsSha256: r.weightsSha256,
      parameters: r.parameters,
      worker: workerOf(r.worker),
      ...(r.firstBatchLoss !== undefined ? { firstBatchLoss: r.firstBatchLoss } : {}),
    });
  };

  events.on("progress", ({ jobId: id, data }) => {
    const index = indexOf(id);
    if (index === undefined || typeof data !== "object" || data === null) return;
    const e = data as RunProgressEvent;
    const record = records[index]!;
    if (e.type === "started") {
      const worker = workerOf(e.worker);
      if (record.worker !== worker && record.status === "running")
        listener.notice?.(`${runs[index]!.name}: taken over by worker ${e.worker}`);
      Object.assign(record, {
        status: "running",
        worker,
        weightsSha256: e.weightsSha256,
        parameters: e.parameters,
      });
      listener.started?.(index, worker);
    } else if (e.type === "batch") listener.batch?.(index, e);
    else if (e.type === "epoch") {
      keepEpoch(record, e.record);
      if (e.firstBatchLoss !== undefined) record.firstBatchLoss = e.firstBatchLoss;
      listener.epoch?.(index, e.record);
    }
  });
  events.on("completed", ({ jobId: id, returnvalue }) => {
    const index = indexOf(id);
    if (index !== undefined) complete(index, returnvalue as unknown as RunJobResult);
  });
  events.on("failed", ({ jobId: id, failedReason }) => {
    const index = indexOf(id);
    if (index !== undefined) end(index, { status: "failed", error: failedReason });
  });
  events.on("stalled", ({ jobId: id }) => {
    const index = indexOf(id);
    if (index !== undefined)
      listener.notice?.(`${runs[index]!.name}: its worker stopped answering; the run goes back to the queue`);
  });
  events.on<RefusedListener>(REFUSED_EVENT, (e: RefusedEvent) => {
    if (e.comparison === comparison) listener.notice?.(`worker ${e.worker} refused the runs: ${e.message}`);
  });

  /** Takes what Redis holds for every unfinished run; enqueues again a run whose job it lost. */
  const check = async () => {
    if (!(await redis.exists(weightsKey(comparison)))) await redis.set(weightsKey(comparison), weights);
    for (const [index, record] of records.entries()) {
      if (record.status !== "running" && record.status !== "skipped") continue;
      const found: Job | undefined = await queue.getJob(jobId(index));
      if (found === undefined) {
        listener.notice?.(`${runs[index]!.name}: Redis lost its job; enqueued again`);
        await queue.add(job(index).name, job(index).data, job(index).opts);
        continue;
      }
      const state = await found.getState();
      if (state === "completed") complete(index, found.returnvalue as RunJobResult);
      else if (state === "failed") end(index, { status: "failed", error: found.failedReason });
    }
  };
  let down: number | null = null;
  redis.on("close", () => {
    if (down !== null) return;
    down = performance.now();
    listener.notice?.(`lost the connection to the queue at ${options.url}; reconnecting`);
  });
  redis.on("ready", () => {
    if (down === null) return;
    const seconds = ((performance.now() - down) / 1000).toFixed(1);
    down = null;
    listener.notice?.(`reconnected to the queue at ${options.url} after ${seconds} s; checking the runs`);
    void check().catch(() => {});
  });
  const timer = setInterval(() => void check().catch(() => {}), options.checkEvery ?? 3000);
  const stop = () => done();
  options.signal?.addEventListener("abort", stop, { once: true });

  try {
    await events.waitUntilReady();
    await redis.set(weightsKey(comparison), weights);
    await queue.addBulk(runs.map((_, i) => job(i)));
    await ended;
  } finally {
    clearInterval(timer);
    options.signal?.removeEventListener("abort", stop);
    for (const [index, record] of records.entries()) {
      if (record.status === "running") {
        record.status = "aborted";
        listener.finished?.(index, record);
      }
      await queue.remove(jobId(index)).catch(() => 0);
    }
    await redis.del(weightsKey(comparison)).catch(() => 0);
    await Promise.allSettled([events.close(), queue.close()]);
    redis.disconnect();
  }
  return { ...progress, workers: workers.size };
}
