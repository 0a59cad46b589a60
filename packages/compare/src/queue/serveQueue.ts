/**
 * A worker of compares on a Redis queue (BullMQ): takes runs from the queue, trains each in this
 * process from its newest checkpoint (in Redis, or in a shared directory), stores a checkpoint and
 * reports the epoch as the job's progress after every epoch, and returns the whole run with the
 * job. Before its first run of a comparison it loads the experiment on this machine and compares
 * its hash with the coordinator's: a worker whose experiment differs gives the run back to the
 * queue, says so to the coordinator, and stops with both hashes.
 *
 * A worker that dies leaves its job locked until BullMQ's lock expires (`lockDuration`); another
 * worker's stalled-job check (`stalledInterval`) then puts the run back in the queue, and the next
 * worker continues it from its last checkpoint.
 *
 * @module
 */
import { hostname } from "node:os";
import { DelayedError, QueueEventsProducer, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { directoryStore } from "../checkpoint/directoryStore.js";
import { redisCheckpointStore } from "../checkpoint/redisStore.js";
import type { CheckpointStore } from "../checkpoint/store.js";
import type { Experiment } from "../experiment/experiment.js";
import { loadExperiment } from "../experiment/loadExperiment.js";
import { probeExperiment } from "../experiment/probe.js";
import type { EpochSummary } from "../results/schema.js";
import { chooseBackend } from "../runner/backend.js";
import type { WorkerStart } from "../runner/protocol.js";
import { trainRun } from "../runner/trainRun.js";
import { checkReachable, QueueError, redisOptions, shownUrl, watchConnection } from "./connection.js";
import {
  QUEUE_NAME,
  REFUSED_EVENT,
  runKey,
  weightsKey,
  type RunJob,
  type RunJobResult,
  type RunProgressEvent,
} from "./jobs.js";
import { resolvedExperimentHash } from "./resolvedExperimentHash.js";
import { decodeWeights } from "./weights.js";

/** The experiment module a job's source stands for, on this machine. */
export type SourceResolver = (source: unknown) => Promise<Pick<WorkerStart, "module" | "moduleOptions">>;

/** Options of {@link serveQueue}. */
export interface ServeQueueOptions {
  /** The queue's Redis, `redis://HOST:PORT`. */
  readonly url: string;
  /** Runs trained at once in this process (they share its TensorFlow.js thread). Defaults to 1. */
  readonly concurrency?: number;
  /** The backend to train on ("auto", "wasm", "cpu", "tensorflow"), instead of the coordinator's. */
  readonly backend?: string;
  /** Turns a job's source into an experiment module. Defaults to taking `{ module, moduleOptions }` as is. */
  readonly resolve?: SourceResolver;
  /** Keeps the checkpoints in this directory (shared by every worker) instead of Redis: for large models. */
  readonly checkpointDir?: string;
  /** How long a job's lock lasts without renewal (ms): a dead worker's run waits this long. Defaults to 30,000. */
  readonly lockDuration?: number;
  /** How often stalled jobs are looked for (ms). Defaults to `lockDuration`. */
  readonly stalledInterval?: number;
  /** Stops the worker: its runs under way go back to the queue, to continue from their checkpoints. */
  readonly signal?: AbortSignal;
  /** A line per run taken and ended. */
  readonly log?: (line: string) => void;
}

/** Batch progress goes to Redis at most this often (ms); epochs always do. */
const BATCH_INTERVAL = 1000;

const asModule: SourceResolver = async (source) => source as Pick<WorkerStart, "module" | "moduleOptions">;

/** A comparison's experiment, loaded on this machine. */
interface Loaded {
  readonly comparison: string;
  readonly experiment: Experiment;
  readonly weights: Float32Array[];
}

/**
 * Serves the queue at `options.url` until `options.signal` aborts.
 *
 * @throws QueueError when nothing answers at the URL, or when this machine's experiment differs
 *   from the coordinator's (the message gives both hashes; the run went back to the queue).
 */
export async function serveQueue(options: ServeQueueOptions): Promise<void> {
  await checkReachable(options.url);
  const connection = redisOptions(options.url);
  const redis = new Redis({ ...connection, maxRetriesPerRequest: null });
  const producer = new QueueEventsProducer(QUEUE_NAME, { connection });
  redis.on("error", () => {}); // reconnects
  producer.on("error", () => {});
  const store: CheckpointStore = options.checkpointDir
    ? directoryStore(options.checkpointDir)
    : redisCheckpointStore(redis);
  const resolve = options.resolve ?? asModule;
  const log = options.log ?? (() => {});
  const lockDuration = options.lockDuration ?? 30_000;
  const name = `${hostname()}:${process.pid}`;
  const halt = new AbortController();
  const stop = () => halt.abort();
  options.signal?.addEventListener("abort", stop, { once: true });
  let refused: QueueError | undefined;
  let backend: Promise<unknown> | undefined;
  let loaded: Promise<Loaded> | undefined;

  /** The job's experiment, loaded once per comparison and checked against the coordinator's hash. */
  const load = async (data: RunJob): Promise<Loaded> => {
    backend ??= chooseBackend(options.backend ?? data.setup.backend);
    await backend;
    const source = await resolve(data.source);
    const start: WorkerStart = { ...source, setup: data.setup };
    const experiment = await loadExperiment(start.module, start.moduleOptions);
    const hash = resolvedExperimentHash(start, await probeExperiment(experiment, data.setup));
    if (hash !== data.experimentHash)
      throw new QueueError(
        `this worker's experiment differs from the coordinator's: its hash is ${hash}, the coordinator's ${data.experimentHash} (every machine needs the same module, model.json and CSV files at the same paths)`,
      );
    const bytes = await redis.getBuffer(weightsKey(data.comparison));
    if (bytes === null) throw new Error(`the comparison ${data.comparison} has ended (its weights are gone)`);
    return { comparison: data.comparison, experiment, weights: decodeWeights(bytes) };
  };
  const loadedFor = async (data: RunJob) => {
    const current = loaded && (await loaded.catch(() => undefined));
    if (current?.comparison !== data.comparison) loaded = load(data);
    return loaded!;
  };

  /** Gives the job back to the queue (it continues from its checkpoint) and ends the processing. */
  const giveBack = async (job: Job<RunJob>, token: string | undefined): Promise<never> => {
    await job.moveToDelayed(Date.now() + 200, token);
    throw new DelayedError();
  };

  const train = async (job: Job<RunJob>, token: string | undefined): Promise<RunJobResult> => {
    const data = job.data;
    let ready: Loaded;
    try {
      ready = await loadedFor(data);
    } catch (e) {
      loaded = undefined;
      if (!(e instanceof QueueError)) throw e;
      refused ??= e;
      await producer.publishEvent({
        eventName: REFUSED_EVENT,
        comparison: data.comparison,
        worker: name,
        message: e.message,
      });
      stop();
      return giveBack(job, token);
    }
    log(`${name}: ${data.name} (run ${data.index + 1}, comparison ${data.comparison})`);
    let chain = Promise.resolve();
    // Progress is for the display: an update Redis refuses is dropped; the result carries every epoch.
    const report = (e: RunProgressEvent) => {
      chain = chain.then(() => job.updateProgress(e)).catch(() => {});
    };
    const epochs: EpochSummary[] = [];
    let started: { weightsSha256: string; parameters: number } = { weightsSha256: "", parameters: 0 };
    let firstBatchLoss: number | undefined;
    let lastBatch = 0;
    // A comparison whose coordinator has ended (its weights removed) stops its runs after their epoch.
    const ended = new AbortController();
    const stillOn = () =>
      void redis.exists(weightsKey(data.comparison)).then(
        (n) => n === 0 && ended.abort(),
        () => {},
      );
    const end = await trainRun(
      ready.experiment,
      data.setup,
      { spec: data.spec, unit: data.unit, weights: ready.weights },
      {
        resumed: (from) => {
          epochs.push(...from.history);
          report({
            type: "resumed",
            worker: name,
            history: from.history,
            epoch: from.epoch,
            damaged: from.damaged,
          });
        },
        started: (weightsSha256, parameters, first) => {
          started = { weightsSha256, parameters };
          // A run continued from a checkpoint: its first update's loss is the checkpoint's.
          if (first !== undefined) firstBatchLoss = first;
          report({ type: "started", worker: name, ...started });
        },
        batch: (e) => {
          const now = performance.now();
          if (now - lastBatch < BATCH_INTERVAL) return;
          lastBatch = now;
          report({ type: "batch", ...e });
        },
        epoch: (record, first) => {
          stillOn();
          epochs.push(record);
          if (first !== undefined) firstBatchLoss = first;
          report({ type: "epoch", record, ...(first !== undefined ? { firstBatchLoss: first } : {}) });
        },
      },
      AbortSignal.any([halt.signal, ended.signal]),
      { store, key: runKey(data.comparison, data.index), experiment: data.experimentHash },
      data.untilEpoch,
    );
    await chain;
    if (end.stopped === "aborted" && ended.signal.aborted) {
      await store.clear(runKey(data.comparison, data.index));
      log(`${name}: ${data.name} dropped after ${end.epochs} epochs: its comparison has ended`);
      throw new Error(`the comparison ${data.comparison} has ended (its coordinator stopped)`);
    }
    if (end.stopped === "aborted") {
      log(`${name}: ${data.name} given back to the queue after ${end.epochs} epochs`);
      return giveBack(job, token);
    }
    if (end.epochs >= data.setup.epochs) await store.clear(runKey(data.comparison, data.index));
    log(`${name}: ${data.name} done (${end.epochs} epochs)`);
    return {
      stopped: end.stopped,
      seconds: end.seconds,
      examplesPerSecond: end.examplesPerSecond,
      worker: name,
      ...started,
      ...(firstBatchLoss !== undefined ? { firstBatchLoss } : {}),
      epochs,
    };
  };

  const worker = new Worker<RunJob, RunJobResult>(QUEUE_NAME, (job, token) => train(job, token), {
    connection,
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: options.stalledInterval ?? lockDuration,
    maxStalledCount: 10,
  });
  worker.on("error", () => {}); // reconnects
  watchConnection(
    redis,
    options.url,
    (message) => log(`${name}: ${message}`),
    () => {},
  );
  await worker.waitUntilReady();
  log(`${name}: waiting for runs on ${shownUrl(options.url)}`);
  try {
    await new Promise<void>((r) => halt.signal.addEventListener("abort", () => r(), { once: true }));
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await worker.close();
    await producer.close().catch(() => {});
    redis.disconnect();
  }
  if (refused) throw refused;
}
