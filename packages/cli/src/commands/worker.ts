/**
 * `lrkit worker`: trains the runs of `lrkit compare --queue` from a Redis queue (the pipeline of
 * `pipelines/worker.ts`), on any machine that has the same experiment, until Ctrl-C.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { positiveInt } from "../options.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { worker } from "../pipelines/worker.js";

interface WorkerCliOptions {
  queue: string;
  concurrency: number;
  backend?: string;
  checkpointDir?: string;
  lockSeconds: number;
}

/** Adds the `worker` command to `program`. */
export function workerCommand(program: Command, io: Io): void {
  program
    .command("worker")
    .description(
      "train the runs of `lrkit compare --queue` from a Redis queue, until Ctrl-C (needs the same experiment files at the same paths as the coordinator)",
    )
    .requiredOption("--queue <url>", "the queue's Redis: redis://HOST:PORT")
    .option(
      "--concurrency <n>",
      "runs trained at once by this process (they share its thread)",
      positiveInt,
      1,
    )
    .option("--backend <name>", "auto, wasm or cpu (default: the coordinator's)")
    .option(
      "--checkpoint-dir <dir>",
      "keep the runs' checkpoints in this directory, shared by every worker (large models), instead of Redis",
    )
    .option(
      "--lock-seconds <n>",
      "seconds before another worker takes over the run of a worker that stopped answering",
      positiveInt,
      30,
    )
    .action(async (opts: WorkerCliOptions) => {
      await withInterrupts((signal) =>
        worker(
          {
            queue: opts.queue,
            concurrency: opts.concurrency,
            lockSeconds: opts.lockSeconds,
            ...(opts.backend !== undefined ? { backend: opts.backend } : {}),
            ...(opts.checkpointDir !== undefined ? { checkpointDir: resolve(opts.checkpointDir) } : {}),
            signal,
          },
          io,
        ),
      );
    });
}
