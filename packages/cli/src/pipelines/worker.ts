/**
 * The pipeline of `lrkit worker`: serves the runs of `lrkit compare --queue` from a Redis queue on
 * this machine until a stop signal, a line on stderr per run taken and ended.
 *
 * @module
 */
import { serveQueue } from "@lrkit/compare";
import { resolveQueueSource } from "../experiment/queueSource.js";
import type { Io } from "../io.js";

/** The options of {@link worker}. */
export interface WorkerRunOptions {
  /** The queue, `redis://HOST:PORT`. */
  readonly queue: string;
  /** Runs trained at once by this process. Defaults to 1. */
  readonly concurrency?: number;
  /** The backend, instead of the coordinator's. */
  readonly backend?: string;
  /** A directory every worker shares, for the checkpoints, instead of Redis. */
  readonly checkpointDir?: string;
  /** Seconds a dead worker's run waits before another worker takes it. Defaults to 30. */
  readonly lockSeconds?: number;
  /** Stops the worker; its runs under way go back to the queue. */
  readonly signal?: AbortSignal;
}

/**
 * Serves the queue until `options.signal` aborts.
 *
 * @throws QueueError when nothing answers at the URL, or when this machine's experiment differs
 *   from the coordinator's (both hashes named).
 */
export async function worker(options: WorkerRunOptions, io: Io): Promise<void> {
  const lockDuration = (options.lockSeconds ?? 30) * 1000;
  await serveQueue({
    url: options.queue,
    resolve: resolveQueueSource,
    lockDuration,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.backend !== undefined ? { backend: options.backend } : {}),
    ...(options.checkpointDir !== undefined ? { checkpointDir: options.checkpointDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    log: (line) => io.err(`${line}\n`),
  });
}
