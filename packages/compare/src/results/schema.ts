/**
 * The results of a compare as data: the zod schema that `--from` and `readResults` validate with,
 * the source of the shipped JSON Schema (`results.schema.json`), and the TypeScript types.
 *
 * @module
 */
import * as z from "zod";

/** A number as JSON holds it: NaN and infinities (a diverged loss) are written as null. */
const value = z.number().nullable();

/** Logged values by their names in the logs: `loss`, `acc`, `val_loss`, `val_acc`, `out1_loss`, .... */
const metrics = z
  .record(z.string(), value)
  .describe(
    "Values by their names in the TensorFlow.js logs: loss and each reported metric (acc, mae, <output>_loss, ...), and with validation data the same prefixed val_. Null for a non-finite value.",
  );

const spec = z
  .looseObject({ type: z.string() })
  .describe("A schedule's JSON spec (lrkit's fromSpec rebuilds it).");

const epoch = z.strictObject({
  epoch: z.int().nonnegative().describe("The epoch, from 0."),
  lr: value.describe("The learning rate of the epoch's last update."),
  momentum: value
    .optional()
    .describe("The momentum of the epoch's last update, when the schedule drives it."),
  metrics,
  seconds: z.number().describe("Seconds of the epoch: updates and evaluation."),
  examplesPerSecond: value.describe("Training examples per second (updates only)."),
});

const best = z.strictObject({
  metric: z.string().describe("The value that ranks the runs (the experiment's headline)."),
  value,
  epoch: z.int().nonnegative().describe("The epoch where it was best, from 0."),
});

const final = z.strictObject({
  epochs: z.int().nonnegative().describe("Epochs finished."),
  metrics: metrics.describe("The last finished epoch's values."),
  best: best.nullable().describe("The best value of the headline over the epochs."),
  seconds: z.number().describe("Wall seconds of the run."),
  examplesPerSecond: value.describe("Training examples per second (updates only)."),
});

const diagnostic = z.strictObject({
  code: z.string(),
  severity: z.enum(["info", "warning", "error"]),
  step: z.int().nullable(),
  message: z.string(),
  fix: z.string(),
});

const published = z.strictObject({
  metrics: metrics.describe("Figures published for the run (a paper's, a book's), by log name."),
  source: z.string().optional().describe("Where the figures come from."),
});

const run = z.strictObject({
  name: z.string(),
  spec,
  text: z.string().describe("The spec in lrkit's text syntax."),
  unit: z.enum(["epoch", "batch"]).describe("What one schedule step is."),
  status: z
    .enum(["completed", "aborted", "failed", "skipped", "pruned"])
    .describe(
      "aborted: stopped by a signal (Ctrl-C, SIGTERM, SIGHUP), or still under way when the file was written; its finished epochs are kept. skipped: never started. pruned: stopped at a rung by successive halving (see prunedAfter).",
    ),
  prunedAfter: z
    .int()
    .positive()
    .optional()
    .describe("The epochs it trained before successive halving stopped it (status pruned)."),
  resumedFrom: z
    .int()
    .nonnegative()
    .optional()
    .describe(
      "It continued from a checkpoint of an earlier, interrupted compare, with this many epochs finished (0: from scratch, its checkpoints damaged).",
    ),
  damagedCheckpoints: z
    .array(
      z.strictObject({
        epoch: z.int().nonnegative().describe("The epoch the checkpoint was taken after."),
        reason: z.string(),
      }),
    )
    .optional()
    .describe(
      "Checkpoints found damaged and passed over: the run continued from an older one, or from scratch.",
    ),
  epochs: z.array(epoch),
  final: final.nullable().describe("Null when no epoch finished."),
  init: z
    .strictObject({
      weightsSha256: z.string().describe("SHA-256 of the initial weights (float32 bytes, in order)."),
      parameters: z.int().nonnegative(),
      firstBatchLoss: value.describe("The loss of the run's first update, before any change to the weights."),
    })
    .nullable(),
  lint: z.array(diagnostic).describe("lrkit's lint of the schedule against the run's plan."),
  note: z.string().optional(),
  published: published.optional(),
  error: z.string().optional().describe("Why the run failed."),
});

const experiment = z.strictObject({
  model: z.string().describe("The model, as described by its source."),
  data: z.string().describe("The training data."),
  validation: z.string().nullable().describe("The validation data, evaluated after each epoch, or null."),
  trainExamples: z.int().nonnegative().nullable().describe("Training examples per epoch, when known."),
  validationExamples: z.int().nonnegative().nullable(),
  classes: z.int().positive().nullable().describe("The number of classes of a classifier, when known."),
  epochs: z.int().positive(),
  batchSize: z.int().positive(),
  stepsPerEpoch: z.int().positive().nullable().describe("Updates per epoch, when known."),
  optimizer: z.string(),
  optimizerOptions: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
  loss: z.string().describe("The loss of each output."),
  seed: z.int().nonnegative().describe("The seed of the data order (and of the bundled models' weights)."),
  metrics: z.array(z.string()).describe("The names of the values every epoch logs, in order."),
  headline: z.string().describe("The value that ranks the runs: val_acc, else val_loss, acc, loss."),
  notes: z.array(z.string()).describe("What differs from the experiment being reproduced, if anything."),
});

