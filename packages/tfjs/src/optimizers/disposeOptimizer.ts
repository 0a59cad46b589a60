/**
 * Disposing an optimizer completely.
 *
 * @module
 */
import type { Optimizer, Scalar } from "@tensorflow/tfjs-core";
import { optimizerName } from "./optimizerName.js";

/**
 * Frees every tensor an optimizer holds: `optimizer.dispose()`, plus, for Momentum, the cached
 * `-lr` scalar that TensorFlow.js 4.22's `MomentumOptimizer.dispose` forgets (it overrides SGD's
 * `dispose` without calling it).
 *
 * @throws TypeError for an object that is not one of TensorFlow.js's seven optimizers.
 * @example
 * ```ts
 * const optimizer = createOptimizer("momentum", { lr: 0.1 });
 * // ... train ...
 * disposeOptimizer(optimizer); // tf.memory().numTensors is back where it was
 * ```
 */
export function disposeOptimizer(optimizer: Optimizer): void {
  const name = optimizerName(optimizer, "disposeOptimizer");
  optimizer.dispose();
  const c = (optimizer as unknown as { c?: Scalar }).c;
  if (name === "momentum" && c && !c.isDisposed) c.dispose();
}
