/**
 * Snapshots of a model's weights and its optimizer's state in memory: taken before an LR range
 * test or a risky phase, restored afterwards, leak-free.
 *
 * @module
 */
import { clone, dispose, type Optimizer, type Tensor } from "@tensorflow/tfjs-core";
import {
  disposeOptimizerSnapshot,
  restoreOptimizer,
  snapshotOptimizer,
  type OptimizerSnapshot,
} from "./optimizerState.js";

/** What a snapshot needs of a model: `tf.LayersModel` has it. */
export interface WeightedModel {
  /** The weights, as live variables (in a fixed order). */
  getWeights(): Tensor[];
  /** Assigns new values to the weights, in the same order. */
  setWeights(weights: Tensor[]): void;
  /** The optimizer `compile` set, if any. */
  readonly optimizer?: Optimizer | null;
}

/** A model's weights and an optimizer's state, cloned. Free it with `dispose()`. */
export interface TrainingSnapshot {
  /** Clones of the model's weights. */
  readonly weights: readonly Tensor[];
  /** The optimizer's state, when there was an optimizer. */
  readonly optimizer?: OptimizerSnapshot;
  /** Frees every tensor of the snapshot; further restores throw. */
  dispose(): void;
  /** True once disposed. */
  readonly disposed: boolean;
}

/**
 * Clones `model`'s weights and `optimizer`'s state (step count, accumulators, learning rate,
 * momentum). Nothing later changes the snapshot; {@link restore} puts it back, as often as
 * needed, into the same model and optimizer or fresh ones of the same architecture and kind.
 * Replaying the same steps after a restore gives the same weights, bit for bit, for every
 * optimizer (Adamax included, whose `getWeights` TensorFlow.js 4.22 does not implement).
 *
 * @param model - a `tf.LayersModel` (or anything with `getWeights`/`setWeights`).
 * @param optimizer - defaults to `model.optimizer`; `null` snapshots the weights only.
 * @throws TypeError when the optimizer is not one of {@link OPTIMIZERS}.
 * @example
 * ```ts
 * const saved = await snapshot(model);
 * await model.fit(xs, ys, { epochs: 1 }); // explore
 * await restore(model, saved);            // and come back
 * saved.dispose();
 * ```
 */
export async function snapshot(
  model: WeightedModel,
  optimizer?: Optimizer | null,
): Promise<TrainingSnapshot> {
  const opt = optimizer === undefined ? (model.optimizer ?? null) : optimizer;
  const weights = model.getWeights().map((w) => clone(w));
  const state = opt ? await snapshotOptimizer(opt) : undefined;
  let disposed = false;
  return {
    weights,
    ...(state ? { optimizer: state } : {}),
    dispose() {
      if (disposed) return;
      disposed = true;
      dispose(weights);
      if (state) disposeOptimizerSnapshot(state);
    },
    get disposed() {
      return disposed;
    },
  };
}

/**
 * Puts a {@link snapshot} back: assigns the model's weights (which frees the values they held)
 * and restores the optimizer's state (disposing the accumulators it replaces).
 *
 * @param optimizer - defaults to `model.optimizer`.
 * @throws Error when the snapshot was disposed or holds no optimizer state while an optimizer is
 *   given; TypeError when the optimizer is of another kind than the snapshot's.
 * @example
 * ```ts
 * await restore(model, saved);
 * ```
 */
export async function restore(
  model: WeightedModel,
  saved: TrainingSnapshot,
  optimizer?: Optimizer | null,
): Promise<void> {
  if (saved.disposed) throw new Error("restore: the snapshot has been disposed");
  const opt = optimizer === undefined ? (model.optimizer ?? null) : optimizer;
  if (opt && !saved.optimizer)
    throw new Error("restore: the snapshot holds no optimizer state (it was taken without an optimizer)");
  model.setWeights([...saved.weights]);
  if (opt && saved.optimizer) await restoreOptimizer(opt, saved.optimizer);
}
