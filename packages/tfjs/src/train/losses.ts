/**
 * The losses lrkit adds to TensorFlow.js's names, and which targets and which accuracy go with a
 * loss.
 *
 * @module
 */
import { losses, mean, Reduction, sigmoid, tidy, type Tensor } from "@tensorflow/tfjs-core";
import { metrics } from "@tensorflow/tfjs-layers";

/** A loss or metric function of TensorFlow.js Layers: per-example values (or their mean) of a batch. */
export type LossFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * Losses on logits, for models without a final activation (as `lenet` and `mlp`): what Keras writes
 * `from_logits=True` and TensorFlow.js has in `tf.losses` but not among the names `compile` knows.
 * Per example, as the Layers losses are.
 */
export const LOGIT_LOSSES: Readonly<Record<string, LossFunction>> = {
  /** Softmax cross-entropy of one-hot targets and logits (`tf.losses.softmaxCrossEntropy`). */
  softmaxCrossEntropy: (yTrue, yPred) =>
    losses.softmaxCrossEntropy(yTrue, yPred, undefined, undefined, Reduction.NONE),
  /** Sigmoid cross-entropy of 0/1 targets and logits, averaged over the last axis as `binaryCrossentropy` is. */
  sigmoidCrossEntropy: (yTrue, yPred) =>
    tidy(() => mean(losses.sigmoidCrossEntropy(yTrue, yPred, undefined, undefined, Reduction.NONE), -1)),
};

/** How the targets of an output are written: one-hot rows, class indices, or values as they are. */
export type TargetKind = "oneHot" | "sparse" | "value";

/** The kind of targets a loss takes, by its name (a loss function: "value"). */
export function targetKind(lossName: string | null): TargetKind {
  if (lossName === "sparseCategoricalCrossentropy") return "sparse";
  if (lossName === "categoricalCrossentropy" || lossName === "softmaxCrossEntropy") return "oneHot";
  return "value";
}

/**
 * The accuracy that goes with a classification loss (what `compile` picks for `metrics:
 * ["accuracy"]`), or undefined for a loss whose accuracy means nothing (regression) or is unknown
 * (a function).
 */
export function accuracyFor(lossName: string | null): LossFunction | undefined {
  switch (lossName) {
    case "categoricalCrossentropy":
    case "softmaxCrossEntropy":
      return metrics.categoricalAccuracy;
    case "sparseCategoricalCrossentropy":
      return metrics.sparseCategoricalAccuracy;
    case "binaryCrossentropy":
      return metrics.binaryAccuracy;
    case "sigmoidCrossEntropy":
      return (yTrue, logits) => tidy(() => metrics.binaryAccuracy(yTrue, sigmoid(logits)));
    default:
      return undefined;
  }
}
