/**
 * A `Scheduler` in a custom training loop: set the hyperparameters, take the step, count it.
 *
 * @module
 */
import type { Optimizer, Scalar, Variable } from "@tensorflow/tfjs-core";
import { Scheduler } from "lrkit";
import { applyValues, makeDriver, type HyperparameterValues } from "../callbacks/driver.js";

/**
 * Sets `optimizer`'s learning rate (and momentum, or Adam's beta1, when the scheduler drives
 * `momentum` or `beta1`) to the scheduler's values for its current step, and returns them.
 *
 * @throws TypeError when the scheduler drives a hyperparameter the optimizer lacks.
 * @example
 * ```ts
 * applyScheduler(optimizer, scheduler); // { lr: 0.1, momentum: 0.9 }
 * ```
 */
export function applyScheduler(optimizer: Optimizer, scheduler: Scheduler): HyperparameterValues {
  if (!(scheduler instanceof Scheduler))
    throw new TypeError("applyScheduler: scheduler must be an lrkit Scheduler");
  const values = makeDriver("applyScheduler", scheduler).values();
  applyValues("applyScheduler", optimizer, values);
  return values;
}

/**
 * One update of a custom loop under a `Scheduler`: {@link applyScheduler}, then
 * `optimizer.minimize(loss, true, varList)`, then `scheduler.step()`. Returns the loss (the
 * caller disposes it). Feed a plateau policy with `scheduler.observe(metric)` when an epoch ends.
 *
 * @param loss - computes the scalar loss (run under the optimizer's gradient tape).
 * @param varList - the variables to train; defaults to every trainable variable.
 * @throws TypeError as {@link applyScheduler}; whatever `loss` throws.
 * @example
 * ```ts
 * const scheduler = new Scheduler({ lr: oneCycle({ maxLr: 0.1, steps: 1000 }), momentum: ... });
 * for (const { xs, ys } of batches) {
 *   const loss = scheduledMinimize(optimizer, scheduler, () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs)));
 *   console.log(loss.dataSync()[0]);
 *   loss.dispose();
 * }
 * ```
 */
export function scheduledMinimize(
  optimizer: Optimizer,
  scheduler: Scheduler,
  loss: () => Scalar,
  varList?: Variable[],
): Scalar {
  applyScheduler(optimizer, scheduler);
  const value = optimizer.minimize(loss, true, varList);
  scheduler.step();
  return value!;
}
