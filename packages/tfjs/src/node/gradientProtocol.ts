/**
 * The messages between the trainer and its gradient workers (see `gradientWorkers.ts`).
 *
 * @module
 */
import type { DataType } from "@tensorflow/tfjs-core";

/** What a worker starts from. */
export interface WorkerInit {
  /** The backend to run on, the same as the trainer's. */
  readonly backend: "wasm" | "cpu";
  /** The model's topology (`model.toJSON(null, false)`). */
  readonly topology: unknown;
  /** The shapes of the model's trainable weights, in order. */
  readonly shapes: readonly (readonly number[])[];
  /** The loss of each output, by name. */
  readonly lossNames: readonly string[];
}

/** A tensor's values, shape and type, as plain data that crosses threads. */
export interface PlainTensor {
  /** The values, row-major. */
  readonly values: Float32Array | Int32Array | Uint8Array;
  /** The shape. */
  readonly shape: readonly number[];
  /** The type. */
  readonly dtype: DataType;
}

/** One slice of a batch, with the weights to compute its gradients at. */
export interface GradientJob {
  /** The trainable weights' values, in order. */
  readonly weights: readonly Float32Array[];
  /** The slice's inputs, in the model's order. */
  readonly xs: readonly PlainTensor[];
  /** The slice's targets, in the model's order. */
  readonly ys: readonly PlainTensor[];
}

/** What a worker computed for a {@link GradientJob}. */
export interface GradientReply {
  /** The loss of the slice (with the regularisation penalties). */
  readonly loss: number;
  /** The gradients of that loss, one per trainable weight, in order. */
  readonly grads: Float32Array[];
  /** The model's outputs on the slice (before the update), for the reported values. */
  readonly outputs: PlainTensor[];
}

/** A message from a worker. */
export type WorkerMessage =
  | { readonly type: "ready" }
  | { readonly type: "grads"; readonly reply: GradientReply }
  | { readonly type: "error"; readonly message: string };
