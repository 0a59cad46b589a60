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
import type { OptimizerEntry } from "../optimizers/optimizerEntry.js";
import { optimizerName, type OptimizerName } from "../optimizers/optimizerName.js";
import { OPTIMIZERS } from "../optimizers/optimizers.js";

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
  /** The accumulators, as `getWeights()` lists them (after the step count) or the entry's `slots` hold them. */
  readonly weights: readonly NamedTensor[];
  /**
   * The scalar variables its entry of {@link OPTIMIZERS} lists as `stateVariables`: Adam's
   * `accBeta1`, `accBeta2` (its `setWeights` recomputes them as `beta^(t+1)`, which is wrong once
   * beta1 has been scheduled); Adamax's `iteration` and `accBeta1` (its `getWeights()` cannot
   * export its state in TensorFlow.js 4.22).
   */
  readonly extra: Readonly<Record<string, Tensor>>;
}

/** One accumulator of TensorFlow.js's optimizers, as the fields of an entry's `slots` hold it. */
interface Slot {
  originalName: string;
  variable: Variable;
}

/** The fields of an optimizer that its entry of {@link OPTIMIZERS} names. */
type Fields = Record<string, Slot[] | Variable | undefined> & { iterations_?: number };

/** The optimizer's fields named by `names`, checked to be there. */
function fieldsOf(optimizer: Optimizer, fn: string, names: readonly string[]): Fields {
  const o = optimizer as unknown as Fields;
  for (const name of names)
    if (o[name] === undefined)
      throw new Error(
        `${fn}: this ${optimizer.getClassName()} optimizer has no ${name}; lrkit supports TensorFlow.js 4.20 to 4.22`,
      );
  return o;
}

/** The state its entry names: accumulator fields (when not `getWeights()`) and scalar variables. */
function stateFields(optimizer: Optimizer, fn: string, entry: OptimizerEntry) {
  const slots = entry.slots === "getWeights" ? [] : entry.slots;
  const o = fieldsOf(optimizer, fn, [...slots, ...entry.stateVariables]);
  return { o, slots, variables: entry.stateVariables };
}

/**
 * Clones `optimizer`'s state: its step count, accumulators and hyperparameters. Later updates do
 * not change the snapshot; {@link restoreOptimizer} puts it back, into the same optimizer or a
 * fresh one of the same kind driving a model of the same architecture. The accumulators come from
 * `getWeights()`, or from the fields its entry of {@link OPTIMIZERS} names (`slots`), and the
 * entry's `stateVariables` are cloned too.
 *
 * @throws TypeError for an object that is not one of TensorFlow.js's optimizers.
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
  const { o, slots, variables } = stateFields(optimizer, "snapshotOptimizer", OPTIMIZERS[name]);
  let weights: NamedTensor[];
  if (slots.length) {
    weights = slots.flatMap((field) =>
      (o[field] as Slot[]).map((s) => ({ name: s.originalName, tensor: clone(s.variable) })),
    );
  } else {
    const [iter, ...live] = await optimizer.getWeights();
    dispose(iter!.tensor);
    weights = live.map((w) => ({ name: w.name, tensor: clone(w.tensor) }));
  }
  return {
    optimizer: name,
    iterations: optimizer.iterations,
    lr: getLearningRate(optimizer),
    ...(hasMomentum(optimizer) ? { momentum: getMomentum(optimizer) } : {}),
    weights,
    extra: Object.fromEntries(variables.map((v) => [v, clone(o[v] as Variable)])),
  };
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
  const { o, slots, variables } = stateFields(optimizer, "restoreOptimizer", OPTIMIZERS[name]);
  setLearningRate(optimizer, snapshot.lr);
  if (snapshot.momentum !== undefined) setMomentum(optimizer, snapshot.momentum);
  if (slots.length) {
    // The slots hold one accumulator per weight each, in the order of the snapshot.
    const each = snapshot.weights.length / slots.length;
    slots.forEach((field, k) => {
      dispose((o[field] as Slot[]).map((s) => s.variable));
      o[field] = snapshot.weights
        .slice(k * each, (k + 1) * each)
        .map((w) => ({ originalName: w.name, variable: variable(w.tensor, false) }));
    });
    o.iterations_ = snapshot.iterations;
  } else {
    const [oldIter, ...replaced] = await optimizer.getWeights();
    const iter = scalar(snapshot.iterations, "int32");
    // setWeights makes new variables that share the snapshot's data (reference-counted).
    await optimizer.setWeights([{ name: "iter", tensor: iter }, ...snapshot.weights]);
    dispose([iter, oldIter!.tensor, ...replaced.map((w) => w.tensor)]);
  }
  tidy(() => variables.forEach((v) => (o[v] as Variable).assign(snapshot.extra[v]!)));
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
