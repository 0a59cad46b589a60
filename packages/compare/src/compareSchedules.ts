/**
 * Comparing schedules on real training: one model, one initialisation, one data order, several
 * learning-rate schedules.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { fromSpec, isSchedule, parseSchedule, toText, type Schedule, type ScheduleSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import {
  isOptimizerName,
  OPTIMIZER_NAMES,
  type LossOption,
  type OptimizerName,
  type OptimizerOptions,
  type TrainingData,
} from "@lrkit/tfjs";
import { directoryStore } from "./checkpoint/directoryStore.js";
import { experimentHash } from "./checkpoint/experimentHash.js";
import type { Experiment } from "./experiment/experiment.js";
import { moduleUrl } from "./experiment/loadExperiment.js";
import type { Probe } from "./experiment/probe.js";
import { runQueue, type QueueListener } from "./queue/runQueue.js";
import { halvingReport } from "./halving/halvingReport.js";
import { halvingRungs, type HalvingOptions } from "./halving/successiveHalving.js";
import { headlineOf } from "./results/metrics.js";
import { machine, runLinter, runResult, type RunLinter } from "./results/results.js";
import {
  RESULTS_FORMAT,
  type CompareResults,
  type ExperimentSummary,
  type FindReport,
  type Published,
} from "./results/schema.js";
import { runInProcess } from "./runner/inProcess.js";
import { poolProgress, runPool, type PoolProgress } from "./runner/pool.js";
import type { RunSetup } from "./runner/protocol.js";
import type { RunSpec } from "./runner/runSpec.js";

/** One schedule to compare. */
export interface ScheduleEntry {
  /** The run's name in the results and the report. */
  readonly name: string;
  /** An lrkit Schedule, a JSON spec, or a spec in the text syntax (`"cosine(lr=0.1, steps=30)"`). */
  readonly schedule: Schedule | ScheduleSpec | string;
  /** What one step of the schedule is: an epoch or an update ("batch"). Defaults to "epoch". */
  readonly unit?: "epoch" | "batch";
  /** A remark shown under the run in the report. */
  readonly note?: string;
  /** Figures published for the run, shown beside the measured ones. */
  readonly published?: Published;
}

/** Data, or a function that gives it. */
export type DataSource = TrainingData | (() => TrainingData | Promise<TrainingData>);

