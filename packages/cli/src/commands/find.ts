/**
 * `lrkit find`: the learning-rate range test on a TensorFlow.js model, with its plot.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import Table from "cli-table3";
import {
  rangeTest,
  SUGGESTIONS,
  toText,
  type RangeTestOptions,
  type RangeTestResult,
  type SuggestionName,
} from "lrkit";
import { lrFinderChart } from "@lrkit/plot";
import { createOptimizer, disposeOptimizer, tfjsLearner } from "@lrkit/tfjs";
import type { Io } from "../io.js";
import { integerList, nonNegativeInt, positiveInt, positiveNumber } from "../options.js";
import { progress } from "../progress.js";
import {
  backend,
  datasetName,
  DATASETS,
  modelName,
  MODELS,
  optimizerNameArg,
} from "../experiment/resources.js";

/** The options of `lrkit find`. */
interface FindOptions {
  model: string;
  data: string;
  optimizer: string;
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

/** What `lrkit find --json` prints: the range test's result and how it was run. */
export interface FindReport extends RangeTestResult {
  readonly iterations: number;
  readonly seconds: number;
  readonly setup: {
    model: string;
    data: string;
    optimizer: string;
    batch: number;
    backend: string;
    seed: number;
  };
}

/** Optimizers whose good learning rates are small (around 1e-3): their sweep starts lower. */
const ADAPTIVE = new Set(["adam", "adamax", "rmsprop"]);

const fmt = (v: number | null) => (v === null ? "-" : Number(v.toPrecision(3)).toString());

function summary(report: FindReport): string {
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

/** Runs the range test as the options say. */
export async function find(opts: FindOptions, io: Io, signal?: AbortSignal): Promise<FindReport> {
  const model = modelName(opts.model);
  const data = datasetName(opts.data);
  const optimizerName = optimizerNameArg(opts.optimizer);
  const picked = await backend(opts.backend);
  const { train } = await DATASETS[data]();
  const net = MODELS[model](opts.seed);
  const start = opts.start ?? (ADAPTIVE.has(optimizerName) ? 1e-5 : 1e-3);
  const optimizer = createOptimizer(optimizerName, { lr: start });
  const planned =
    opts.iterations ??
    (opts.multiplier ? Math.floor(Math.log(opts.end / start) / Math.log(opts.multiplier)) + 1 : 200);
  const bar = progress(io, "lr range test", planned);
  const options: RangeTestOptions = {
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
    ...(signal ? { signal } : {}),
    onProgress: ({ iteration, lr, smoothed }) =>
      bar.update(iteration + 1, `lr ${lr.toExponential(2)} loss ${smoothed.toFixed(4)}`),
  };
  const began = performance.now();
  try {
    const result = await rangeTest(
      tfjsLearner({ model: net, optimizer, train, batchSize: opts.batch, seed: opts.seed }),
      options,
    );
    const seconds = (performance.now() - began) / 1000;
    const iterations = result.sweeps.reduce((n, s) => n + s.lrs.length, 0);
    return {
      ...result,
      iterations,
      seconds,
      setup: {
        model,
        data,
        optimizer: optimizerName,
        batch: opts.batch,
        backend: picked.backend,
        seed: opts.seed,
      },
    };
  } finally {
    bar.stop();
    disposeOptimizer(optimizer);
    net.dispose();
  }
}

/** Adds the `find` command to `program`. */
export function findCommand(program: Command, io: Io): void {
  program
    .command("find")
    .description("the learning-rate range test (LR finder) on LeNet or an MLP; restores the model afterwards")
    .option("--model <name>", `the model: ${Object.keys(MODELS).join(", ")}`, "lenet")
    .option("--data <name>", `the dataset: ${Object.keys(DATASETS).join(", ")}`, "fashion-mnist")
    .option("--optimizer <name>", "sgd, momentum, adam, adamax, rmsprop, adagrad, adadelta", "sgd")
    .option("--batch <n>", "batch size", positiveInt, 256)
    .option(
      "--start <lr>",
      "the first lr (default 1e-5 for adam, adamax and rmsprop, else 1e-3)",
      positiveNumber,
    )
    .option("--end <lr>", "the last lr", positiveNumber, 10)
    .option("--iterations <n>", "steps of the sweep (default 200)", positiveInt)
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
    .option("--seed <n>", "the seed of the weights and the data order", nonNegativeInt, 0)
    .option(
      "--seeds <list>",
      "one sweep per data order, e.g. 1,2,3, to see how much the suggestion moves",
      integerList,
    )
    .option("--training-steps <n>", "the run length the suggested schedules are built for", positiveInt, 1000)
    .option("--backend <name>", "auto, wasm or cpu (tensorflow with @tensorflow/tfjs-node installed)", "auto")
    .option("--out <dir>", "write lr-finder.svg and lr-finder.json there")
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: FindOptions) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      try {
        const report = await find(opts, io, controller.signal);
        if (opts.out) {
          mkdirSync(opts.out, { recursive: true });
          const svg = lrFinderChart(
            {
              lrs: report.lrs,
              losses: report.smoothed,
              rawLosses: report.losses,
              suggestions: withoutNulls(report.suggestions),
            },
            {
              title: `LR range test: ${report.setup.model} on ${report.setup.data}, ${report.setup.optimizer}, batch ${report.setup.batch}`,
            },
          );
          writeFileSync(join(opts.out, "lr-finder.svg"), svg);
          writeFileSync(join(opts.out, "lr-finder.json"), `${JSON.stringify(report, null, 1)}\n`);
        }
        if (opts.json) io.out(`${JSON.stringify(report)}\n`);
        else io.out(summary(report) + (opts.out ? `plot: ${join(opts.out, "lr-finder.svg")}\n` : ""));
      } finally {
        process.off("SIGINT", stop);
      }
    });
}

function withoutNulls(suggestions: Record<string, number | null>): Record<string, number> {
  return Object.fromEntries(Object.entries(suggestions).filter((e): e is [string, number] => e[1] !== null));
}
