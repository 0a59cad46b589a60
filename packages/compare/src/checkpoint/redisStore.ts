/**
 * Run checkpoints in Redis, where every worker of a queue reaches them: one list per run, newest
 * first, trimmed to two entries in the same transaction as the push.
 *
 * @module
 */
import type { Redis } from "ioredis";
import type { CheckpointStore, StoredCheckpoint } from "./store.js";

/** Bytes of the header of an entry: the epoch, a big-endian uint32. */
const HEADER = 4;

/**
 * A {@link CheckpointStore} in Redis: run `key`'s checkpoints are the list `<prefix>:<key>`, each
 * entry the epoch (4 bytes) then the checkpoint's bytes.
 *
 * @param redis - an ioredis client (the caller owns and closes it).
 * @param prefix - the keys' prefix. Defaults to "lrkit:checkpoint".
 * @example
 * ```ts
 * const store = redisCheckpointStore(new Redis("redis://127.0.0.1:6379"));
 * await store.save("run-0", 1, bytes);
 * const [newest] = await store.load("run-0");
 * ```
 */
export function redisCheckpointStore(redis: Redis, prefix = "lrkit:checkpoint"): CheckpointStore {
  const keyOf = (key: string) => `${prefix}:${key}`;
  return {
    async save(key, epoch, bytes) {
      if (!Number.isSafeInteger(epoch) || epoch < 0 || epoch > 0xffffffff)
        throw new RangeError(`redisCheckpointStore: epoch must be a non-negative integer, got ${epoch}`);
      const entry = Buffer.alloc(HEADER + bytes.byteLength);
      entry.writeUInt32BE(epoch, 0);
      entry.set(bytes, HEADER);
      await redis
        .multi()
        .lpush(keyOf(key), entry)
        .ltrim(keyOf(key), 0, 1)
        .exec()
        .then((replies) => {
          const failed = replies?.find(([error]) => error !== null);
          if (failed) throw failed[0]!;
        });
    },
    async load(key) {
      const entries = await redis.lrangeBuffer(keyOf(key), 0, 1);
      return entries
        .filter((entry) => entry.byteLength >= HEADER)
        .map((entry): StoredCheckpoint => ({
          epoch: entry.readUInt32BE(0),
          bytes: new Uint8Array(entry.subarray(HEADER)),
        }));
    },
    async clear(key) {
      await redis.del(keyOf(key));
    },
  };
}
