/**
 * `lrkit compare`: trains one model from one initialisation under several schedules, in parallel
 * on worker threads, and writes the results (JSON) and a self-contained HTML report.
 *
 * @module
 */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import {
  compareSchedules,
  readResults,
  ResultsError,
  writeResults,
  type CompareResults,
  type FindReport,
} from "@lrkit/compare";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { readCompareConfig, type CompareConfig } from "../experiment/config.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER } from "../experiment/d2lPreset.js";
import { runProgress } from "../experiment/runProgress.js";
import { resolveSource } from "../experiment/source.js";
import { summaryTable } from "../report/summary.js";

/** The options of {@link compare}. */
export interface CompareRunOptions {
  /** Worker threads. Defaults to the number of cores. */
  readonly workers?: number;
  /** "auto", "wasm", "cpu" or "tensorflow". Defaults to "auto". */
  readonly backend?: string;
  /** What differs from the experiment reproduced (for the report). */
  readonly notes?: readonly string[];
  /** An LR range test to include in the results. */
  readonly finder?: FindReport | null;
  /** Stops cleanly (Ctrl-C): the finished epochs are kept. */
  readonly signal?: AbortSignal;
  /** Stops at once (a second Ctrl-C). */
  readonly kill?: AbortSignal;
  /** The command line, kept in the results for the report. */
  readonly command?: string;
}

/**
 * Runs a compare of `config` with a live progress display on stderr, and returns the results.
 *
 * @throws {@link CliError} for a model and data that do not go together; Error when no worker can
 *   set up the experiment.
 */
