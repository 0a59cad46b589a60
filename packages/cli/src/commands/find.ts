/**
 * `lrkit find`: the learning-rate range test on a TensorFlow.js model (the bundled demo, a saved
 * model.json with a CSV file, or the user's experiment module), with its plot.
 *
 * @module
 */
import { join } from "node:path";
import type { Command } from "commander";
import Table from "cli-table3";
import { dispose, type Optimizer, type Tensor } from "@tensorflow/tfjs-core";
import { SUGGESTIONS, toText, type RangeTestOptions, type RangeTestResult, type SuggestionName } from "lrkit";
import { rangeTestChart } from "@lrkit/plot";
import { chooseBackend, loadExperiment, writeFileAtomic, type FindReport } from "@lrkit/compare";
import {
  createOptimizer,
  disposeOptimizer,
  findLearningRate,
  OPTIMIZER_NAMES,
  optimizerName,
  type OptimizerName,
} from "@lrkit/tfjs";
import { CliError, type Io } from "../io.js";
import { atMost, integerList, nonNegativeInt, positiveInt, positiveNumber } from "../options.js";
import { progress } from "../progress.js";
import { onStopSignal } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { resolveSource } from "../experiment/source.js";
import { DATASETS, MODELS } from "../bundled/bundled.js";

/** The options of `lrkit find`. */
export interface FindOptions {
  model?: string;
  data?: string;
  label?: string[];
  features?: string[];
  target?: "oneHot" | "index" | "value";
  validation?: string;
  validationLoss?: boolean;
  module?: string;
  loss?: string;
  optimizer?: string;
  batch: number;
  start?: number;
  end: number;
  iterations?: number;
  multiplier?: number;
  smoothing: "ema" | "runningMean";
  diverge: number;
  divergeFrom: "best" | "first";
  minIterations: number;
  accumulate: number;
  seed: number;
  seeds?: number[];
  trainingSteps: number;
  backend?: string;
  out?: string;
  json?: boolean;
}

/** What `lrkit find` gives: the range test's result and how it was run (a `FindReport` of the compare results). */
export type FindResult = RangeTestResult & Pick<FindReport, "iterations" | "seconds" | "setup">;

/**
 * The most steps of one sweep: every sweep's curve is kept in memory, written after each sweep and
 * plotted (a range test takes 100 to 1,000; 2^31 ran out of memory before the first step).
 */
export const MAX_FIND_STEPS = 10_000;

/** The most sweeps (`--seeds`, one sweep each): with {@link MAX_FIND_STEPS}, a curve of 10^6 steps in all. */
export const MAX_FIND_SEEDS = 100;

/** Refuses a sweep of more than {@link MAX_FIND_STEPS} steps, `what` naming the option that sets it. */
const checkSteps = (what: string, steps: number) =>
  atMost("find", what, steps, MAX_FIND_STEPS, "each sweep's curve is kept, written and plotted");

/** What {@link find} reports to its caller as it goes. */
export interface FindHooks {
  /** Stops the sweep at its next step (the partial curve is kept). */
  readonly signal?: AbortSignal;
  /** Called with the result so far after every sweep (one per seed), e.g. to write it. */
  readonly onSweep?: (report: FindResult) => void;
}

/** Optimizers whose good learning rates are small (around 1e-3): their sweep starts lower. */
const ADAPTIVE = new Set(["adam", "adamax", "rmsprop"]);

const fmt = (v: number | null) => (v === null ? "-" : Number(v.toPrecision(3)).toString());

function summary(report: FindResult): string {
  const table = new Table({ head: ["method", "lr", ""], style: { head: [], border: [], compact: true } });
  for (const name of Object.keys(SUGGESTIONS) as SuggestionName[]) {
    table.push([name, fmt(report.suggestions[name]), name === report.recommended ? "recommended" : ""]);
  }
  const lines = [
    `${report.iterations} steps in ${report.seconds.toFixed(1)} s on ${report.setup.backend}, stopped by ${report.stoppedBy}; the model was restored.`,
    table.toString(),
    `agreement ${(100 * report.agreement).toFixed(0)}% (suggestions span ${report.spreadDecades.toFixed(2)} decades)`,
  ];
  if (report.sweeps.length > 1) {
    const spread = Object.entries(report.seedSpreadDecades).map(
      ([n, d]) => `${n} ${d === null ? "-" : d.toFixed(2)}`,
    );
    lines.push(
      `across ${report.sweeps.length} data orders the suggestions move by (decades): ${spread.join(", ")}`,
    );
  }
  if (report.schedules) {
    lines.push("ready schedules:");
    for (const [name, spec] of Object.entries(report.schedules)) lines.push(`  ${name}: ${toText(spec)}`);
  }
  return `${lines.join("\n")}\n`;
}

const pick = (name: string): OptimizerName => {
  if (!(OPTIMIZER_NAMES as readonly string[]).includes(name))
    throw new CliError(`unknown optimizer "${name}" (expected ${OPTIMIZER_NAMES.join(", ")})`);
  return name as OptimizerName;
};

