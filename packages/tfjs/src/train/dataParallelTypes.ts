/**
 * The messages between the trainer and its gradient workers (see `dataParallel.ts`).
 *
 * @module
 */

/** What a worker starts from. */
export interface WorkerInit {
  /** The backend to run on, the same as the trainer's. */
  readonly backend: "wasm" | "cpu";
  /** The model's topology (`model.toJSON(null, false)`). */
  readonly topology: unknown;
  /** The shapes of the model's trainable weights, in order. */
  readonly shapes: readonly (readonly number[])[];
  /** The number of classes (the width of the one-hot labels). */
  readonly classes: number;
}

/** One slice of a batch, with the weights to compute its gradients at. */
export interface GradientJob {
  /** The trainable weights' values, in order. */
  readonly weights: readonly Float32Array[];
  /** The slice's pixels, `shape` row-major. */
  readonly x: Float32Array;
  /** `[size, height, width, channels]`. */
  readonly shape: [number, number, number, number];
  /** The slice's one-hot labels. */
  readonly y: Float32Array;
  /** The slice's labels. */
  readonly labels: Uint8Array;
}

/** What a worker computed for a {@link GradientJob}. */
export interface GradientReply {
  /** The mean loss over the slice. */
  readonly loss: number;
  /** How many examples of the slice the model classified right (before the update). */
  readonly correct: number;
  /** The gradients of the mean loss, one per trainable weight, in order. */
  readonly grads: Float32Array[];
}

/** A message from a worker. */
export type WorkerMessage =
  | { readonly type: "ready" }
  | { readonly type: "grads"; readonly reply: GradientReply }
  | { readonly type: "error"; readonly message: string };
