/**
 * An optimizer's state (step count, accumulators, hyperparameters) cloned in memory, and put back.
 *
 * @module
 */
import {
  clone,
  dispose,
  scalar,
  tidy,
  variable,
  type Optimizer,
  type Tensor,
  type Variable,
} from "@tensorflow/tfjs-core";
import {
  getLearningRate,
  getMomentum,
  hasMomentum,
  setLearningRate,
  setMomentum,
} from "../optimizers/hyperparameters.js";
import { optimizerName, type OptimizerName } from "../optimizers/optimizerName.js";

/** A tensor with the name an optimizer gives it. */
export interface NamedTensor {
  /** The name, e.g. `"dense_Dense1/kernel/m"`. */
  readonly name: string;
  /** The value. */
  readonly tensor: Tensor;
}

/** An optimizer's state, owned by the snapshot (free it with {@link disposeOptimizerSnapshot}). */
export interface OptimizerSnapshot {
  /** Which optimizer it was taken from. */
  readonly optimizer: OptimizerName;
  /** Updates applied so far. */
  readonly iterations: number;
  /** The learning rate. */
  readonly lr: number;
  /** The momentum (beta1 for Adam and Adamax), for optimizers that have one. */
  readonly momentum?: number;
  /** The accumulators, as `getWeights()` lists them (after the step count). */
  readonly weights: readonly NamedTensor[];
  /**
   * State outside `getWeights()`: Adam's `accBeta1`, `accBeta2` (its `setWeights` recomputes them
   * as `beta^(t+1)`, which is wrong once beta1 has been scheduled); Adamax's whole state, which
   * its `getWeights()` cannot export in TensorFlow.js 4.22.
   */
  readonly extra: Readonly<Record<string, Tensor>>;
}

/** One accumulator of TensorFlow.js's optimizers. */
interface Slot {
  originalName: string;
  variable: Variable;
}

/** TensorFlow.js 4.22 internals read here (checked against its sources and by the tests). */
interface Internals {
  iterations_?: number;
  accBeta1?: Variable;
  accBeta2?: Variable;
  iteration?: Variable;
  accumulatedFirstMoment?: Slot[];
  accumulatedWeightedInfNorm?: Slot[];
}

const ADAMAX_SLOTS = ["accumulatedFirstMoment", "accumulatedWeightedInfNorm"] as const;

function internals(optimizer: Optimizer, fn: string, fields: readonly (keyof Internals)[]): Internals {
  const o = optimizer as unknown as Internals;
  for (const field of fields)
    if (o[field] === undefined)
      throw new Error(
        `${fn}: this ${optimizer.getClassName()} optimizer has no ${field}; lrkit supports TensorFlow.js 4.22`,
      );
  return o;
}

/**
 * Clones `optimizer`'s state: its step count, accumulators and hyperparameters. Later updates do
 * not change the snapshot; {@link restoreOptimizer} puts it back, into the same optimizer or a
 * fresh one of the same kind driving a model of the same architecture.
 *
 * @throws TypeError for an object that is not one of TensorFlow.js's seven optimizers.
 * @example
 * ```ts
 * const saved = await snapshotOptimizer(optimizer);
 * // ... steps ...
 * await restoreOptimizer(optimizer, saved);
 * disposeOptimizerSnapshot(saved);
 * ```
 */
export async function snapshotOptimizer(optimizer: Optimizer): Promise<OptimizerSnapshot> {
  const name = optimizerName(optimizer, "snapshotOptimizer");
  const base = {
    optimizer: name,
    iterations: optimizer.iterations,
    lr: getLearningRate(optimizer),
    ...(hasMomentum(optimizer) ? { momentum: getMomentum(optimizer) } : {}),
  };
  if (name === "adamax") {
    const o = internals(optimizer, "snapshotOptimizer", [...ADAMAX_SLOTS, "iteration", "accBeta1"]);
    const weights = ADAMAX_SLOTS.flatMap((field) =>
      o[field]!.map((s) => ({ name: s.originalName, tensor: clone(s.variable) })),
    );
    return { ...base, weights, extra: { iteration: clone(o.iteration!), accBeta1: clone(o.accBeta1!) } };
  }
  const [iter, ...live] = await optimizer.getWeights();
  dispose(iter!.tensor);
  const weights = live.map((w) => ({ name: w.name, tensor: clone(w.tensor) }));
  if (name !== "adam") return { ...base, weights, extra: {} };
  const o = internals(optimizer, "snapshotOptimizer", ["accBeta1", "accBeta2"]);
  return { ...base, weights, extra: { accBeta1: clone(o.accBeta1!), accBeta2: clone(o.accBeta2!) } };
}

/**
 * Puts a {@link snapshotOptimizer} state back into `optimizer`, disposing the accumulators it
 * replaces (TensorFlow.js's `setWeights` does not). The snapshot stays valid and can be restored
 * again. Replaying the same steps afterwards gives the same weights, bit for bit.
 *
 * @throws TypeError when `optimizer` is not of the snapshot's kind.
 * @example
 * ```ts
 * await restoreOptimizer(optimizer, saved);
 * ```
 */
export async function restoreOptimizer(optimizer: Optimizer, snapshot: OptimizerSnapshot): Promise<void> {
  const name = optimizerName(optimizer, "restoreOptimizer");
  if (name !== snapshot.optimizer)
    throw new TypeError(
      `restoreOptimizer: the snapshot is of a ${snapshot.optimizer} optimizer, got ${name}`,
    );
  setLearningRate(optimizer, snapshot.lr);
  if (snapshot.momentum !== undefined) setMomentum(optimizer, snapshot.momentum);
  if (name === "adamax") {
    const o = internals(optimizer, "restoreOptimizer", [...ADAMAX_SLOTS, "iteration", "accBeta1"]);
    const half = snapshot.weights.length / 2;
    ADAMAX_SLOTS.forEach((field, k) => {
      dispose(o[field]!.map((s) => s.variable));
      o[field] = snapshot.weights
        .slice(k * half, (k + 1) * half)
        .map((w) => ({ originalName: w.name, variable: variable(w.tensor, false) }));
    });
    tidy(() => {
      o.iteration!.assign(snapshot.extra.iteration!);
      o.accBeta1!.assign(snapshot.extra.accBeta1!);
    });
    o.iterations_ = snapshot.iterations;
    return;
  }
  const [oldIter, ...replaced] = await optimizer.getWeights();
  const iter = scalar(snapshot.iterations, "int32");
  // setWeights makes new variables that share the snapshot's data (reference-counted).
  await optimizer.setWeights([{ name: "iter", tensor: iter }, ...snapshot.weights]);
  dispose([iter, oldIter!.tensor, ...replaced.map((w) => w.tensor)]);
  if (name === "adam") {
    const o = internals(optimizer, "restoreOptimizer", ["accBeta1", "accBeta2"]);
    tidy(() => {
      o.accBeta1!.assign(snapshot.extra.accBeta1!);
      o.accBeta2!.assign(snapshot.extra.accBeta2!);
    });
  }
}

/**
 * Frees the tensors of an optimizer snapshot.
 *
 * @example
 * ```ts
 * disposeOptimizerSnapshot(saved);
 * ```
 */
export function disposeOptimizerSnapshot(snapshot: OptimizerSnapshot): void {
  dispose([...snapshot.weights.map((w) => w.tensor), ...Object.values(snapshot.extra)]);
}
