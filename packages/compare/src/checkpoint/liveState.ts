/**
 * A model's weights and its optimizer's state taken off the backend as plain arrays (for a
 * checkpoint), and put back into a new model and optimizer of the same kind.
 *
 * @module
 */
import { dispose, tensor, type Optimizer, type Tensor } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import {
  disposeOptimizerSnapshot,
  restoreOptimizer,
  snapshotOptimizer,
  type OptimizerSnapshot,
} from "@lrkit/tfjs";
import type { OptimizerState, StoredTensor } from "./checkpoint.js";

/** A tensor's values, copied off the backend. */
function stored(t: Tensor): StoredTensor {
  const dtype = t.dtype === "int32" ? "int32" : "float32";
  if (t.dtype !== dtype)
    throw new TypeError(`checkpoint: a tensor of dtype ${t.dtype} cannot be stored (float32 and int32 only)`);
  const values = t.dataSync();
  return {
    shape: [...t.shape],
    dtype,
    values: dtype === "int32" ? Int32Array.from(values) : Float32Array.from(values),
  };
}

const live = (t: StoredTensor) => tensor(t.values, [...t.shape], t.dtype);

/** The model's weights and the optimizer's whole state, as plain arrays. */
export async function captureState(
  model: LayersModel,
  optimizer: Optimizer,
): Promise<{ weights: StoredTensor[]; optimizer: OptimizerState }> {
  const weights = model.getWeights().map(stored);
  const snap = await snapshotOptimizer(optimizer);
  try {
    return {
      weights,
      optimizer: {
        name: snap.optimizer,
        iterations: snap.iterations,
        lr: snap.lr,
        ...(snap.momentum !== undefined ? { momentum: snap.momentum } : {}),
        weights: snap.weights.map((w) => ({ name: w.name, tensor: stored(w.tensor) })),
        extra: Object.fromEntries(Object.entries(snap.extra).map(([k, t]) => [k, stored(t)])),
      },
    };
  } finally {
    disposeOptimizerSnapshot(snap);
  }
}

/**
 * Sets `model`'s weights to `values` (in `getWeights()` order, each of its weight's size).
 *
 * @throws Error when the model has another number of weights, or a weight another size.
 */
export function restoreWeights(model: LayersModel, values: readonly (Float32Array | Int32Array)[]): void {
  const current = model.getWeights();
  if (current.length !== values.length)
    throw new Error(
      `compare: the model has ${current.length} weights, the state to restore ${values.length}`,
    );
  const weights = values.map((v, i) => {
    if (v.length !== current[i]!.size)
      throw new Error(
        `compare: weight ${i} of the model has ${current[i]!.size} values, the state to restore ${v.length}`,
      );
    return tensor(v, current[i]!.shape, current[i]!.dtype);
  });
  model.setWeights(weights);
  dispose(weights);
}

/**
 * Sets `optimizer`'s whole state to `state` (from {@link captureState}).
 *
 * @throws TypeError when the optimizer is of another kind than the one captured.
 */
export async function restoreOptimizerState(optimizer: Optimizer, state: OptimizerState): Promise<void> {
  const snap: OptimizerSnapshot = {
    optimizer: state.name,
    iterations: state.iterations,
    lr: state.lr,
    ...(state.momentum !== undefined ? { momentum: state.momentum } : {}),
    weights: state.weights.map((w) => ({ name: w.name, tensor: live(w.tensor) })),
    extra: Object.fromEntries(Object.entries(state.extra).map(([k, t]) => [k, live(t)])),
  };
  try {
    await restoreOptimizer(optimizer, snap);
  } finally {
    disposeOptimizerSnapshot(snap);
  }
}