/** Options of {@link compareSchedules}. */
export interface CompareOptions {
  /**
   * Builds a new model for each run (compiled, or trained with `loss`); with `data`, the runs
   * train one after another in this thread. Every run starts from the weights of the first model
   * built, whatever its initialisers.
   */
  readonly model?: () => LayersModel | Promise<LayersModel>;
  /** The training data (with `model`): tensors, a tf.data dataset or an image set. */
  readonly data?: DataSource;
  /** The validation data (with `model`), evaluated after each epoch. */
  readonly validation?: DataSource;
  /**
   * Instead of `model` and `data`: an ES module (a path or a file URL) exporting `model()`,
   * `data()` and optionally `validation()` and `describe()`, which each worker thread imports to
   * build its own model and data.
   */
  readonly module?: string | URL;
  /** What the module's functions receive (JSON). */
  readonly moduleOptions?: unknown;
  /** The schedules. */
  readonly schedules: readonly ScheduleEntry[];
  /** Epochs of every run; a positive integer. */
  readonly epochs: number;
  /** Examples per update. Defaults to 32. */
  readonly batchSize?: number;
  /** A named optimizer, made new for each run. Defaults to each model's compiled optimizer, else "sgd". */
  readonly optimizer?: OptimizerName;
  /** Options of the named optimizer (momentum, betas, ...). */
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  /** The loss, when the model's compiled one is not to be used (by name with `module`). */
  readonly loss?: LossOption;
  /** The seed of the data order, the same for every run. Defaults to 0. */
  readonly seed?: number;
  /**
   * Worker threads, with `module`: each trains whole runs. Defaults to one per core (at most one
   * per run). With `model` and `data` the runs train in this thread (1).
   */
  readonly workers?: number;
  /** The backend of the worker threads: "auto" (the best available), "wasm", "cpu" or "tensorflow". Defaults to "auto". */
  readonly backend?: string;
  /** Stops cleanly: each run stops before its next update, keeping its finished epochs. */
  readonly signal?: AbortSignal;
  /** Stops at once (the worker threads are terminated); finished epochs are kept. */
  readonly kill?: AbortSignal;
  /**
   * With `module`: train on the workers of a Redis queue instead of worker threads (`serveQueue`,
   * `lrkit worker`, on any machine with the same experiment). `url` is `redis://HOST:PORT`;
   * `source` is what the workers resolve into the module (defaults to the module's URL and options).
   */
  readonly queue?: { readonly url: string; readonly source?: unknown };
  /** Progress, as it happens (with `queue`, `notice` gets a line about the queue's events). */
  readonly listener?: QueueListener;
  /**
   * Called with the results so far after every finished epoch and at the end of every run, to keep
   * them (`writeResultsFile` writes them atomically): a crash or a kill then loses no finished
   * epoch. Until every run has ended they are `stopped: "interrupted"`, the run under way `aborted`
   * and the runs not started `skipped`: what a stop at that moment would keep. An error it throws
   * stops the runs, as `signal` does, and compareSchedules rejects with it.
   */
  readonly onResults?: (results: CompareResults) => void;
  /**
   * A directory for the runs' checkpoints (one after every epoch of every run, the two newest
   * kept): a compare interrupted (a signal, a crash) and started again with the same options and
   * directory continues each run from its newest checkpoint, and ends with the same numbers as a
   * compare never interrupted (tensors and image sets are ordered by the seed and the epoch alone;
   * the shuffling of a tf.data dataset is its own, and not checkpointed). Defaults to none (a
   * temporary one with `halving`, removed at the end).
   */
  readonly checkpoints?: string;
  /**
   * Successive halving (ASHA's synchronous form): after `minEpochs` epochs the best 1/`eta` of the
   * runs by the headline go on, after `minEpochs·eta` the best 1/`eta` of those, ...; the others
   * stop (`status: "pruned"`). Defaults to none: every run trains every epoch.
   */
  readonly halving?: HalvingOptions;
  /** What differs from the experiment reproduced, for the report. */
  readonly notes?: readonly string[];
  /** An LR range test to include in the results. */
  readonly finder?: FindReport | null;
  /** The command line, kept in the results. */
  readonly command?: string;
}

const fn = "compareSchedules";

function runSpecs(entries: readonly ScheduleEntry[]): RunSpec[] {
  if (!Array.isArray(entries) || entries.length === 0)
    throw new TypeError(
      `${fn}: schedules must be a non-empty list of { name, schedule }, got ${JSON.stringify(entries)}`,
    );
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    if (typeof entry?.name !== "string" || entry.name.trim() === "")
      throw new TypeError(
        `${fn}: schedules[${i}].name must be a non-empty string, got ${JSON.stringify(entry?.name)}`,
      );
    if (seen.has(entry.name))
      throw new RangeError(`${fn}: schedules[${i}].name "${entry.name}" is used twice`);
    seen.add(entry.name);
    const unit = entry.unit ?? "epoch";
    if (unit !== "epoch" && unit !== "batch")
      throw new TypeError(
        `${fn}: schedules[${i}].unit must be "epoch" or "batch", got ${JSON.stringify(unit)}`,
      );
    const s = entry.schedule;
    const schedule = isSchedule(s) ? s : typeof s === "string" ? parseSchedule(s) : fromSpec(s);
    return {
      name: entry.name,
      spec: schedule.spec,
      text: toText(schedule.spec),
      unit,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      ...(entry.published !== undefined ? { published: entry.published } : {}),
    };
  });
}

