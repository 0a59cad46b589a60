/**
 * The run a callback is in, read from the params `model.fit` and `model.fitDataset` give their
 * callbacks.
 *
 * @module
 */

/** The unit a schedule's step counts. */
export type StepUnit = "batch" | "epoch";

/**
 * What tfjs-layers passes to `setParams` (`configureCallbacks`), as far as it matters here. `fit`
 * sets `samples` (the training examples, after `validationSplit` took its share) and `batchSize`;
 * `fitDataset` sets `steps` (its `batchesPerEpoch`, else the dataset's size when finite, else
 * null) and leaves `samples`, `batchSize` and `initialEpoch` null.
 */
export interface FitParams {
  readonly epochs?: number | null;
  readonly initialEpoch?: number | null;
  readonly samples?: number | null;
  readonly steps?: number | null;
  readonly batchSize?: number | null;
}

/** The run as a callback sees it. */
export interface FitPlan {
  /** The number of the run's last epoch plus one (fit's `epochs`): a resumed fit counts the whole run. */
  readonly epochs: number;
  /** Batches per epoch, or undefined when they cannot be known (fitDataset over a dataset of unknown size). */
  readonly batchesPerEpoch: number | undefined;
}

const count = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined;

/**
 * The plan of the run from fit's params: `epochs`, and the batches per epoch, `params.steps` when
 * set (fitDataset), else `ceil(samples / batchSize)` (fit).
 *
 * @param params - what `setParams` received; undefined when the callback is not run by fit.
 * @returns the plan, or undefined without a positive `epochs`.
 * @example
 * ```ts
 * fitPlan({ epochs: 3, samples: 150, batchSize: 32 }); // { epochs: 3, batchesPerEpoch: 5 }
 * ```
 */
export function fitPlan(params: unknown): FitPlan | undefined {
  if (typeof params !== "object" || params === null) return undefined;
  const p = params as FitParams;
  const epochs = count(p.epochs);
  if (epochs === undefined) return undefined;
  const samples = count(p.samples);
  const batchSize = count(p.batchSize);
  const batchesPerEpoch =
    count(p.steps) ??
    (samples !== undefined && batchSize !== undefined ? Math.ceil(samples / batchSize) : undefined);
  return { epochs, batchesPerEpoch };
}

/**
 * How many times a schedule stepped per `unit` is stepped over the whole run: epochs ×
 * batches per epoch, or epochs; undefined when the batches per epoch are unknown.
 *
 * @example
 * ```ts
 * runSteps({ epochs: 3, batchesPerEpoch: 5 }, "batch"); // 15
 * ```
 */
export function runSteps(plan: FitPlan, unit: StepUnit): number | undefined {
  if (unit === "epoch") return plan.epochs;
  return plan.batchesPerEpoch === undefined ? undefined : plan.epochs * plan.batchesPerEpoch;
}
