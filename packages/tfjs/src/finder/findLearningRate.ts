/**
 * The LR range test in one call, as keras_lr_finder and torch-lr-finder offer it.
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { rangeTest, type RangeTestOptions, type RangeTestResult } from "lrkit";
import type { TrainingData } from "../data/trainingData.js";
import { tfjsLearner, type TfjsLearnerOptions } from "./learner.js";

/** Options of {@link findLearningRate}: the sweep's (see lrkit's `rangeTest`) and the learner's. */
export interface FindLearningRateOptions
  extends Omit<RangeTestOptions, "validation">, Omit<TfjsLearnerOptions, "model" | "data" | "validation"> {
  /**
   * Validation data: when given, the sweep records the validation loss after each update instead
   * of the training loss (torch-lr-finder's `val_loader`). Defaults to none.
   */
  readonly validation?: TrainingData;
}

/**
 * Runs the LR range test on `model` and `data`: one update per lr of an exponential sweep (fastai's
 * defaults: 1e-7 to 10 in 100 updates, smoothed, stopped at 4× the best loss), with the model's
 * own loss, then puts the weights and the optimizer state back bit for bit, whatever ended the sweep
 * (its end, divergence, a NaN loss, an error, `signal`). The sweep yields to the event loop
 * between updates, so a timer's `AbortSignal` or Ctrl-C stops it at the next one.
 *
 * @param model - any `tf.LayersModel`, compiled (its optimizer and loss are used) or given
 *   `optimizer` and `loss`.
 * @param data - tensors `{ xs, ys }`, a tf.data dataset or an image set; see {@link TrainingData}.
 * @param options - the sweep (`start`, `end`, `iterations`, `accumulate`, `signal`, ...) and the data
 *   (`batchSize`, default 32; `seed`; `validation`; `loss`; `optimizer`).
 * @returns the curve, why it stopped, every suggestion and the recommended lr (see `rangeTest`).
 * @throws what `tfjsLearner` and `rangeTest` throw for bad input; `RangeTestError` (with the partial
 *   curve, after the restore) when training fails mid-sweep.
 * @example
 * ```ts
 * const result = await findLearningRate(model, { xs, ys }, { start: 1e-6, end: 1, batchSize: 64 });
 * result.recommendedLr; // e.g. 0.003
 * writeFileSync("lr-finder.svg", rangeTestChart(result)); // @lrkit/plot
 * ```
 * @see davidtvs/pytorch-lr-finder `LRFinder.range_test`; keras_lr_finder `LRFinder.find`; fastai `lr_find`.
 */
export async function findLearningRate(
  model: LayersModel,
  data: TrainingData,
  options: FindLearningRateOptions = {},
): Promise<RangeTestResult> {
  const { batchSize, batched, loss, optimizer, seed, validation, ...sweep } = options;
  const learner = tfjsLearner({
    model,
    data,
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(batched !== undefined ? { batched } : {}),
    ...(loss !== undefined ? { loss } : {}),
    ...(optimizer !== undefined ? { optimizer } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(validation !== undefined ? { validation } : {}),
  });
  try {
    return await rangeTest(learner, { ...sweep, validation: validation !== undefined });
  } finally {
    learner.dispose();
  }
}