const positiveInt = (name: string, v: unknown) => {
  if (!(typeof v === "number" && Number.isInteger(v) && v > 0))
    throw new RangeError(`${fn}: ${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
};

async function inProcessExperiment(o: CompareOptions): Promise<Experiment> {
  const resolve = async (d: DataSource) => (typeof d === "function" ? await d() : d);
  const validation = o.validation === undefined ? undefined : await resolve(o.validation);
  return {
    model: async () => o.model!(),
    data: await resolve(o.data!),
    ...(validation !== undefined ? { validation } : {}),
    describe: { model: "model()", data: "data", validation: validation === undefined ? null : "validation" },
  };
}

/** The results of the runs in `progress`, after `wall` seconds on `workers` threads. */
function resultsOf(
  o: CompareOptions,
  runs: readonly RunSpec[],
  setup: RunSetup,
  progress: PoolProgress,
  workers: number,
  wall: number,
  linter: RunLinter,
): CompareResults {
  const experiment = summary(o, setup, progress.probe);
  const unfinished = progress.runs.some((r) => r.status === "running" || r.status === "skipped");
  const interrupted = o.signal?.aborted === true || o.kill?.aborted === true || unfinished;
  return {
    format: RESULTS_FORMAT,
    experiment,
    runs: runs.map((run, i) => runResult(run, progress.runs[i]!, experiment, linter)),
    machine: machine(progress.backend, workers, wall),
    finder: o.finder ?? null,
    stopped: interrupted ? "interrupted" : "completed",
    ...(o.command !== undefined ? { command: o.command } : {}),
    ...(o.halving && progress.plan
      ? {
          halving: halvingReport(
            progress.plan,
            o.halving,
            progress.headline,
            runs.map((r) => r.name),
            progress.runs.map((r) => r.epochs.length),
            setup.epochs,
          ),
        }
      : {}),
  };
}

function summary(o: CompareOptions, setup: RunSetup, probe: Probe | null): ExperimentSummary {
  const metrics = probe ? [...probe.metrics] : ["loss"];
  return {
    model: probe?.describe.model ?? "(not built: stopped before any run)",
    data: probe?.describe.data ?? "(not loaded)",
    validation: probe?.describe.validation ?? null,
    trainExamples: probe?.trainExamples ?? null,
    validationExamples: probe?.validationExamples ?? null,
    classes: probe?.classes ?? null,
    epochs: setup.epochs,
    batchSize: setup.batchSize,
    stepsPerEpoch: probe?.stepsPerEpoch ?? null,
    optimizer: probe?.optimizer ?? setup.optimizer ?? "sgd",
    ...(setup.optimizerOptions
      ? { optimizerOptions: setup.optimizerOptions as Record<string, number | boolean> }
      : {}),
    loss: probe?.loss ?? "the model's",
    seed: setup.seed,
    metrics,
    headline: headlineOf(metrics),
    notes: [...(o.notes ?? [])],
  };
}

/**
 * Trains one model under several schedules and returns the results: every run starts from the same
 * initial weights and sees the same batches in the same order; only the learning rate differs. Each
 * epoch records the lr and every logged value (`loss` and the compiled metrics, or the accuracy of
 * a classifier, with `val_` twins on validation data); each run gets its final figures, its best
 * value of the headline (`val_acc`, else `val_loss`, ...), and lint's findings for its plan.
 *
 * The experiment is `model` and `data` (runs one after another in this thread), or a `module` that
 * every worker thread imports (runs in parallel, one per worker). An aborted `signal` stops each
 * run before its next update and keeps the finished epochs (`stopped: "interrupted"`). `onResults`
 * receives the results so far after every epoch, to keep them on disk as the runs go.
 *
 * @returns the results, valid against `resultsSchema` (write them with `writeResults`, render them
 *   with `renderReport`).
 * @throws TypeError or RangeError for bad options (before any training); Error when no worker
 *   can set up the experiment (the module's error, or data that does not fit the model); the error
 *   `onResults` threw (the runs were stopped). A run that fails is recorded as failed, with its
 *   error; the others go on.
 * @example
 * ```ts
 * const results = await compareSchedules({
 *   model: () => buildModel(), data: { xs, ys }, validation: { xs: xv, ys: yv },
 *   schedules: [
 *     { name: "constant", schedule: "constant(lr=0.01)" },
 *     { name: "one-cycle", schedule: oneCycle({ maxLr: 0.05, steps: 200 }), unit: "batch" },
 *   ],
 *   epochs: 10, batchSize: 64,
 * });
 * writeFileSync("report.html", renderReport(results));
 * ```
 */
export async function compareSchedules(options: CompareOptions): Promise<CompareResults> {
  const o = options;
  const inProcess = o.model !== undefined || o.data !== undefined;
  if (inProcess === (o.module !== undefined))
    throw new TypeError(
      `${fn}: give either model and data (runs in this thread) or module (runs in worker threads)`,
    );
  if (inProcess && (typeof o.model !== "function" || o.data === undefined))
    throw new TypeError(
      `${fn}: model must be a function returning a new model, and data must be given, got model ${typeof o.model} and data ${typeof o.data}`,
    );
  const runs = runSpecs(o.schedules);
  const epochs = positiveInt("epochs", o.epochs);
  const batchSize = positiveInt("batchSize", o.batchSize ?? 32);
  const seed = o.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`${fn}: seed must be a non-negative integer, got ${JSON.stringify(seed)}`);
  if (o.optimizer !== undefined && !isOptimizerName(o.optimizer))
    throw new TypeError(
      `${fn}: optimizer must be one of ${OPTIMIZER_NAMES.join(", ")}, got ${JSON.stringify(o.optimizer)}`,
    );
  const workers = o.workers ?? (inProcess ? 1 : Math.min(availableParallelism(), runs.length));
  positiveInt("workers", workers);
  if (inProcess && workers > 1)
    throw new RangeError(
      `${fn}: workers > 1 needs module (an ES module exporting model() and data(), imported by each worker thread): functions cannot be sent to a thread, got workers ${workers}`,
    );
  if (!inProcess && o.loss !== undefined && JSON.stringify(o.loss) === undefined)
    throw new TypeError(
      `${fn}: with module, loss must be given by name (a function cannot be sent to a worker thread)`,
    );
  const setup: RunSetup = {
    epochs,
    batchSize,
    ...(o.optimizer !== undefined ? { optimizer: o.optimizer } : {}),
    ...(o.optimizerOptions !== undefined ? { optimizerOptions: o.optimizerOptions } : {}),
    ...(o.loss !== undefined ? { loss: o.loss } : {}),
    seed,
    backend: o.backend ?? "auto",
  };
  if (o.halving !== undefined) halvingRungs(epochs, o.halving);
  const pool = runs.map(({ spec, unit }) => ({ spec, unit }));
  const progress = poolProgress(runs.length);
  // What each worker (thread or queue worker) starts from.
  const start = inProcess
    ? undefined
    : { setup, module: moduleUrl(o.module!), moduleOptions: o.moduleOptions };
  // On a queue the workers keep the runs' checkpoints (in Redis, or in their directory).
  const queue = inProcess ? undefined : o.queue;
  // Halving continues runs from their rung's checkpoint: without a directory, a temporary one.
  const temporary =
    o.halving && !queue && o.checkpoints === undefined
      ? mkdtempSync(join(tmpdir(), "lrkit-halving-"))
      : undefined;
  const checkpointDir = queue ? undefined : (o.checkpoints ?? temporary);
  const checkpoints = checkpointDir && {
    dir: checkpointDir,
    experiment: experimentHash({
      setup: { ...setup, backend: undefined },
      module: start?.module ?? null,
      moduleOptions: o.moduleOptions,
      runs: runs.map(({ name, spec, unit }) => ({ name, spec, unit })),
    }),
    keys: runs.map((r) => r.name),
    // Only the run's next segment reads a temporary directory: its segment's last checkpoint.
    ...(temporary ? { onlyAtSegmentEnd: true } : {}),
  };
  const linter = runLinter();
  const began = performance.now();
  const seconds = () => (performance.now() - began) / 1000;
  const threads = inProcess ? 0 : Math.min(workers, runs.length);
  // The runs stop on the caller's signal, or when onResults throws (its error is the reason).
  const halt = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, halt.signal]) : halt.signal;
  const keep = () => {
    if (o.onResults === undefined || halt.signal.aborted) return;
    try {
      o.onResults(resultsOf(o, runs, setup, progress, threads, seconds(), linter));
    } catch (error) {
      halt.abort(error);
    }
  };
  const listener: QueueListener = {
    ...o.listener,
    epoch: (run, record) => {
      o.listener?.epoch?.(run, record);
      keep();
    },
    finished: (run, record) => {
      o.listener?.finished?.(run, record);
      keep();
    },
  };
  const local = {
    listener,
    progress,
    ...(o.halving !== undefined ? { halving: o.halving } : {}),
  };
  try {
    const outcome =
      start === undefined
        ? await runInProcess(await inProcessExperiment(o), setup, pool, {
            signal,
            ...local,
            ...(checkpoints
              ? { checkpoints: { ...checkpoints, store: directoryStore(checkpoints.dir) } }
              : {}),
          })
        : queue
          ? await runQueue(start, runs, { ...queue, signal, ...local })
          : await runPool(start, pool, {
              workers,
              signal,
              ...(o.kill ? { kill: o.kill } : {}),
              ...local,
              ...(checkpoints ? { checkpoints } : {}),
            });
    if (halt.signal.aborted) throw halt.signal.reason;
    return resultsOf(o, runs, setup, progress, outcome.workers, seconds(), linter);
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
