/**
 * A model's weights read back, and compared bit for bit: the check behind "the model was restored"
 * and "training changed the weights".
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { WeightsCheck } from "../protocol.js";

/** Copies of the model's weights (every variable, trainable or not), in order. */
export function readWeights(model: LayersModel): Float32Array[] {
  return model.getWeights().map((w) => Float32Array.from(w.dataSync()));
}

/** How many of `after`'s weights differ, bit for bit, from `before`'s. */
export function compareWeights(
  before: readonly Float32Array[],
  after: readonly Float32Array[],
): WeightsCheck {
  let compared = 0;
  let differing = 0;
  before.forEach((b, i) => {
    const x = new Uint32Array(b.buffer, b.byteOffset, b.length);
    const a = after[i];
    const y = a && a.length === b.length ? new Uint32Array(a.buffer, a.byteOffset, a.length) : undefined;
    compared += b.length;
    if (!y) differing += b.length;
    else for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) differing++;
  });
  return { compared, differing };
}
