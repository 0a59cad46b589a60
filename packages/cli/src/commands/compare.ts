/**
 * `lrkit compare`: trains one model from one initialisation under several schedules, in parallel
 * on worker threads (the pipeline of `pipelines/compare.ts`), and writes the results (JSON, after
 * every epoch) and a self-contained HTML report.
 *
 * @module
 */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import {
  readResults,
  ReportError,
  ResultsError,
  resultsPaths,
  writeResults,
  type CompareResults,
} from "@lrkit/compare";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { readCompareConfig, type CompareConfig } from "../experiment/config.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER } from "../experiment/d2lPreset.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { compare } from "../pipelines/compare.js";
import { finish } from "../report/finish.js";

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
