/**
 * The pipeline of `lrkit find`: the learning-rate range test on a TensorFlow.js model (the bundled
 * demo, a saved model.json with a CSV file, or the user's experiment module), from the command's
 * options to its result. `lrkit find` and `lrkit demo` call it.
 *
 * @module
 */
import { dispose, type Optimizer, type Tensor } from "@tensorflow/tfjs-core";
import type { RangeTestOptions, RangeTestResult } from "lrkit";
import { chooseBackend, loadExperiment, type FindReport } from "@lrkit/compare";
import {
  createOptimizer,
  disposeOptimizer,
  findLearningRate,
  isOptimizerName,
  OPTIMIZER_NAMES,
  OPTIMIZERS,
  optimizerName,
  type OptimizerName,
} from "@lrkit/tfjs";
import { CliError, type Io } from "../io.js";
import { atMost } from "../options.js";
import { progress } from "../progress.js";
import { resolveSource } from "../experiment/source.js";

/** The options of `lrkit find` that say what to sweep (those of its output are the command's). */
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

const pick = (name: string): OptimizerName => {
  if (!isOptimizerName(name))
    throw new CliError(`unknown optimizer "${name}" (expected ${OPTIMIZER_NAMES.join(", ")})`);
  return name;
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
    const start = opts.start ?? OPTIMIZERS[kind].rangeTestStart;
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
