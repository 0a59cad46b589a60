/**
 * Tensors (or plain arrays) as training data: `{ xs, ys }`, batched in a seeded order.
 *
 * @module
 */
import { dispose, gather, slice, tensor1d, type Tensor } from "@tensorflow/tfjs-core";
import type { Objective } from "../train/objective.js";
import type { BatchSource, TensorBatch } from "./batchSource.js";
import { permutation } from "./shuffle.js";
import { checkClassIndices, checkShapes, tensorList, type Tensors } from "./tensorLists.js";

/**
 * Examples as tensors: `xs` the inputs (a tensor for a one-input model, a list in input order or a
 * record by input name for several), `ys` the targets likewise, the first dimension counting
 * examples. Plain nested arrays of numbers are taken too (converted once).
 */
export interface TensorData {
  /** The inputs. */
  readonly xs: Tensors;
  /** The targets. */
  readonly ys: Tensors;
}

/** True for `{ xs, ys }` data (as opposed to a tf.data dataset or an image set). */
export function isTensorData(value: unknown): value is TensorData {
  return typeof value === "object" && value !== null && "xs" in value && "ys" in value;
}

/**
 * The batches of `data`: each pass in the order of a seeded permutation (a pure function of the
 * seed and the pass), taken with `gather` (or as slices, unshuffled).
 *
 * @throws TypeError for shapes that do not fit the model; RangeError for no example or a class index out of range.
 */
export function tensorSource(fn: string, what: string, data: TensorData, objective: Objective): BatchSource {
  const xs = tensorList(fn, `${what} xs`, data.xs, objective.inputs);
  const ys = tensorList(fn, `${what} ys`, data.ys, objective.outputs);
  const owned = [...xs.owned, ...ys.owned];
  try {
    checkShapes(fn, what, objective, xs.tensors, ys.tensors);
    checkClassIndices(fn, what, objective, ys.tensors);
  } catch (e) {
    dispose(owned);
    throw e;
  }
  const all = [...xs.tensors, ...ys.tensors];
  const inputs = xs.tensors.length;
  const n = all[0]!.shape[0]!;
  if (n === 0) {
    dispose(owned);
    throw new RangeError(`${fn}: ${what} has no example`);
  }

  const take = (order: Uint32Array | null, start: number, stop: number): TensorBatch => {
    let parts: Tensor[];
    if (order === null) parts = all.map((t) => slice(t, start, stop - start));
    else {
      const indices = tensor1d(Int32Array.from(order.subarray(start, stop)), "int32");
      parts = all.map((t) => gather(t, indices));
      indices.dispose();
    }
    return { xs: parts.slice(0, inputs), ys: parts.slice(inputs), size: stop - start };
  };

  async function* pass(batchSize: number, order: Uint32Array | null, full: boolean) {
    const end = full ? n - (n % batchSize) : n;
    for (let start = 0; start < end; start += batchSize)
      yield take(order, start, Math.min(n, start + batchSize));
  }

  return {
    name: what,
    examples: n,
    reorderable: true,
    batchesPerPass: (batchSize) => Math.ceil(n / batchSize),
    pass: ({ batchSize, seed, epoch, shuffle = true }) =>
      pass(batchSize, shuffle ? permutation(n, seed, epoch) : null, false),
    async *stream({ batchSize, seed }) {
      if (n < batchSize)
        throw new RangeError(`${fn}: ${what} has ${n} examples, fewer than batchSize ${batchSize}`);
      for (let epoch = 0; ; epoch++) yield* pass(batchSize, permutation(n, seed, epoch), true);
    },
    dispose: () => dispose(owned),
  };
}