const machine = z.strictObject({
  cpu: z.string(),
  cores: z.int().positive(),
  memoryGb: z.number(),
  platform: z.string(),
  node: z.string(),
  backend: z.string().nullable().describe("The TensorFlow.js backend of the runs."),
  backendReason: z.string().nullable(),
  workers: z.int().nonnegative().describe("Worker threads (0: the runs trained in the calling thread)."),
  wallSeconds: z.number().describe("Wall seconds of the whole compare (training only)."),
  finishedAt: z.string().describe("When it finished (ISO 8601)."),
});

const suggestions = z.record(z.string(), value).describe("Each suggestion method's lr, or null.");

const sweep = z.strictObject({
  seed: z.number().nullable(),
  lrs: z.array(z.number().positive()).describe("The lr of each step, from the first."),
  losses: z.array(value),
  smoothed: z.array(value),
  stoppedBy: z.enum(["end", "divergence", "nan", "aborted"]),
  suggestions,
});

const finder = z.strictObject({
  ...sweep.shape,
  recommended: z.string().nullable(),
  recommendedLr: value,
  agreement: z.number(),
  spreadDecades: z.number(),
  schedules: z.record(z.string(), spec).nullable().describe("Schedules derived from the recommended lr."),
  sweeps: z.array(sweep).min(1).describe("Every sweep (one per seed); the first is the curve above."),
  seedSpreadDecades: z.record(z.string(), value),
  restored: z.literal(true),
  iterations: z.int().nonnegative(),
  seconds: z.number(),
  setup: z.strictObject({
    model: z.string(),
    data: z.string(),
    optimizer: z.string(),
    batch: z.int().positive(),
    backend: z.string(),
    seed: z.int(),
  }),
});

const halving = z.strictObject({
  minEpochs: z.int().positive().describe("Epochs of the first rung (ASHA's r)."),
  eta: z.number().gt(1).describe("The reduction factor (ASHA's η): the best 1/eta of a rung go on."),
  metric: z.string().describe("The value the runs are ranked by at each rung (the headline)."),
  rungs: z
    .array(
      z.strictObject({
        epoch: z.int().positive().describe("Epochs every run still in had trained."),
        ranked: z
          .array(z.strictObject({ name: z.string(), value }))
          .describe("The runs at the rung with their values, best first."),
        kept: z.array(z.string()).describe("The runs that went on."),
      }),
    )
    .describe("The rungs decided, in order."),
  epochsTrained: z.int().nonnegative().describe("Epochs trained, summed over the runs."),
  epochsWithout: z.int().nonnegative().describe("Epochs every run would have trained without halving."),
});

/** The format tag of a results file. */
export const RESULTS_FORMAT = "lrkit-compare-results/1";

/** The schema of a compare's results (`results.json`). */
export const resultsSchema = z
  .strictObject({
    format: z.literal(RESULTS_FORMAT),
    experiment,
    runs: z.array(run).min(1),
    machine,
    finder: finder.nullable().describe("An LR range test run before the compare (lrkit demo), or null."),
    stopped: z
      .enum(["completed", "interrupted"])
      .describe(
        "interrupted: stopped by a signal (Ctrl-C, SIGTERM, SIGHUP) before every run ended, or written while runs were under way (results are written after every epoch); the finished epochs are kept.",
      ),
    command: z.string().optional().describe("The command line that produced it."),
    halving: halving
      .optional()
      .describe("Successive halving of the runs, when it was on: its parameters and every rung's decision."),
  })
  .describe("The results of lrkit compare: one model trained under several learning-rate schedules.");

/**
 * The results schema as a JSON Schema (draft 2020-12), for tools in other languages: what the
 * package ships as `@lrkit/compare/results.schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync("results.schema.json", JSON.stringify(resultsJsonSchema(), null, 2));
 * ```
 */
export function resultsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(resultsSchema, { target: "draft-2020-12" }),
    title: "lrkit compare results",
  };
}

/** The results of a compare: what `results.json` holds and `compareSchedules` returns. */
export type CompareResults = z.infer<typeof resultsSchema>;
/** One run of a compare. */
export type RunResult = CompareResults["runs"][number];
/** One epoch of a run. */
export type EpochSummary = RunResult["epochs"][number];
/** The final figures of a run. */
export type FinalFigures = NonNullable<RunResult["final"]>;
/** What was trained, on what, how. */
export type ExperimentSummary = CompareResults["experiment"];
/** Where it ran. */
export type Machine = CompareResults["machine"];
/** The LR range test of a compare, with how it was run. */
export type FindReport = NonNullable<CompareResults["finder"]>;
/** Logged values by name (null for non-finite). */
export type Metrics = z.infer<typeof metrics>;
/** Successive halving's parameters and decisions. */
export type HalvingReport = NonNullable<CompareResults["halving"]>;
/** Figures published for a run. */
export type Published = z.infer<typeof published>;
