/**
 * A run's state after an epoch, as bytes: everything needed to continue it and end with the same
 * numbers as a run never interrupted. The bytes are a magic tag, a JSON header, the tensors' raw
 * values and a SHA-256 of all that, so that a checkpoint cut short or changed is detected.
 *
 * Written here rather than with `tf.io`'s model artifacts: those hold a model's weights only, not
 * an optimizer's accumulators and step counts, nor the schedule's and the run's state.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { DriverState, OptimizerName } from "@lrkit/tfjs";
import type { EpochSummary } from "../results/schema.js";

/** The format tag of a checkpoint. */
export const CHECKPOINT_FORMAT = "lrkit-checkpoint/1";

const MAGIC = new TextEncoder().encode("LRKITCK1");
const DIGEST_BYTES = 32;

/** A tensor's values, off any backend. */
export interface StoredTensor {
  readonly shape: readonly number[];
  readonly dtype: "float32" | "int32";
  readonly values: Float32Array | Int32Array;
}

/** An optimizer's whole state: kind, step count, hyperparameters, accumulators, scalar variables. */
export interface OptimizerState {
  readonly name: OptimizerName;
  readonly iterations: number;
  readonly lr: number;
  readonly momentum?: number;
  /** The accumulators, with the names the optimizer gave them, in its order. */
  readonly weights: readonly { readonly name: string; readonly tensor: StoredTensor }[];
  /** The scalar variables outside `getWeights()` (Adam's `accBeta1`, ...), by field name. */
  readonly extra: Readonly<Record<string, StoredTensor>>;
}

/** What a run started from (kept for the results). */
export interface RunInit {
  /** SHA-256 of the initial weights. */
  readonly weightsSha256: string;
  readonly parameters: number;
  /** The loss of the run's first update. */
  readonly firstBatchLoss?: number;
}

/** A run's state after `epoch` epochs. */
export interface RunCheckpoint {
  /** The hash of the experiment (config, model and data sources) the run belongs to. */
  readonly experiment: string;
  /** The run's key in its store. */
  readonly key: string;
  /** Epochs finished (the next epoch to train, counted from 0). */
  readonly epoch: number;
  /**
   * The seed of the data order. Epoch e's order is a pure function of the seed and e (see
   * `permutation` in @lrkit/tfjs), so the seed and `epoch` are the whole data-order state.
   */
  readonly seed: number;
  /** The schedule's state (JSON) after `epoch` epochs. */
  readonly scheduleState: DriverState;
  readonly init: RunInit;
  /** The finished epochs' records, in order. */
  readonly history: readonly EpochSummary[];
  /** The model's weights, in `getWeights()` order. */
  readonly weights: readonly StoredTensor[];
  /** The optimizer's state. */
  readonly optimizer: OptimizerState;
}

/** A checkpoint that cannot be read: cut short, changed, or of another format. */
export class CheckpointError extends Error {
  override name = "CheckpointError";
}

type TensorRef = { shape: number[]; dtype: StoredTensor["dtype"]; offset: number; length: number };
type Header = Omit<RunCheckpoint, "weights" | "optimizer"> & {
  format: string;
  weights: TensorRef[];
  optimizer: Omit<OptimizerState, "weights" | "extra"> & {
    weights: { name: string; tensor: TensorRef }[];
    extra: Record<string, TensorRef>;
  };
};

/**
 * Encodes a checkpoint to bytes (its integrity check included).
 *
 * @example
 * ```ts
 * await store.save(key, state.epoch, encodeCheckpoint(state));
 * ```
 */
export function encodeCheckpoint(state: RunCheckpoint): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const ref = (t: StoredTensor): TensorRef => {
    const bytes = new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength);
    chunks.push(bytes);
    offset += bytes.byteLength;
    return {
      shape: [...t.shape],
      dtype: t.dtype,
      offset: offset - bytes.byteLength,
      length: t.values.length,
    };
  };
  const { weights, optimizer, ...rest } = state;
  const header: Header = {
    format: CHECKPOINT_FORMAT,
    ...rest,
    weights: weights.map(ref),
    optimizer: {
      ...optimizer,
      weights: optimizer.weights.map((w) => ({ name: w.name, tensor: ref(w.tensor) })),
      extra: Object.fromEntries(Object.entries(optimizer.extra).map(([k, t]) => [k, ref(t)])),
    },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(MAGIC.length + 4 + json.length + offset + DIGEST_BYTES);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, MAGIC.length + 4);
  let at = MAGIC.length + 4 + json.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  out.set(createHash("sha256").update(out.subarray(0, at)).digest(), at);
  return out;
}

/**
 * Decodes the bytes of {@link encodeCheckpoint}, checking them first.
 *
 * @throws {@link CheckpointError} for bytes cut short, changed (the SHA-256 differs) or not a
 *   checkpoint of this format.
 */
export function decodeCheckpoint(bytes: Uint8Array): RunCheckpoint {
  const fail = (why: string): never => {
    throw new CheckpointError(`not a valid checkpoint: ${why}`);
  };
  if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES) fail(`${bytes.length} bytes is too short`);
  if (!MAGIC.every((b, i) => bytes[i] === b)) fail("it does not start with LRKITCK1");
  const end = bytes.length - DIGEST_BYTES;
  const digest = createHash("sha256").update(bytes.subarray(0, end)).digest();
  if (!digest.equals(bytes.subarray(end))) fail("its SHA-256 does not match its content (damaged)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4 + length;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, start))) as Header;
  if (header.format !== CHECKPOINT_FORMAT)
    fail(`format ${JSON.stringify(header.format)}, not ${CHECKPOINT_FORMAT}`);
  const tensor = (r: TensorRef): StoredTensor => {
    const width = 4; // float32 and int32 alike
    const from = start + r.offset;
    if (from + r.length * width > end) fail("a tensor lies past the end of the data");
    // A copy (a Buffer's slice would be a view): the values sit at an aligned offset, and outlive `bytes`.
    const raw = new Uint8Array(bytes.subarray(from, from + r.length * width)).buffer;
    return {
      shape: r.shape,
      dtype: r.dtype,
      values: r.dtype === "int32" ? new Int32Array(raw) : new Float32Array(raw),
    };
  };
  const { format: _format, weights, optimizer, ...rest } = header;
  return {
    ...rest,
    weights: weights.map(tensor),
    optimizer: {
      ...optimizer,
      weights: optimizer.weights.map((w) => ({ name: w.name, tensor: tensor(w.tensor) })),
      extra: Object.fromEntries(Object.entries(optimizer.extra).map(([k, r]) => [k, tensor(r)])),
    },
  };
}
