/**
 * Typed get and set of the learning rate and momentum of every TensorFlow.js optimizer, around
 * the values that some of them cache.
 *
 * @module
 */
import { keep, mul, scalar, tidy, type Optimizer, type Scalar, type Variable } from "@tensorflow/tfjs-core";
import type { OptimizerEntry } from "./optimizerEntry.js";
import { entryOf, OPTIMIZER_NAMES, optimizerName } from "./optimizerName.js";
import { OPTIMIZERS } from "./optimizers.js";
import { sentenceList } from "./sentenceList.js";

/**
 * The fields of TensorFlow.js 4.22's optimizers that hold their hyperparameters. They are
 * protected or private in the type declarations; these names and roles are checked against the
 * 4.22 sources and by the tests (which read the actual updates).
 */
interface Internals {
  /** Every optimizer: the learning rate. SGD and Momentum also cache `-lr` in `c`. */
  learningRate: number;
  /** SGD, Momentum: resets `learningRate` and the cached scalar `c`. */
  setLearningRate?(lr: number): void;
  /** Momentum, RMSProp: the momentum (RMSProp reads it every step; Momentum caches it in `m`). */
  momentum?: number;
  /** Momentum: the scalar the update actually uses; `setMomentum` forgets to refresh it. */
  m?: Scalar;
  /** Adam, Adamax: the decay of the first moment, read every step. */
  beta1?: number;
  /**
   * Adam, Adamax: beta1 times the product of the beta1s applied so far; the bias correction of
   * the next update is `1 - accBeta1`.
   */
  accBeta1?: Variable;
  /** Updates applied. */
  iterations: number;
}

function checkRate(fn: string, name: string, value: number, max = Infinity): void {
  const ok = typeof value === "number" && Number.isFinite(value) && value >= 0 && value < max;
  if (!ok)
    throw new RangeError(
      `${fn}: ${name} must be a ${max === Infinity ? "non-negative finite number" : `number in [0, ${max})`}, got ${value}`,
    );
}

/**
 * The learning rate of the next update.
 *
 * @param optimizer - any optimizer of {@link OPTIMIZERS}.
 * @throws TypeError for another object.
 * @example
 * ```ts
 * getLearningRate(tf.train.adam(0.001)); // 0.001
 * ```
 */
export function getLearningRate(optimizer: Optimizer): number {
  optimizerName(optimizer, "getLearningRate");
  return (optimizer as unknown as Internals).learningRate;
}

/**
 * Sets the learning rate from the next update on. SGD and Momentum cache `-lr` in a scalar
 * tensor, which is replaced (and the old one disposed) through their `setLearningRate`; Adam,
 * Adamax, RMSProp, Adagrad and Adadelta read their `learningRate` field at every step, which is
 * set. Setting the current value again does nothing.
 *
 * @param optimizer - any optimizer of {@link OPTIMIZERS}.
 * @param lr - a non-negative finite number.
 * @throws TypeError for another object; RangeError for a negative or non-finite `lr`.
 * @example
 * ```ts
 * const optimizer = tf.train.sgd(0.1);
 * setLearningRate(optimizer, 0.01); // the next update is w -= 0.01 * g
 * ```
 */
export function setLearningRate(optimizer: Optimizer, lr: number): void {
  optimizerName(optimizer, "setLearningRate");
  checkRate("setLearningRate", "lr", lr);
  const o = optimizer as unknown as Internals;
  if (o.learningRate === lr) return;
  if (typeof o.setLearningRate === "function") o.setLearningRate(lr);
  else o.learningRate = lr;
}

/**
 * True when {@link setMomentum} applies to `optimizer`: Momentum and RMSProp (their momentum),
 * Adam and Adamax (their `beta1`, which PyTorch's cyclical schedules also treat as the momentum).
 *
 * @throws TypeError for an object that is not a TensorFlow.js optimizer.
 * @example
 * ```ts
 * hasMomentum(tf.train.adam()); // true (beta1)
 * hasMomentum(tf.train.sgd(0.1)); // false
 * ```
 */
export function hasMomentum(optimizer: Optimizer): boolean {
  return entryOf(optimizer, "hasMomentum").momentum !== null;
}

type MomentumField = OptimizerEntry["momentum"];

/** The optimizers whose momentum field passes `test`, as a sentence lists them. */
function namesWith(test: (field: MomentumField) => boolean, conjunction: "and" | "or"): string {
  return sentenceList(
    OPTIMIZER_NAMES.filter((name) => test(OPTIMIZERS[name].momentum)),
    conjunction,
  );
}

