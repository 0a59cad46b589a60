/**
 * The coordinator of a compare on a Redis queue (BullMQ): probes the experiment once in a thread
 * of its own, keeps the initial weights in Redis, enqueues the runs' segments (whole runs, or with
 * successive halving the epochs to the next rung, the survivors' next segments once a rung is
 * decided) and follows them through BullMQ's queue events, filling in the same
 * {@link PoolProgress} as the worker-thread pool, so that results, report and live progress are
 * those of a local compare. Workers (`serveQueue`, `lrkit worker`) on any machine train them.
 *
 * Every few seconds, and whenever its Redis connection comes back, the coordinator checks its
 * jobs: a segment whose job Redis lost (a restart without persistence) is enqueued again, and a
 * job that ended while its event was missed is taken from Redis. The workers return every epoch of
 * a run with its job, so that an event lost meanwhile loses no epoch.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { Queue, QueueEvents, type QueueEventsListener } from "bullmq";
import { Redis } from "ioredis";
import { redisCheckpointStore } from "../checkpoint/redisStore.js";
import type { Segment } from "../halving/segmentPlan.js";
import type { HalvingOptions } from "../halving/successiveHalving.js";
import type { EpochSummary } from "../results/schema.js";
import {
  poolProgress,
  probed,
  type PoolListener,
  type PoolProgress,
  type PoolResult,
  type PoolRun,
  type RunRecord,
} from "../runner/pool.js";
import type { WorkerStart } from "../runner/protocol.js";
import { segmentEnded, segmentResumed, type SegmentEnd } from "../runner/segments.js";
import { checkReachable, redisOptions, watchConnection } from "./connection.js";
import {
  QUEUE_NAME,
  REFUSED_EVENT,
  runJob,
  runKey,
  weightsKey,
  type RefusedEvent,
  type RunJobResult,
  type RunProgressEvent,
} from "./jobs.js";
import { probeInThread } from "./probeInThread.js";
import { resolvedExperimentHash } from "./resolvedExperimentHash.js";
import { encodeWeights } from "./weights.js";

/** Progress of a queued compare: the pool's, and what happens to the queue. */
export interface QueueListener extends PoolListener {
  /** A line about the queue: a worker refused the experiment, a run moved, Redis reconnected. */
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
  /** Successive halving: the survivors of each rung go on (see `segmentPlan`). Defaults to none. */
  readonly halving?: HalvingOptions;
  /** Stops: the queued segments are withdrawn, the runs under way are recorded as aborted. */
  readonly signal?: AbortSignal;
  readonly listener?: QueueListener;
  /** Where the runs are recorded as they go. Defaults to a new one. */
  readonly progress?: PoolProgress;
  /** How often the jobs are checked in Redis (ms). Defaults to 3,000. */
  readonly checkEvery?: number;
}

/** A run with its name, for the jobs. */
export interface QueueRun extends PoolRun {
  readonly name: string;
}

/** The custom event of a refusing worker. */
interface RefusedListener extends QueueEventsListener {
  [REFUSED_EVENT]: (e: RefusedEvent) => void;
}

/** A segment enqueued: its run, its last epoch, and the epochs finished when it was enqueued. */
interface Pending extends Segment {
  readonly from: number;
}

