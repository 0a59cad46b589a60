/**
 * `lrkit compare`: trains one model from one initialisation under several schedules, in parallel
 * on worker threads, and writes the results (JSON, after every epoch) and a self-contained HTML
 * report.
 *
 * @module
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import {
  compareSchedules,
  readResults,
  ReportError,
  ResultsError,
  resultsPaths,
  writeResults,
  writeResultsFile,
  type CompareResults,
  type FindReport,
} from "@lrkit/compare";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { readCompareConfig, type CompareConfig } from "../experiment/config.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER } from "../experiment/d2lPreset.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { runProgress } from "../experiment/runProgress.js";
import { resolveSource } from "../experiment/source.js";
import { summaryTable } from "../report/summary.js";

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
  if (!options.signal?.aborted)
    io.err(
      `training ${names.length} runs of ${config.epochs} epochs (${source.label.model} on ${source.label.data}); ` +
        `results.json is written after every epoch; Ctrl-C (or SIGTERM, SIGHUP) stops and keeps the finished epochs\n`,
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
      onResults: keep,
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
 * Writes the results (`results.json`, then `report.html`, in `dir`), prints the outcome and ends as
 * it should: the summary (or the JSON) on stdout, the paths on stderr or stdout, exit code 130
 * after a stop signal, and 1 when the report could not be written (the results are) or a run
 * failed.
 */
export function finish(results: CompareResults, dir: string, json: boolean, io: Io): void {
  const paths = resultsPaths(dir);
  let reportFailure: string | null = null;
  try {
    writeResults(results, dir);
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    reportFailure = `${e.message} (lrkit compare --from ${paths.json} --out ${dir} tries again)`;
  }
  const written = `${reportFailure === null ? `report: ${paths.html}\n` : ""}results: ${paths.json}\n`;
  if (json) {
    io.out(`${JSON.stringify(results)}\n`);
    io.err(written);
  } else {
    io.out(`${summaryTable(results)}${written}`);
  }
  if (results.stopped === "interrupted")
    throw new CliError(
      reportFailure === null
        ? "interrupted: the finished epochs are in the results and the report"
        : `interrupted: the finished epochs are in the results; ${reportFailure}`,
      130,
    );
  const failed = results.runs.filter((r) => r.status === "failed");
  const failures = [
    ...(reportFailure === null ? [] : [reportFailure]),
    ...(failed.length
      ? [
          `${failed.length} run${failed.length === 1 ? "" : "s"} failed: ${failed.map((r) => `${r.name}: ${r.error?.split("\n")[0] ?? "?"}`).join("; ")}`,
        ]
      : []),
  ];
  if (failures.length) throw new CliError(failures.join("; "), 1);
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
    .option(
      "--out <dir>",
      "where results.json (written after every epoch) and report.html (at the end) go",
      "lrkit-report",
    )
    .option("--json", "print the results JSON on stdout")
    .option(
      "--from <results.json>",
      "no training: validate an earlier results.json (results.schema.json) and write its report (to --out)",
    )
    .action(async (opts: CompareCliOptions) => {
      const out = resolve(opts.out);
      if (opts.from !== undefined) {
        let results: CompareResults;
        try {
          results = readResults(opts.from);
        } catch (e) {
          if (e instanceof ResultsError) throw new CliError(e.message);
          throw e;
        }
        checkOutDir(opts.out, Object.values(resultsPaths(out)));
        try {
          io.out(`report: ${writeResults(results, out).html}\n`);
        } catch (e) {
          if (e instanceof ReportError) throw new CliError(e.message, 1);
          throw e;
        }
        return;
      }
      const { config, notes } = configOf(opts);
      checkOutDir(opts.out, Object.values(resultsPaths(out)));
      const command = commandLine(opts);
      const results = await withInterrupts((signal, kill) =>
        compare(
          config,
          { out, workers: opts.workers, backend: opts.backend, notes, signal, kill, command },
          io,
        ),
      );
      finish(results, out, opts.json === true, io);
    });
}
