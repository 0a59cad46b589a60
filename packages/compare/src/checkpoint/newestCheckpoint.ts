/**
 * The checkpoint a run continues from: the newest one that reads back whole.
 *
 * @module
 */
import { CheckpointError, decodeCheckpoint, type RunCheckpoint } from "./checkpoint.js";
import type { CheckpointStore } from "./store.js";

/** A checkpoint found damaged, and passed over. */
export interface DamagedCheckpoint {
  /** The epoch it was taken after. */
  readonly epoch: number;
  /** Why it cannot be read. */
  readonly reason: string;
}

/** What {@link newestCheckpoint} found. */
export interface FoundCheckpoint {
  /** The newest valid checkpoint, or null: the run starts from scratch. */
  readonly checkpoint: RunCheckpoint | null;
  /** The newer checkpoints that were damaged, newest first. */
  readonly damaged: readonly DamagedCheckpoint[];
}

/**
 * The newest checkpoint of run `key` in `store` that decodes (its SHA-256 matches) and says it
 * was taken after the epoch it is stored under; damaged ones are passed over and listed.
 *
 * @throws Error when a valid checkpoint belongs to another experiment or run (both hashes named):
 *   continuing it would mix two experiments.
 */
export async function newestCheckpoint(
  store: CheckpointStore,
  key: string,
  experiment: string,
): Promise<FoundCheckpoint> {
  const damaged: DamagedCheckpoint[] = [];
  for (const stored of await store.load(key)) {
    let checkpoint: RunCheckpoint;
    try {
      checkpoint = decodeCheckpoint(stored.bytes);
    } catch (e) {
      if (!(e instanceof CheckpointError)) throw e;
      damaged.push({ epoch: stored.epoch, reason: e.message });
      continue;
    }
    if (checkpoint.experiment !== experiment || checkpoint.key !== key)
      throw new Error(
        `compare: the checkpoint of run "${key}" after epoch ${stored.epoch} belongs to experiment ${checkpoint.experiment} (run "${checkpoint.key}"), this one is ${experiment}: remove the checkpoints or use another directory`,
      );
    if (checkpoint.epoch !== stored.epoch) {
      damaged.push({
        epoch: stored.epoch,
        reason: `it holds epoch ${checkpoint.epoch}, stored as ${stored.epoch}`,
      });
      continue;
    }
    return { checkpoint, damaged };
  }
  return { checkpoint: null, damaged };
}
