/**
 * A model's loss and reported values on one batch, computed as `fit` computes them.
 *
 * @module
 */
import { add, mean, type Scalar, type Tensor, type Variable } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { Objective } from "./objective.js";

/** The model's outputs for a batch's inputs (given in the model's input order), one tensor per output. */
export function forward(model: LayersModel, xs: readonly Tensor[], training: boolean): Tensor[] {
  const out = model.apply(xs.length === 1 ? xs[0]! : [...xs], { training });
  return Array.isArray(out) ? (out as Tensor[]) : [out as Tensor];
}

/**
 * The loss `fit` minimises: the mean of each output's loss over the batch, summed over the outputs,
 * plus the model's regularisation penalties. Call it inside `tidy` or a gradient function.
 */
export function totalLoss(
  model: LayersModel,
  objective: Objective,
  ys: readonly Tensor[],
  outputs: readonly Tensor[],
): Scalar {
  let total = mean(objective.outputs[0]!.loss(ys[0]!, outputs[0]!)) as Scalar;
  for (let i = 1; i < outputs.length; i++)
    total = add(total, mean(objective.outputs[i]!.loss(ys[i]!, outputs[i]!)));
  for (const penalty of model.calculateLosses()) total = add(total, penalty);
  return total;
}

/** Each of `objective.metrics` on a batch, as the mean over its examples. Call it inside `tidy`. */
export function batchMetrics(
  objective: Objective,
  ys: readonly Tensor[],
  outputs: readonly Tensor[],
): Scalar[] {
  return objective.metrics.map((m) => mean(m.fn(ys[m.output]!, outputs[m.output]!)) as Scalar);
}

/** The model's trainable variables, the ones `fit` updates. */
export function trainableVariables(model: LayersModel): Variable[] {
  return model.trainableWeights.map((w) => w.read() as Variable);
}
