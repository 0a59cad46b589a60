/**
 * `lrkit compare`: trains one model from one initialisation under several schedules, in parallel
 * on worker threads, and writes the results (JSON) and a self-contained HTML report.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { Option, type Command } from "commander";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { readCompareConfig, type CompareConfig } from "../experiment/config.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER } from "../experiment/d2lPreset.js";
import { runPool } from "../experiment/pool.js";
import type { RunSetup } from "../experiment/protocol.js";
import { DATASETS } from "../experiment/resources.js";
import { machine, runResult, type CompareResults, type Scale } from "../experiment/results.js";
import { runProgress } from "../experiment/runProgress.js";
import { renderReport } from "../report/report.js";
import { summaryTable } from "../report/summary.js";
import type { FindReport } from "./find.js";

/** The options of {@link compare}. */
export interface CompareRunOptions {
  /** Worker threads. Defaults to the number of cores. */
  readonly workers?: number;
  /** "auto", "wasm" or "cpu". Defaults to "auto". */
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
 * Runs a compare: checks the sizes against the dataset (building its cache if needed), trains
 * every schedule on the worker pool with a live progress display on stderr, and returns the results.
 *
 * @throws {@link CliError} for sizes larger than the dataset; Error when no worker can start.
 */
export async function compare(
  config: CompareConfig,
  options: CompareRunOptions,
  io: Io,
): Promise<CompareResults> {
  // Loaded once here: builds the cache before the workers read it, and gives the sizes.
  const data = await DATASETS[config.dataset]();
  const trainSize = config.trainSize ?? data.train.count;
  const testSize = config.testSize ?? data.test.count;
  if (trainSize > data.train.count)
    throw new CliError(
      `trainSize: ${config.dataset} has ${data.train.count} training images, got ${trainSize}`,
    );
  if (testSize > data.test.count)
    throw new CliError(`testSize: ${config.dataset} has ${data.test.count} test images, got ${testSize}`);
  const full = { ...config, trainSize, testSize };
  const scale: Scale = {
    trainSize,
    testSize,
    epochs: config.epochs,
    batchSize: config.batchSize,
    stepsPerEpoch: Math.ceil(trainSize / config.batchSize),
    notes: options.notes ?? [],
  };
  const setup: RunSetup = {
    model: config.model,
    dataset: config.dataset,
    trainSize,
    testSize,
    epochs: config.epochs,
    batchSize: config.batchSize,
    optimizer: config.optimizer,
    ...(config.optimizerOptions ? { optimizerOptions: config.optimizerOptions } : {}),
    seed: config.seed,
    backend: options.backend ?? "auto",
  };
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), config.schedules.length));
  if (!options.signal?.aborted)
    io.err(
      `training ${config.schedules.length} runs (${config.epochs} epochs of ${scale.stepsPerEpoch} updates) on ${workers} worker thread${workers === 1 ? "" : "s"}; Ctrl-C stops and keeps the finished epochs\n`,
    );
  const display = runProgress(io, {
    names: config.schedules.map((s) => s.name),
    epochs: config.epochs,
    batchesPerEpoch: scale.stepsPerEpoch,
    batchSize: config.batchSize,
  });
  const onAbort = () =>
    display.log("stopping: the runs end before their next update (Ctrl-C again to stop at once)");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const began = performance.now();
  let pool;
  try {
    pool = await runPool(
      setup,
      config.schedules.map(({ spec, unit }) => ({ spec, unit })),
      {
        workers,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.kill ? { kill: options.kill } : {}),
        listener: {
          started: (i) => display.started(i),
          batch: (i, e) => display.batch(i, e),
          epoch: (i, r) => display.epoch(i, r),
          finished: (i, r) => display.finished(i, r),
        },
      },
    );
  } finally {
    display.stop();
    options.signal?.removeEventListener("abort", onAbort);
  }
  const wall = (performance.now() - began) / 1000;
  const interrupted = options.signal?.aborted === true || options.kill?.aborted === true;
  return {
    runs: config.schedules.map((run, i) => runResult(run, pool.runs[i]!, scale)),
    config: full,
    scale,
    machine: machine(pool.backend, pool.workers, wall),
    finder: options.finder ?? null,
    stopped: interrupted ? "interrupted" : "completed",
    ...(options.command !== undefined ? { command: options.command } : {}),
  };
}

/** Writes `results.json` and `report.html` to `dir`; returns their paths. */
export function writeOutputs(results: CompareResults, dir: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, "results.json");
  const html = join(dir, "report.html");
  writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(html, renderReport(results));
  return { json, html };
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
      ...(opts.trainSize !== undefined ? { trainSize: opts.trainSize } : {}),
      ...(opts.testSize !== undefined ? { testSize: opts.testSize } : {}),
    },
    notes,
  };
}

/** Reads a results file written by an earlier compare. */
function readResults(file: string): CompareResults {
  let value: CompareResults;
  try {
    value = JSON.parse(readFileSync(file, "utf8")) as CompareResults;
  } catch (e) {
    throw new CliError(`cannot read results file ${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(value.runs) || typeof value.scale !== "object" || typeof value.machine !== "object")
    throw new CliError(`${file} is not a results.json of lrkit compare`);
  return value;
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
      "the experiment: a JSON file (model, dataset, sizes, epochs, optimizer, seed, schedules)",
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
    .option("--train-size <n>", "override the training examples (a balanced prefix)", positiveInt)
    .option("--test-size <n>", "override the test examples", positiveInt)
    .option("--workers <n>", "worker threads (default: one per core)", positiveInt)
    .option("--backend <name>", "auto, wasm or cpu (tensorflow with @tensorflow/tfjs-node installed)", "auto")
    .option("--out <dir>", "where results.json and report.html go", "lrkit-report")
    .option("--json", "print the results JSON on stdout")
    .option("--from <results.json>", "no training: write the report of an earlier results.json (to --out)")
    .action(async (opts: CompareCliOptions) => {
      if (opts.from !== undefined) {
        const results = readResults(opts.from);
        const paths = writeOutputs(results, resolve(opts.out));
        io.out(`report: ${paths.html}\n`);
        return;
      }
      const { config, notes } = configOf(opts);
      const command = commandLine(opts);
      const results = await withInterrupts((signal, kill) =>
        compare(config, { workers: opts.workers, backend: opts.backend, notes, signal, kill, command }, io),
      );
      finish(results, writeOutputs(results, resolve(opts.out)), opts.json === true, io);
    });
}
