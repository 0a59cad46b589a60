/**
 * The pipeline of `lrkit compare`: one model from one initialisation trained under several
 * schedules, in parallel on worker threads, with a live progress display, the results so far
 * written after every epoch and every run checkpointed after every epoch, so that `--resume`
 * continues an interrupted compare. `lrkit compare` and `lrkit demo` call it.
 *
 * @module
 */
import { rmSync } from "node:fs";
import {
  compareSchedules,
  resultsPaths,
  writeResultsFile,
  type CompareResults,
  type FindReport,
  shownUrl,
} from "@lrkit/compare";
import type { Io } from "../io.js";
import type { CompareConfig } from "../experiment/config.js";
import { experimentOptions } from "../experiment/experimentOptions.js";
import { queueSource } from "../experiment/queueSource.js";
import { runProgress } from "../experiment/runProgress.js";
import { removeResumeFiles, resumePaths, writeResumeFile } from "../experiment/resumeFile.js";
import { resolveSource } from "../experiment/source.js";

/** The options of {@link compare}. */
export interface CompareRunOptions {
  /**
   * The output directory (checked with `checkOutDir`): its `results.json` is rewritten after every
   * epoch with the results so far, and an earlier compare's `report.html` removed then.
   */
  readonly out: string;
  /** Worker threads. Defaults to the number of cores. */
  readonly workers?: number;
  /** "auto", "wasm", "cpu" or "tensorflow". Defaults to "auto". */
  readonly backend?: string;
  /** What differs from the experiment reproduced (for the report). */
  readonly notes?: readonly string[];
  /** An LR range test to include in the results. */
  readonly finder?: FindReport | null;
  /** Stops cleanly (a stop signal: Ctrl-C, SIGTERM, SIGHUP): the finished epochs are kept. */
  readonly signal?: AbortSignal;
  /** Stops at once (a second stop signal). */
  readonly kill?: AbortSignal;
  /** The command line, kept in the results for the report. */
  readonly command?: string;
  /**
   * Continue the interrupted compare in `out`: each run from its newest checkpoint there (its
   * resume file is not written again). Defaults to false: a new compare (its checkpoints replace
   * any there).
   */
  readonly resume?: boolean;
  /**
   * Train on the workers of this Redis queue (`redis://HOST:PORT`, served by `lrkit worker`)
   * instead of worker threads; the runs' checkpoints are kept in Redis. Defaults to none.
   */
  readonly queue?: string;
}

/**
 * Runs a compare of `config` with a live progress display on stderr, keeping the results so far
 * in `options.out` after every epoch, and returns the results.
 *
 * @throws {@link CliError} for a model and data that do not go together; Error when no worker can
 *   set up the experiment, or when the results cannot be written (the runs are stopped).
 */
export async function compare(
  config: CompareConfig,
  options: CompareRunOptions,
  io: Io,
): Promise<CompareResults> {
  const source = await resolveSource(config.source, config.baseDir);
  const names = config.schedules.map((s) => s.name);
  const paths = resultsPaths(options.out);
  const resumable = resumePaths(options.out);
  // A compare on a queue keeps its checkpoints in Redis, for its workers: there is nothing to resume here.
  if (!options.resume) removeResumeFiles(options.out);
  if (!options.resume && options.queue === undefined) {
    writeResumeFile(options.out, {
      config,
      notes: options.notes ?? [],
      finder: options.finder ?? null,
      ...(options.command !== undefined ? { command: options.command } : {}),
    });
  }
  if (!options.signal?.aborted)
    io.err(
      `${options.resume ? "continuing" : "training"} ${names.length} runs of ${config.epochs} epochs (${source.label.model} on ${source.label.data}); ` +
        `results.json is written after every epoch; Ctrl-C (or SIGTERM, SIGHUP) stops and keeps the finished epochs` +
        `${options.queue === undefined ? ` (lrkit compare --resume ${options.out} continues them)` : ""}\n`,
    );
  if (options.queue !== undefined && !options.signal?.aborted)
    io.err(
      `the runs go to the queue at ${shownUrl(options.queue)}: start workers with lrkit worker --queue ${shownUrl(options.queue)}\n`,
    );
  const display = runProgress(io, { names, epochs: config.epochs, batchSize: config.batchSize });
  const onAbort = () =>
    display.log(
      `stopping on ${String(options.signal!.reason)}: the runs end before their next update (a second signal stops at once)`,
    );
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let kept = false;
  // The results so far; the report of an earlier compare here goes before the first of them.
  const keep = (results: CompareResults) => {
    if (!kept) rmSync(paths.html, { force: true });
    kept = true;
    writeResultsFile(results, paths.json);
  };
  try {
    const results = await compareSchedules({
      ...experimentOptions(config, source),
      ...(options.workers !== undefined ? { workers: Math.min(options.workers, names.length) } : {}),
      backend: options.backend ?? "auto",
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.kill ? { kill: options.kill } : {}),
      listener: {
        started: (i) => display.started(i),
        batch: (i, e) => display.batch(i, e),
        epoch: (i, r) => display.epoch(i, r),
        finished: (i, r) => display.finished(i, r),
        notice: (message) => display.log(message),
      },
      ...(options.queue !== undefined ? { queue: { url: options.queue, source: queueSource(config) } } : {}),
      onResults: keep,
      notes: options.notes ?? [],
      finder: options.finder ?? null,
      ...(options.command !== undefined ? { command: options.command } : {}),
      checkpoints: resumable.checkpoints,
      ...(config.halving !== undefined ? { halving: config.halving } : {}),
    });
    if (results.stopped === "completed") removeResumeFiles(options.out);
    return results;
  } finally {
    display.stop();
    options.signal?.removeEventListener("abort", onAbort);
  }
}
