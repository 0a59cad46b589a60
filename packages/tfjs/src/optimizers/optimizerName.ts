/**
 * The names of TensorFlow.js's optimizers, and which one an optimizer is.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";

/** TensorFlow.js's optimizers, by the name of their `tf.train` factory. */
export type OptimizerName = "sgd" | "momentum" | "adam" | "adamax" | "rmsprop" | "adagrad" | "adadelta";

/** Every {@link OptimizerName}. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  "sgd",
  "momentum",
  "adam",
  "adamax",
  "rmsprop",
  "adagrad",
  "adadelta",
];

const BY_CLASS: Readonly<Record<string, OptimizerName>> = {
  SGD: "sgd",
  Momentum: "momentum",
  Adam: "adam",
  Adamax: "adamax",
  RMSProp: "rmsprop",
  Adagrad: "adagrad",
  Adadelta: "adadelta",
};

/**
 * Which optimizer `optimizer` is, from its serialization class name (`"SGD"`, `"Momentum"`,
 * `"Adam"`, ...), so that subclasses keep working.
 *
 * @param fn - the calling function, named in the error.
 * @throws TypeError when `optimizer` is not one of TensorFlow.js's seven optimizers.
 * @example
 * ```ts
 * optimizerName(tf.train.momentum(0.1, 0.9)); // "momentum"
 * ```
 */
export function optimizerName(optimizer: Optimizer, fn = "optimizerName"): OptimizerName {
  const className =
    typeof (optimizer as Partial<Optimizer> | null)?.getClassName === "function"
      ? optimizer.getClassName()
      : undefined;
  const name = className === undefined ? undefined : BY_CLASS[className];
  if (name === undefined)
    throw new TypeError(
      `${fn}: optimizer must be a TensorFlow.js SGD, Momentum, Adam, Adamax, RMSProp, Adagrad or Adadelta optimizer, got ${
        className ?? typeof optimizer
      }`,
    );
  return name;
}
