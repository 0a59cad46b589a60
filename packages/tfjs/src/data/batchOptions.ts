/**
 * The two numbers every batching of data takes, checked in one place: the batch size and the seed
 * of the order.
 *
 * @module
 */

/**
 * `batchSize`, or `fallback` when it is not given (and there is one).
 *
 * @param fn - the calling function, named in the error.
 * @throws RangeError unless it is a positive integer.
 * @example
 * ```ts
 * checkedBatchSize("train", undefined, 32); // 32
 * ```
 */
export function checkedBatchSize(fn: string, batchSize: number | undefined, fallback?: number): number {
  const value = batchSize ?? fallback;
  if (value === undefined || !Number.isInteger(value) || value <= 0)
    throw new RangeError(`${fn}: batchSize must be a positive integer, got ${value}`);
  return value;
}

/**
 * `seed`, or 0 when it is not given.
 *
 * @param fn - the calling function, named in the error.
 * @throws RangeError unless it is a safe integer.
 * @example
 * ```ts
 * checkedSeed("tfjsLearner", 7); // 7
 * ```
 */
export function checkedSeed(fn: string, seed: number | undefined): number {
  const value = seed ?? 0;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${fn}: seed must be an integer, got ${value}`);
  return value;
}
