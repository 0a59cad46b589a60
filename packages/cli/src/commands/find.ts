/**
 * `lrkit find`: the learning-rate range test on a TensorFlow.js model (the bundled demo, a saved
 * model.json with a CSV file, or the user's experiment module), with its plot. The sweep itself is
 * the pipeline of `pipelines/find.ts`.
 *
 * @module
 */
import { join } from "node:path";
import type { Command } from "commander";
import Table from "cli-table3";
import { SUGGESTIONS, toText, type SuggestionName } from "lrkit";
import { rangeTestChart } from "@lrkit/plot";
import { writeFileAtomic } from "@lrkit/compare";
import { OPTIMIZER_NAMES, OPTIMIZERS, type OptimizerName } from "@lrkit/tfjs";
import { CliError, type Io } from "../io.js";
import { integerList, nonNegativeInt, positiveInt, positiveNumber } from "../options.js";
import { onStopSignal } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { DATASETS, MODELS } from "../bundled/bundled.js";
import { find, type FindOptions, type FindResult } from "../pipelines/find.js";

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

/** The options of `lrkit find`: the sweep's, and where its result goes. */
interface FindCliOptions extends FindOptions {
  out?: string;
  json?: boolean;
}

/** "1e-5 for adam, adamax and rmsprop, else 1e-3": each optimizer's range-test start, from its entry. */
function startDefaults(): string {
  const byStart = new Map<number, OptimizerName[]>();
  for (const name of OPTIMIZER_NAMES) {
    const start = OPTIMIZERS[name].rangeTestStart;
    byStart.set(start, [...(byStart.get(start) ?? []), name]);
  }
  // The start of most optimizers is the "else".
  const groups = [...byStart].sort((a, b) => a[1].length - b[1].length);
  const and = new Intl.ListFormat("en-GB", { type: "conjunction" });
  return groups
    .map(([start, names], i) =>
      i === groups.length - 1
        ? `else ${start.toExponential()}`
        : `${start.toExponential()} for ${and.format(names)}`,
    )
    .join(", ");
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
    .option("--start <lr>", `the first lr (default ${startDefaults()})`, positiveNumber)
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
    .action(async (opts: FindCliOptions) => {
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