/**
 * Runs the range test as the options say; an aborted `hooks.signal` stops it at the next step, and
 * `hooks.onSweep` receives the result so far after every sweep.
 *
 * @throws {@link CliError} for options it cannot serve (more than {@link MAX_FIND_STEPS} steps a
 *   sweep, more than {@link MAX_FIND_SEEDS} seeds; checked before anything is loaded, or, for the
 *   steps of `--multiplier` from the optimizer's default start, before the sweep) and data or a model
 *   it cannot use; what `findLearningRate` throws.
 */
export async function find(opts: FindOptions, io: Io, hooks: FindHooks = {}): Promise<FindResult> {
  if (opts.iterations !== undefined) checkSteps("--iterations", opts.iterations);
  if (opts.seeds !== undefined)
    atMost("find", "the number of --seeds", opts.seeds.length, MAX_FIND_SEEDS, "one sweep each");
  const csv = (file: string) => ({
    csv: file,
    label: opts.label?.length === 1 ? opts.label[0]! : (opts.label ?? []),
    ...(opts.features ? { features: opts.features } : {}),
    ...(opts.target ? { target: opts.target } : {}),
  });
  const csvData = opts.data !== undefined && /\.csv$/i.test(opts.data);
  if (csvData && !opts.label?.length)
    throw new CliError(`--label: the label column of ${opts.data} is needed`);
  if (opts.validationLoss && opts.module === undefined && !csvData && opts.validation !== undefined)
    throw new CliError("--validation: only with CSV data");
  const source = await resolveSource(
    {
      model: opts.model,
      data: csvData ? csv(opts.data!) : opts.data,
      validation: opts.validation !== undefined ? csv(opts.validation) : undefined,
      module: opts.module,
      loss: opts.loss,
      seed: opts.seed,
    },
    process.cwd(),
  );
  const picked = await chooseBackend(opts.backend);
  const experiment = await loadExperiment(source.module, source.moduleOptions);
  const validation = opts.validationLoss || opts.validation !== undefined ? experiment.validation : undefined;
  if (opts.validationLoss && validation === undefined)
    throw new CliError("--validation-loss: the experiment has no validation data");
  const model = await experiment.model();
  let optimizer: Optimizer | undefined;
  let owned = false;
  try {
    const named = opts.optimizer !== undefined ? pick(opts.optimizer) : model.optimizer ? undefined : "sgd";
    const kind = named ?? optimizerName(model.optimizer, "find");
    const start = opts.start ?? (ADAPTIVE.has(kind) ? 1e-5 : 1e-3);
    optimizer = named ? createOptimizer(named, { lr: start }) : model.optimizer;
    owned = named !== undefined;
    const planned =
      opts.iterations ??
      (opts.multiplier ? Math.floor(Math.log(opts.end / start) / Math.log(opts.multiplier)) + 1 : 200);
    // Below 1, or with an end below the start, rangeTest refuses --multiplier itself.
    if (opts.multiplier !== undefined && opts.multiplier > 1)
      checkSteps(`the steps of --multiplier ${opts.multiplier} from ${start} to ${opts.end}`, planned);
    const bar = progress(io, "lr range test", planned);
    const began = performance.now();
    /** The range test's result so far, with how it was run. */
    const report = (result: RangeTestResult): FindResult => ({
      ...result,
      iterations: result.sweeps.reduce((n, s) => n + s.lrs.length, 0),
      seconds: (performance.now() - began) / 1000,
      setup: {
        model: source.label.model,
        data: source.label.data,
        optimizer: kind,
        batch: opts.batch,
        backend: picked.backend,
        seed: opts.seed,
      },
    });
    const sweep: Omit<RangeTestOptions, "validation"> = {
      start,
      end: opts.end,
      ...(opts.multiplier === undefined ? { iterations: planned } : { multiplier: opts.multiplier }),
      smoothing: opts.smoothing,
      divergeFactor: opts.diverge,
      divergeFrom: opts.divergeFrom,
      minIterations: opts.minIterations,
      accumulate: opts.accumulate,
      trainingSteps: opts.trainingSteps,
      ...(opts.seeds ? { seeds: opts.seeds } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.onSweep ? { onSweep: (result) => hooks.onSweep!(report(result)) } : {}),
      onProgress: ({ iteration, lr, smoothed }) =>
        bar.update(iteration + 1, `lr ${lr.toExponential(2)} loss ${smoothed.toFixed(4)}`),
    };
    try {
      const result = await findLearningRate(model, experiment.data, {
        ...sweep,
        batchSize: opts.batch,
        seed: opts.seed,
        optimizer,
        ...(source.loss !== undefined ? { loss: source.loss } : {}),
        ...(validation !== undefined ? { validation } : {}),
      });
      return report(result);
    } finally {
      bar.stop();
    }
  } finally {
    if (owned && optimizer) disposeOptimizer(optimizer);
    const compiled = model.optimizer;
    model.dispose();
    if (compiled) disposeOptimizer(compiled);
    for (const data of [experiment.data, experiment.validation])
      if (data && "xs" in data) dispose([data.xs, data.ys] as Tensor[]);
  }
}