/** Puts epoch `summary` into `record`, in place of one with the same number (a run resumed elsewhere). */
function keepEpoch(record: RunRecord, summary: EpochSummary): void {
  const at = record.epochs.findIndex((e) => e.epoch === summary.epoch);
  if (at >= 0) record.epochs[at] = summary;
  else record.epochs.push(summary);
  record.epochs.sort((a, b) => a.epoch - b.epoch);
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
  const epochs = start.setup.epochs;
  if (options.signal?.aborted) return { ...progress, workers: 0 };
  await checkReachable(options.url);
  const probing = await probeInThread(start);
  progress.backend = { backend: probing.backend, reason: probing.reason };
  const plan = probed(progress, probing.probe, epochs, options.halving);
  const hash = resolvedExperimentHash(start, probing.probe);

  const comparison = randomUUID();
  const connection = redisOptions(options.url);
  const redis = new Redis({ ...connection, maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Each reconnects by itself; a lost connection is noticed below.
  redis.on("error", () => {});
  queue.on("error", () => {});
  events.on("error", () => {});
  const weights = encodeWeights(probing.probe.weights);
  const source = options.source ?? { module: start.module, moduleOptions: start.moduleOptions ?? null };
  const pending = new Map<string, Pending>();
  const enqueued: string[] = [];
  const base = { comparison, source, setup: start.setup, experimentHash: hash };
  const jobOf = (segment: Segment) => runJob(base, runs[segment.run]!, segment);
  const enqueue = (segments: readonly Segment[]) => {
    const jobs = segments.map((segment) => {
      const j = jobOf(segment);
      pending.set(j.opts.jobId, { ...segment, from: records[segment.run]!.epochs.length });
      enqueued.push(j.opts.jobId);
      return j;
    });
    return jobs.length > 0 ? queue.addBulk(jobs) : Promise.resolve([]);
  };
  const workers = new Map<string, number>();
  const workerOf = (name: string) => {
    if (!workers.has(name)) workers.set(name, workers.size);
    return workers.get(name)!;
  };
  let done: () => void = () => {};
  const over = new Promise<void>((resolve) => (done = resolve));
  /** Segment `id` ended: the plan says what follows, which is enqueued. */
  const ended = (id: string, end: SegmentEnd) => {
    const segment = pending.get(id);
    if (!segment) return;
    pending.delete(id);
    const next = segmentEnded(progress, plan, epochs, segment.run, end, listener);
    void enqueue(next).catch((e: Error) => listener.notice?.(`cannot enqueue: ${e.message}`));
    if (pending.size === 0) done();
  };
  const completed = (id: string, r: RunJobResult) => {
    const segment = pending.get(id);
    if (!segment) return;
    const record = records[segment.run]!;
    for (const e of r.epochs) keepEpoch(record, e);
    Object.assign(record, {
      weightsSha256: r.weightsSha256,
      parameters: r.parameters,
      worker: workerOf(r.worker),
      ...(r.firstBatchLoss !== undefined ? { firstBatchLoss: r.firstBatchLoss } : {}),
    });
    ended(id, {
      stopped: r.stopped,
      epochs: r.epochs.length,
      seconds: r.seconds,
      examplesPerSecond: r.examplesPerSecond,
    });
  };

  events.on("progress", ({ jobId: id, data }) => {
    const segment = pending.get(id);
    if (segment === undefined || typeof data !== "object" || data === null) return;
    const e = data as RunProgressEvent;
    const run = segment.run;
    const record = records[run]!;
    const name = runs[run]!.name;
    if (e.type === "started") {
      const worker = workerOf(e.worker);
      Object.assign(record, { weightsSha256: e.weightsSha256, parameters: e.parameters });
      if (record.status !== "running") {
        Object.assign(record, { status: "running", worker });
        listener.started?.(run, worker);
      } else if (record.worker !== worker) {
        record.worker = worker;
        listener.notice?.(`${name}: taken over by worker ${e.worker}`);
      }
    } else if (e.type === "resumed") {
      segmentResumed(progress, run, e);
      const damaged = e.damaged.map(
        (d) => `; its checkpoint after epoch ${d.epoch} is damaged (${d.reason})`,
      );
      if (e.epoch !== segment.from || damaged.length > 0)
        listener.notice?.(
          `${name}: worker ${e.worker} continues it ${e.epoch > 0 ? `from its checkpoint after epoch ${e.epoch}` : "from scratch"}${damaged.join("")}`,
        );
    } else if (e.type === "batch") listener.batch?.(run, e);
    else if (e.type === "epoch") {
      keepEpoch(record, e.record);
      if (e.firstBatchLoss !== undefined) record.firstBatchLoss = e.firstBatchLoss;
      listener.epoch?.(run, e.record);
    }
  });
  events.on("completed", ({ jobId: id, returnvalue }) =>
    completed(id, returnvalue as unknown as RunJobResult),
  );
  events.on("failed", ({ jobId: id, failedReason }) => ended(id, { failed: failedReason }));
  events.on("stalled", ({ jobId: id }) => {
    const segment = pending.get(id);
    if (segment)
      listener.notice?.(
        `${runs[segment.run]!.name}: its worker stopped answering; the run goes back to the queue`,
      );
  });
  events.on<RefusedListener>(REFUSED_EVENT, (e: RefusedEvent) => {
    if (e.comparison === comparison) listener.notice?.(`worker ${e.worker} refused the runs: ${e.message}`);
  });

  /** Takes what Redis holds for every pending segment; enqueues again one whose job it lost. */
  const check = async () => {
    await redis.set(weightsKey(comparison), weights, "NX");
    for (const [id, segment] of [...pending]) {
      const found = await queue.getJob(id);
      if (found === undefined) {
        listener.notice?.(`${runs[segment.run]!.name}: Redis lost its job; enqueued again`);
        const again = jobOf(segment);
        await queue.add(again.name, again.data, again.opts);
        continue;
      }
      const state = await found.getState();
      if (state === "completed") completed(id, found.returnvalue as RunJobResult);
      else if (state === "failed") ended(id, { failed: found.failedReason });
    }
  };
  watchConnection(
    redis,
    options.url,
    (message) => listener.notice?.(message),
    () => void check().catch(() => {}),
  );
  const timer = setInterval(() => void check().catch(() => {}), options.checkEvery ?? 3000);
  options.signal?.addEventListener("abort", done, { once: true });

  try {
    await events.waitUntilReady();
    await redis.set(weightsKey(comparison), weights);
    await enqueue(plan.first());
    await over;
  } finally {
    clearInterval(timer);
    options.signal?.removeEventListener("abort", done);
    for (const [index, record] of records.entries())
      if (record.status === "running") {
        record.status = "aborted";
        listener.finished?.(index, record);
      }
    for (const id of enqueued) await queue.remove(id).catch(() => 0);
    await redis.del(weightsKey(comparison)).catch(() => 0);
    // The runs' checkpoints in Redis (a worker clears a finished run's; these are the others').
    const checkpoints = redisCheckpointStore(redis);
    for (const index of runs.keys()) await checkpoints.clear(runKey(comparison, index)).catch(() => {});
    await Promise.allSettled([events.close(), queue.close()]);
    redis.disconnect();
  }
  return { ...progress, workers: workers.size };
}
