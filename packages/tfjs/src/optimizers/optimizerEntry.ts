/**
 * What lrkit knows about one TensorFlow.js optimizer, in one place: its entry of
 * {@link OPTIMIZERS}.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { OptimizerOptions, OptionName } from "./optimizerOptions.js";

/** An optimizer's options besides the lr, each with its default (undefined: the backend's). */
export type OptionDefaults = { readonly [K in OptionName]?: OptimizerOptions[K] };

/**
 * One TensorFlow.js optimizer: how it is recognised, made, read, snapshotted, disposed and seen
 * by `lrkit/torch`. Every field is required, so that a new entry answers each question.
 *
 * @typeParam O - its options and their defaults, as `options` lists them.
 */
export interface OptimizerEntry<O extends OptionDefaults = OptionDefaults> {
  /** `getClassName()` of its TensorFlow.js class (`"SGD"`, `"RMSProp"`): how it is recognised. */
  readonly className: string;
  /** The lr when none is given: tfjs-layers' default for its string optimizer. */
  readonly lr: number;
  /**
   * The options it takes besides the lr, each with its default (`undefined`: the backend's), in
   * `tf.train`'s argument order. `createOptimizer` accepts these and no others.
   */
  readonly options: O;
  /** `tf.train.<name>(lr, ...)`, given every option of `options` (defaults filled in). */
  create(lr: number, options: O): Optimizer;
  /**
   * The field that holds its momentum, or null: `"momentum"` (Momentum, RMSProp; a PyTorch param
   * group's `momentum`) or `"beta1"` (Adam, Adamax: decays the first moment, divided by the bias
   * correction `1 - accBeta1`; a param group's `betas[0]`, `betas[1]` being its `beta2`).
   */
  readonly momentum: "momentum" | "beta1" | null;
  /**
   * Where an LR range test on it starts when not told (`lrkit find`): 1e-5 for optimizers whose
   * good learning rates are around 1e-3, else 1e-3.
   */
  readonly rangeTestStart: number;
  /**
   * Where its accumulators are: `"getWeights"` when its `getWeights()` and `setWeights()` work;
   * otherwise the fields that hold them, each a list of `{ originalName, variable }`.
   */
  readonly slots: "getWeights" | readonly string[];
  /**
   * Scalar variables of its state outside `getWeights()`, or that its `setWeights()` recomputes
   * wrongly; a snapshot clones them and puts them back.
   */
  readonly stateVariables: readonly string[];
  /** Tensor fields that its own `dispose()` leaves undisposed. */
  readonly forgets: readonly string[];
}

/**
 * An {@link OptimizerEntry}, with `create` typed by the options the entry lists.
 *
 * @example
 * ```ts
 * const sgd = optimizerEntry({ className: "SGD", lr: 0.01, options: {}, create: (lr) => train.sgd(lr), ... });
 * ```
 */
export function optimizerEntry<O extends OptionDefaults>(entry: OptimizerEntry<O>): OptimizerEntry<O> {
  return entry;
}
