/**
 * The names of TensorFlow.js's optimizers, and which one an optimizer is.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { OptimizerEntry } from "./optimizerEntry.js";
import { OPTIMIZERS } from "./optimizers.js";
import { sentenceList } from "./sentenceList.js";

/** TensorFlow.js's optimizers, by the name of their `tf.train` factory: the keys of {@link OPTIMIZERS}. */
export type OptimizerName = keyof typeof OPTIMIZERS;

/** Every {@link OptimizerName}, in the order of {@link OPTIMIZERS}. */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as readonly OptimizerName[];

/** True for an {@link OptimizerName}. */
export function isOptimizerName(name: unknown): name is OptimizerName {
  return (OPTIMIZER_NAMES as readonly unknown[]).includes(name);
}

const BY_CLASS = new Map(OPTIMIZER_NAMES.map((name) => [OPTIMIZERS[name].className, name]));

/** `"SGD, Momentum, ... or Adadelta"`: the class names, for error messages. */
const CLASSES = sentenceList([...BY_CLASS.keys()], "or");

/**
 * Which optimizer `optimizer` is, from its serialization class name (`"SGD"`, `"Momentum"`,
 * `"Adam"`, ...), so that subclasses keep working.
 *
 * @param fn - the calling function, named in the error.
 * @throws TypeError when `optimizer` is not one of TensorFlow.js's optimizers in {@link OPTIMIZERS}.
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
  const name = className === undefined ? undefined : BY_CLASS.get(className);
  if (name === undefined)
    throw new TypeError(
      `${fn}: optimizer must be a TensorFlow.js ${CLASSES} optimizer, got ${className ?? typeof optimizer}`,
    );
  return name;
}

/**
 * The entry of {@link OPTIMIZERS} for `optimizer`.
 *
 * @param fn - the calling function, named in the error.
 * @throws TypeError as {@link optimizerName}.
 * @example
 * ```ts
 * entryOf(tf.train.adam(), "getMomentum").momentum; // "beta1"
 * ```
 */
export function entryOf(optimizer: Optimizer, fn: string): OptimizerEntry {
  return OPTIMIZERS[optimizerName(optimizer, fn)];
}