export async function compare(
  config: CompareConfig,
  options: CompareRunOptions,
  io: Io,
): Promise<CompareResults> {
  const source = await resolveSource(config.source, config.baseDir);
  const names = config.schedules.map((s) => s.name);
  if (!options.signal?.aborted)
    io.err(
      `training ${names.length} runs of ${config.epochs} epochs (${source.label.model} on ${source.label.data}); Ctrl-C stops and keeps the finished epochs\n`,
    );
  const display = runProgress(io, { names, epochs: config.epochs, batchSize: config.batchSize });
  const onAbort = () =>
    display.log("stopping: the runs end before their next update (Ctrl-C again to stop at once)");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await compareSchedules({
      module: source.module,
      moduleOptions: source.moduleOptions,
      schedules: config.schedules,
      epochs: config.epochs,
      batchSize: config.batchSize,
      ...(config.optimizer ? { optimizer: config.optimizer } : {}),
      ...(config.optimizerOptions ? { optimizerOptions: config.optimizerOptions } : {}),
      ...(source.loss !== undefined ? { loss: source.loss } : {}),
      seed: config.seed,
      ...(options.workers !== undefined ? { workers: Math.min(options.workers, names.length) } : {}),
      backend: options.backend ?? "auto",
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.kill ? { kill: options.kill } : {}),
      listener: {
        started: (i) => display.started(i),
        batch: (i, e) => display.batch(i, e),
        epoch: (i, r) => display.epoch(i, r),
        finished: (i, r) => display.finished(i, r),
      },
      notes: options.notes ?? [],
      finder: options.finder ?? null,
      ...(options.command !== undefined ? { command: options.command } : {}),
    });
  } finally {
    display.stop();
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Runs `work` with Ctrl-C handling: the first SIGINT aborts `signal` (a clean stop), the second
 * aborts `kill`.
 */
export async function withInterrupts<T>(
  work: (signal: AbortSignal, kill: AbortSignal) => Promise<T>,
): Promise<T> {
  const stop = new AbortController();
  const kill = new AbortController();
  const onSigint = () => (stop.signal.aborted ? kill.abort() : stop.abort());
  process.on("SIGINT", onSigint);
  try {
    return await work(stop.signal, kill.signal);
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/**
 * Prints the outcome and ends as it should: the summary (or the JSON) on stdout, the paths on
 * stderr or stdout, exit code 130 after Ctrl-C and 1 when a run failed.
 */
export function finish(
  results: CompareResults,
  paths: { json: string; html: string },
  json: boolean,
  io: Io,
): void {
  if (json) {
    io.out(`${JSON.stringify(results)}\n`);
    io.err(`report: ${paths.html}\nresults: ${paths.json}\n`);
  } else {
    io.out(`${summaryTable(results)}report: ${paths.html}\nresults: ${paths.json}\n`);
  }
  if (results.stopped === "interrupted")
    throw new CliError("interrupted: the finished epochs are in the results and the report", 130);
  const failed = results.runs.filter((r) => r.status === "failed");
  if (failed.length)
    throw new CliError(
      `${failed.length} run${failed.length === 1 ? "" : "s"} failed: ${failed.map((r) => `${r.name}: ${r.error?.split("\n")[0] ?? "?"}`).join("; ")}`,
      1,
    );
}

interface CompareCliOptions {
  config?: string;
  from?: string;
  preset?: string;
  epochs?: number;
  trainSize?: number;
  testSize?: number;
  workers?: number;
  backend: string;
  out: string;
  json?: boolean;
}

/** The config of the command line: a file, or the d2l preset scaled as asked. */
function configOf(opts: CompareCliOptions): { config: CompareConfig; notes: string[] } {
  if ((opts.config === undefined) === (opts.preset === undefined))
    throw new CliError("give either --config <file> or --preset d2l");
  if (opts.preset !== undefined) {
    const scale = {
      epochs: opts.epochs ?? D2L_CHAPTER.epochs,
      trainSize: opts.trainSize ?? D2L_CHAPTER.trainSize,
      testSize: opts.testSize ?? D2L_CHAPTER.testSize,
    };
    return { config: d2lConfig(scale), notes: d2lScaleNotes(scale) };
  }
  const config = readCompareConfig(opts.config!);
  const notes: string[] = [];
  if (opts.epochs !== undefined && opts.epochs !== config.epochs)
    notes.push(
      `--epochs ${opts.epochs} overrides the config's ${config.epochs}; the schedules are unchanged.`,
    );
  return {
    config: {
      ...config,
      ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
      source: {
        ...config.source,
        ...(opts.trainSize !== undefined ? { trainSize: opts.trainSize } : {}),
        ...(opts.testSize !== undefined ? { testSize: opts.testSize } : {}),
      },
    },
    notes,
  };
}

/** The command line that reproduces a compare, for the report. */
function commandLine(opts: CompareCliOptions): string {
  const parts = ["lrkit compare", opts.preset ? `--preset ${opts.preset}` : `--config ${opts.config ?? ""}`];
  if (opts.epochs !== undefined) parts.push(`--epochs ${opts.epochs}`);
  if (opts.trainSize !== undefined) parts.push(`--train-size ${opts.trainSize}`);
  if (opts.testSize !== undefined) parts.push(`--test-size ${opts.testSize}`);
  return parts.join(" ");
}

/** Adds the `compare` command to `program`. */
export function compareCommand(program: Command, io: Io): void {
  program
    .command("compare")
    .description(
      "train one model from one initialisation under several schedules (in parallel) and write results.json and report.html",
    )
    .option(
      "--config <file>",
      "the experiment: a JSON file (model and data, or module; epochs, optimizer, seed, schedules)",
    )
    .addOption(
      new Option(
        "--preset <name>",
        "a built-in experiment: d2l (the chapter's five schedules, and multi-factor as its notebook ran it)",
      ).choices(["d2l"]),
    )
    .option(
      "--epochs <n>",
      "override the epochs (the d2l preset scales its milestones and horizons)",
      positiveInt,
    )
    .option(
      "--train-size <n>",
      "bundled data: override the training examples (a balanced prefix)",
      positiveInt,
    )
    .option("--test-size <n>", "bundled data: override the test examples", positiveInt)
    .option("--workers <n>", "worker threads (default: one per core)", positiveInt)
    .option("--backend <name>", "auto, wasm or cpu (tensorflow with @tensorflow/tfjs-node installed)", "auto")
    .option("--out <dir>", "where results.json and report.html go", "lrkit-report")
    .option("--json", "print the results JSON on stdout")
    .option(
      "--from <results.json>",
      "no training: validate an earlier results.json (results.schema.json) and write its report (to --out)",
    )
    .action(async (opts: CompareCliOptions) => {
      if (opts.from !== undefined) {
        let results: CompareResults;
        try {
          results = readResults(opts.from);
        } catch (e) {
          if (e instanceof ResultsError) throw new CliError(e.message);
          throw e;
        }
        const paths = writeResults(results, resolve(opts.out));
        io.out(`report: ${paths.html}\n`);
        return;
      }
      const { config, notes } = configOf(opts);
      const command = commandLine(opts);
      const results = await withInterrupts((signal, kill) =>
        compare(config, { workers: opts.workers, backend: opts.backend, notes, signal, kill, command }, io),
      );
      finish(results, writeResults(results, resolve(opts.out)), opts.json === true, io);
    });
}