const list = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** Adds the `find` command to `program`. */
export function findCommand(program: Command, io: Io): void {
  program
    .command("find")
    .description(
      "the learning-rate range test (LR finder) on a model: bundled, a saved model.json with a CSV file, or your module; restores the model afterwards",
    )
    .option(
      "--model <name|model.json>",
      `a bundled model (${Object.keys(MODELS).join(", ")}; default lenet) or a saved Layers model's model.json`,
    )
    .option(
      "--data <name|file.csv>",
      `a bundled dataset (${Object.keys(DATASETS).join(", ")}; default fashion-mnist) or a CSV file (with --label)`,
    )
    .option("--label <columns>", "CSV data: the label column(s), comma-separated", list)
    .option(
      "--features <columns>",
      "CSV data: the feature columns, comma-separated (default: the others)",
      list,
    )
    .option("--target <kind>", "CSV data: labels as oneHot, index or value (default: what the loss takes)")
    .option("--validation <file.csv>", "CSV validation data: the sweep records the validation loss")
    .option(
      "--validation-loss",
      "record the validation loss (the bundled test split, or the module's validation())",
    )
    .option("--module <file>", "instead of --model and --data: an ES module exporting model() and data()")
    .option("--loss <name>", "the loss, when not the model's compiled one (e.g. categoricalCrossentropy)")
    .option(
      "--optimizer <name>",
      `${OPTIMIZER_NAMES.join(", ")} (default: the model's compiled optimizer, else sgd)`,
    )
    .option("--batch <n>", "batch size", positiveInt, 256)
    .option(
      "--start <lr>",
      "the first lr (default 1e-5 for adam, adamax and rmsprop, else 1e-3)",
      positiveNumber,
    )
    .option("--end <lr>", "the last lr", positiveNumber, 10)
    .option("--iterations <n>", "steps of the sweep (default 200, at most 10,000)", positiveInt)
    .option(
      "--multiplier <k>",
      "instead of --iterations: multiply the lr by k each step (the MXNet tutorial's 1.1)",
      positiveNumber,
    )
    .option("--smoothing <kind>", "ema (fastai) or runningMean (the MXNet tutorial)", "ema")
    .option("--diverge <k>", "stop when the smoothed loss exceeds k times the reference", positiveNumber, 4)
    .option("--diverge-from <ref>", "the reference: best or first", "best")
    .option("--min-iterations <n>", "no divergence stop before this many steps", nonNegativeInt, 0)
    .option("--accumulate <n>", "batches per update (gradient accumulation)", positiveInt, 1)
    .option(
      "--seed <n>",
      "the seed of the data order (and of the bundled models' weights)",
      nonNegativeInt,
      0,
    )
    .option(
      "--seeds <list>",
      "one sweep per data order, e.g. 1,2,3, to see how much the suggestion moves (at most 100)",
      integerList,
    )
    .option("--training-steps <n>", "the run length the suggested schedules are built for", positiveInt, 1000)
    .option("--backend <name>", "auto, wasm or cpu (tensorflow with @tensorflow/tfjs-node installed)", "auto")
    .option(
      "--out <dir>",
      "write lr-finder.json (after every sweep), then lr-finder.svg, there (checked before the sweep)",
    )
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: FindOptions) => {
      const files =
        opts.out === undefined
          ? undefined
          : { json: join(opts.out, "lr-finder.json"), svg: join(opts.out, "lr-finder.svg") };
      if (files) checkOutDir(opts.out!, [files.json, files.svg]);
      // The curves so far, whole or not at all: a kill loses only the sweep under way.
      const keep = (report: FindResult) =>
        writeFileAtomic(files!.json, `${JSON.stringify(report, null, 1)}\n`);
      // The first stop signal ends the sweep at its next step; a second ends the process.
      const controller = new AbortController();
      const off = onStopSignal((name) => controller.abort(name));
      let report: FindResult;
      try {
        report = await find(opts, io, { signal: controller.signal, ...(files ? { onSweep: keep } : {}) });
      } finally {
        off();
      }
      // The curve first, then its plot: a plot that fails does not take the curve with it.
      let plotFailure: string | null = null;
      if (files) {
        keep(report);
        try {
          const title = `LR range test: ${report.setup.model} on ${report.setup.data}, ${report.setup.optimizer}, batch ${report.setup.batch}`;
          writeFileAtomic(files.svg, rangeTestChart(report, { title }));
        } catch (e) {
          plotFailure = `the plot ${files.svg} could not be written (${(e as Error).message}); the curve is in ${files.json}`;
        }
      }
      if (opts.json) io.out(`${JSON.stringify(report)}\n`);
      else io.out(summary(report) + (files && plotFailure === null ? `plot: ${files.svg}\n` : ""));
      if (report.stoppedBy === "aborted")
        throw new CliError(
          `interrupted: the partial curve is above; the model was restored${plotFailure === null ? "" : `; ${plotFailure}`}`,
          130,
        );
      if (plotFailure !== null) throw new CliError(plotFailure, 1);
    });
}
