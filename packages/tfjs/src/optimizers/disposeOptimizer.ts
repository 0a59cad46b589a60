/**
 * Disposing an optimizer completely.
 *
 * @module
 */
import type { Optimizer, Tensor } from "@tensorflow/tfjs-core";
import { entryOf } from "./optimizerName.js";

/**
 * Frees every tensor an optimizer holds: `optimizer.dispose()`, plus what its entry of
 * {@link OPTIMIZERS} says its `dispose()` forgets (Momentum's cached `-lr` scalar: TensorFlow.js
 * 4.22's `MomentumOptimizer.dispose` overrides SGD's without calling it).
 *
 * @throws TypeError for an object that is not one of TensorFlow.js's optimizers.
 * @example
 * ```ts
 * const optimizer = createOptimizer("momentum", { lr: 0.1 });
 * // ... train ...
 * disposeOptimizer(optimizer); // tf.memory().numTensors is back where it was
 * ```
 */
export function disposeOptimizer(optimizer: Optimizer): void {
  const { forgets } = entryOf(optimizer, "disposeOptimizer");
  optimizer.dispose();
  const fields = optimizer as unknown as Record<string, Tensor | undefined>;
  for (const field of forgets) {
    const tensor = fields[field];
    if (tensor && !tensor.isDisposed) tensor.dispose();
  }
}
