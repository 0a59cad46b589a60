/**
 * What every data adapter gives the trainer, the range test and evaluation: batches of tensors in
 * the model's input and output order, one pass at a time or as an endless stream.
 *
 * @module
 */
import type { Tensor } from "@tensorflow/tfjs-core";

/** One batch: inputs and targets in the model's order, owned by whoever receives them. */
export interface TensorBatch {
  /** One tensor per model input, batch first. */
  readonly xs: Tensor[];
  /** One tensor per model output, batch first. */
  readonly ys: Tensor[];
  /** The number of examples. */
  readonly size: number;
}

/** How a pass or a stream is cut and ordered. */
export interface PassOptions {
  /** Examples per batch (ignored by data that comes batched). */
  readonly batchSize: number;
  /** Seeds the order (data lrkit can reorder). */
  readonly seed: number;
}

/** Batches from one kind of data. */
export interface BatchSource {
  /** What the data is, for messages. */
  readonly name: string;
  /** Examples per pass, when known. */
  readonly examples: number | undefined;
  /** True when lrkit orders the examples itself (by seed), false when the data comes in its own order. */
  readonly reorderable: boolean;
  /** Batches per pass at `batchSize`, when known. */
  batchesPerPass(batchSize: number): number | undefined;
  /**
   * One pass over the data: for reorderable data in the seeded order of pass `epoch` (a pure
   * function of seed and epoch), the last batch possibly smaller.
   */
  pass(
    options: PassOptions & { readonly epoch: number; readonly shuffle?: boolean },
  ): AsyncGenerator<TensorBatch>;
  /** Full batches without end, pass after pass (reordered each pass where lrkit orders the data). */
  stream(options: PassOptions): AsyncGenerator<TensorBatch, never>;
  /** Frees the tensors the adapter made (from plain arrays); the caller's own tensors are left alone. */
  dispose(): void;
}
