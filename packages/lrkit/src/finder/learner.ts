/**
 * The framework-neutral interface the LR range test drives: the framework owns the training step.
 *
 * @module
 */

/**
 * One model, optimizer, loss and batch stream, able to take a step at a given learning rate and
 * to save and restore itself. `@lrkit/tfjs` implements it for TensorFlow.js.
 */
export interface Learner {
  /**
   * One update at learning rate `lr`, from `batches` batches (gradient accumulation: the gradients
   * of `batches` consecutive batches are averaged before the single update). Returns the training
   * loss (the mean over the batches).
   */
  step(lr: number, batches?: number): Promise<number>;
  /** A snapshot of the weights and the optimizer state. */
  snapshot(): Promise<unknown>;
  /** Puts the weights and the optimizer state back as they were in `snapshot`. */
  restore(snapshot: unknown): Promise<void>;
  /** The validation loss, for the validation-loss mode. */
  validate?(): Promise<number>;
  /** Reorders the data stream from `seed` (for several sweeps with different data orders). */
  reseed?(seed: number): Promise<void> | void;
  /** Frees what the snapshot holds, once it is no longer needed. */
  release?(snapshot: unknown): Promise<void> | void;
}
