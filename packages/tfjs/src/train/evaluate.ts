/**
 * A model's loss and reported values over a whole dataset.
 *
 * @module
 */
import { dispose, tidy } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { checkedBatchSize } from "../data/batchOptions.js";
import type { BatchSource } from "../data/batchSource.js";
import { batchSourceOf, type TrainingData, type TrainingDataOptions } from "../data/trainingData.js";
import { batchMetrics, forward, totalLoss } from "./batchLoss.js";
import { objectiveOf, type LossOption, type Objective } from "./objective.js";

/** The mean loss and the mean of every reported value over a dataset. */
export interface Evaluation {
  /** The mean loss (with the regularisation penalties, as in training). */
  readonly loss: number;
  /** Each reported value by its name in the logs (`acc`, `mae`, `out1_loss`, ...). */
  readonly metrics: Readonly<Record<string, number>>;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions extends TrainingDataOptions {
  /** Examples per batch. Defaults to 1000. */
  readonly batchSize?: number;
  /** The loss, when the model is not compiled or should be judged by another; see `objectiveOf`. */
  readonly loss?: LossOption;
}

/** {@link evaluate} on a batch source, for an objective already resolved. */
export async function evaluateSource(
  model: LayersModel,
  objective: Objective,
  source: BatchSource,
  batchSize: number,
): Promise<Evaluation> {
  let seen = 0;
  let lossSum = 0;
  const sums = objective.metrics.map(() => 0);
  for await (const batch of source.pass({ batchSize, seed: 0, epoch: 0, shuffle: false })) {
    const values = tidy(() => {
      const outputs = forward(model, batch.xs, false);
      return [totalLoss(model, objective, batch.ys, outputs), ...batchMetrics(objective, batch.ys, outputs)];
    });
    const numbers = values.map((v) => v.dataSync()[0]!);
    dispose([...values, ...batch.xs, ...batch.ys]);
    lossSum += numbers[0]! * batch.size;
    numbers.slice(1).forEach((v, i) => (sums[i] = sums[i]! + v * batch.size));
    seen += batch.size;
  }
  if (seen === 0) throw new RangeError(`evaluate: ${source.name} has no example`);
  return {
    loss: lossSum / seen,
    metrics: Object.fromEntries(objective.metrics.map((m, i) => [m.name, sums[i]! / seen])),
  };
}

/**
 * The mean loss and reported values (the compiled metrics, or the accuracy of a classifier) of
 * `model` on `data`, in the data's order, `batchSize` examples at a time, in inference mode,
 * without leaking tensors.
 *
 * @param data - tensors, a tf.data dataset or an image set; see {@link TrainingData}.
 * @throws TypeError for a model that is not compiled and gets no loss, or data that does not fit
 *   it; RangeError for empty data.
 * @example
 * ```ts
 * const { loss, metrics } = await evaluate(model, { xs, ys });
 * metrics.acc; // with a classification loss
 * ```
 */
export async function evaluate(
  model: LayersModel,
  data: TrainingData,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const batchSize = checkedBatchSize("evaluate", options.batchSize, 1000);
  const objective = objectiveOf("evaluate", model, { loss: options.loss });
  const source = batchSourceOf("evaluate", "data", data, objective, options);
  try {
    return await evaluateSource(model, objective, source, batchSize);
  } finally {
    source.dispose();
  }
}
