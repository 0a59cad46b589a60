/**
 * What a callback drives: a compiled model's optimizer, or an optimizer itself.
 *
 * @module
 */
import { Optimizer } from "@tensorflow/tfjs-core";
import { optimizerName } from "../optimizers/optimizerName.js";

/** A `tf.LayersModel` (its optimizer is read when training starts) or a `tf.Optimizer`. */
export type OptimizerTarget = Optimizer | { readonly optimizer?: Optimizer | null };

/** True for a TensorFlow.js optimizer (duck-typed, as `tf.Optimizer`'s `instanceof` is). */
export function isOptimizer(value: unknown): value is Optimizer {
  return value instanceof Optimizer;
}

/**
 * The optimizer of `target`: the target itself, or the model's compiled optimizer.
 *
 * @param fn - the calling function, named in errors.
 * @throws TypeError when `target` is neither; Error when the model is not compiled.
 */
export function resolveOptimizer(target: OptimizerTarget, fn: string): Optimizer {
  if (isOptimizer(target)) {
    optimizerName(target, fn);
    return target;
  }
  if (typeof target !== "object" || target === null || !("optimizer" in target || "compile" in target))
    throw new TypeError(`${fn}: target must be a tf.LayersModel or a tf.Optimizer, got ${typeof target}`);
  const optimizer = target.optimizer;
  if (!optimizer) throw new Error(`${fn}: the model has no optimizer; compile it before fit`);
  optimizerName(optimizer, fn);
  return optimizer;
}