function momentumField(optimizer: Optimizer, fn: string): "momentum" | "beta1" {
  const name = optimizerName(optimizer, fn);
  const field = OPTIMIZERS[name].momentum;
  if (!field)
    throw new TypeError(
      `${fn}: a ${name} optimizer has no momentum (${namesWith((field) => field !== null, "and")} have one), got ${name}`,
    );
  return field;
}

/**
 * The momentum of the next update: Momentum's and RMSProp's `momentum`, Adam's and Adamax's
 * `beta1`.
 *
 * @throws TypeError for an optimizer without momentum (sgd, adagrad, adadelta).
 * @example
 * ```ts
 * getMomentum(tf.train.momentum(0.1, 0.9)); // 0.9
 * ```
 */
export function getMomentum(optimizer: Optimizer): number {
  const field = momentumField(optimizer, "getMomentum");
  return (optimizer as unknown as Internals)[field]!;
}

/**
 * Sets the momentum from the next update on: Momentum's and RMSProp's `momentum`, Adam's and
 * Adamax's `beta1`.
 *
 * - Momentum: TensorFlow.js 4.22's `MomentumOptimizer.setMomentum` only changes a field that no
 *   update reads (the update uses a scalar cached at construction); this replaces that scalar
 *   too, disposing the old one.
 * - Adam, Adamax: their bias correction divides the first moment by `1 - accBeta1`, where
 *   `accBeta1` is the constructor's beta1 times the beta1s applied so far. It is rescaled by
 *   `new / old`, so that the correction is always `1 − Π beta1_s` over the updates including the
 *   next one: the first moment of a constant gradient g is then estimated as exactly g, as with a
 *   constant beta1. (PyTorch uses `1 − beta1_t^t` with the current beta1 only.)
 *
 * @param value - a number in [0, 1); in (0, 1) for Adam and Adamax.
 * @throws TypeError for an optimizer without momentum; RangeError for a value outside the range.
 * @example
 * ```ts
 * const optimizer = tf.train.momentum(0.1, 0.95);
 * setMomentum(optimizer, 0.85); // one-cycle's momentum phase
 * ```
 */
export function setMomentum(optimizer: Optimizer, value: number): void {
  const field = momentumField(optimizer, "setMomentum");
  checkRate("setMomentum", "momentum", value, 1);
  if (field === "beta1" && value === 0)
    throw new RangeError(
      `setMomentum: momentum (beta1) must be in (0, 1) for ${namesWith((f) => f === "beta1", "and")}, got 0`,
    );
  const o = optimizer as unknown as Internals;
  const old = o[field]!;
  if (old === value) return;
  o[field] = value;
  if (field === "momentum" && o.m !== undefined) {
    o.m.dispose();
    o.m = keep(scalar(value));
  }
  if (field === "beta1" && o.accBeta1 !== undefined) {
    const acc = o.accBeta1;
    // A beta1 of 0 has zeroed the product for good, unless no update has been applied yet.
    if (old !== 0) tidy(() => acc.assign(mul(acc, value / old)));
    else if (o.iterations === 0) tidy(() => acc.assign(scalar(value)));
  }
}

/** The hyperparameters {@link setHyperparameters} sets. */
export interface Hyperparameters {
  /** The learning rate. */
  readonly lr?: number;
  /** The momentum (Adam's and Adamax's `beta1`). */
  readonly momentum?: number;
  /** Adam's and Adamax's `beta1`: the same as `momentum`, by its own name. */
  readonly beta1?: number;
}

/**
 * Sets the hyperparameters given (see {@link setLearningRate}, {@link setMomentum}).
 *
 * @throws TypeError for an unknown name, for `momentum` (or `beta1`) on an optimizer without
 *   one, and for `beta1` on an optimizer other than Adam or Adamax; RangeError for a bad value.
 * @example
 * ```ts
 * setHyperparameters(tf.train.adam(), { lr: 0.003, momentum: 0.9 });
 * ```
 */
export function setHyperparameters(optimizer: Optimizer, values: Hyperparameters): void {
  for (const key of Object.keys(values)) {
    if (key !== "lr" && key !== "momentum" && key !== "beta1")
      throw new TypeError(`setHyperparameters: unknown hyperparameter "${key}" (known: lr, momentum, beta1)`);
  }
  if (values.beta1 !== undefined) {
    const name = optimizerName(optimizer, "setHyperparameters");
    if (OPTIMIZERS[name].momentum !== "beta1")
      throw new TypeError(
        `setHyperparameters: beta1 needs an ${namesWith((field) => field === "beta1", "or")} optimizer, got ${name}`,
      );
  }
  if (values.lr !== undefined) setLearningRate(optimizer, values.lr);
  if (values.momentum !== undefined) setMomentum(optimizer, values.momentum);
  if (values.beta1 !== undefined) setMomentum(optimizer, values.beta1);
}
