/**
 * Where a run's per-epoch checkpoints live, so that an interrupted run continues from its last
 * finished epoch: a directory on this machine (or a shared one), or a Redis server that every
 * worker of a queue reaches.
 *
 * @module
 */

/** One stored checkpoint: the encoded state of a run after `epoch` epochs. */
export interface StoredCheckpoint {
  /** Epochs finished when it was taken (1 after the first epoch). */
  readonly epoch: number;
  /** The encoded checkpoint (its own integrity check included). */
  readonly bytes: Uint8Array;
}

/**
 * A store of run checkpoints. It keeps the two newest of each run, so that a checkpoint found
 * damaged when read leaves the one before it to continue from.
 */
export interface CheckpointStore {
  /** Stores `bytes` as run `key`'s checkpoint after `epoch` epochs, keeping the one before it. */
  save(key: string, epoch: number, bytes: Uint8Array): Promise<void>;
  /** The run's checkpoints, newest first (at most two; none for a run never checkpointed). */
  load(key: string): Promise<readonly StoredCheckpoint[]>;
  /** Forgets the run's checkpoints. */
  clear(key: string): Promise<void>;
}
