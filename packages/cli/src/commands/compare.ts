/**
 * `lrkit compare`: trains one model from one initialisation under several schedules, in parallel
 * on worker threads (the pipeline of `pipelines/compare.ts`), and writes the results (JSON, after
 * every epoch) and a self-contained HTML report.
 *
 * @module
 */
import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  readResults,
  ReportError,
  ResultsError,
  resultsPaths,
  writeResults,
  type CompareResults,
  type HalvingOptions,
} from "@lrkit/compare";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { readCompareConfig, type CompareConfig } from "../experiment/config.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER } from "../experiment/d2lPreset.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { readResumeFile, resumePaths } from "../experiment/resumeFile.js";
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
  halving?: HalvingOptions;
  resume?: string;
  queue?: string;
}

const HALVING_SYNTAX = "minEpochs=<positive integer>[,eta=<number above 1>]";

/** Parses `--halving minEpochs=1,eta=2` (commander). */
function halvingOption(value: string): HalvingOptions {
  const fields = new Map<string, number>();
  for (const part of value.split(",")) {
    const [key, text, extra] = part.split("=").map((s) => s.trim());
    const n = Number(text);
    if (
      (key !== "minEpochs" && key !== "eta") ||
      extra !== undefined ||
      !text ||
      !Number.isFinite(n) ||
      fields.has(key)
    )
      throw new InvalidArgumentError(`expected ${HALVING_SYNTAX}, got "${value}"`);
    fields.set(key, n);
  }
  const minEpochs = fields.get("minEpochs");
  const eta = fields.get("eta") ?? 2;
  if (minEpochs === undefined || !Number.isInteger(minEpochs) || minEpochs < 1 || eta <= 1)
    throw new InvalidArgumentError(`expected ${HALVING_SYNTAX}, got "${value}"`);
  return { minEpochs, eta };
}

/** The options that describe a new compare, which `--resume` takes from the compare it continues. */
const NEW_COMPARE = ["config", "preset", "epochs", "trainSize", "testSize", "halving"] as const;

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
  if (opts.halving !== undefined)
    parts.push(`--halving minEpochs=${opts.halving.minEpochs},eta=${opts.halving.eta}`);
  if (opts.queue !== undefined) parts.push(`--queue ${opts.queue}`);
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
    .option(
      "--queue <url>",
      "train on the workers of a Redis queue (redis://HOST:PORT; start them with lrkit worker --queue <url>) instead of worker threads",
    )
    .option("--backend <name>", "auto, wasm or cpu (tensorflow with @tensorflow/tfjs-node installed)", "auto")
    .option(
      "--out <dir>",
      "where results.json (written after every epoch) and report.html (at the end) go",
      "lrkit-report",
    )
    .option("--json", "print the results JSON on stdout")
    .option(
      "--halving <params>",
      `successive halving (ASHA's, synchronous): ${HALVING_SYNTAX}; after minEpochs epochs the best 1/eta of the runs (by the headline value) go on, after minEpochs*eta the best 1/eta of those, ...; off by default`,
      halvingOption,
    )
    .option(
      "--resume <dir>",
      "continue the interrupted compare whose --out was <dir>: finished epochs kept, every run from its newest checkpoint",
    )
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
      if (opts.resume !== undefined) {
        const given = NEW_COMPARE.find((k) => opts[k] !== undefined);
        if (given !== undefined)
          throw new CliError(
            `--resume continues a compare as it was started: give --${given.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} to a new compare, not with --resume`,
          );
        if (opts.queue !== undefined)
          throw new CliError(
            "--resume continues a compare on this machine's worker threads, not with --queue",
          );
        const dir = resolve(opts.resume);
        const resumed = readResumeFile(opts.resume);
        checkOutDir(opts.resume, [...Object.values(resultsPaths(dir)), resumePaths(dir).file]);
        const { config, ...rest } = resumed;
        const results = await withInterrupts((signal, kill) =>
          compare(
            config,
            { ...rest, out: dir, workers: opts.workers, backend: opts.backend, signal, kill, resume: true },
            io,
          ),
        );
        finish(results, dir, opts.json === true, io);
        return;
      }
      const given = configOf(opts);
      // --halving overrides the config file's: the config is then the one place of it (the resume file keeps it).
      const config = opts.halving !== undefined ? { ...given.config, halving: opts.halving } : given.config;
      const { notes } = given;
      checkOutDir(opts.out, [...Object.values(resultsPaths(out)), resumePaths(out).file]);
      const command = commandLine(opts);
      const results = await withInterrupts((signal, kill) =>
        compare(
          config,
          {
            out,
            workers: opts.workers,
            backend: opts.backend,
            notes,
            signal,
            kill,
            command,
            ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
          },
          io,
        ),
      );
      finish(results, out, opts.json === true, io);
    });
}
