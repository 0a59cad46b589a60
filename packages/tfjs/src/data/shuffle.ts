/**
 * Seeded permutations: the order of an epoch is a pure function of the seed and the epoch.
 *
 * @module
 */
import { seededGenerator } from "lrkit";
import { uniformInt } from "pure-rand/distribution/uniformInt";

/**
 * A random permutation of 0 … n − 1 determined by `seed` and `key` alone (Fisher–Yates over
 * lrkit's {@link seededGenerator} of the two), so that epoch k's order can be drawn without drawing
 * epochs 0 … k − 1.
 *
 * @throws RangeError when `n` is not a non-negative integer or `seed`, `key` are not integers.
 * @example
 * ```ts
 * permutation(5, 42, 0); // e.g. Uint32Array [3, 0, 4, 1, 2]; the same every time
 * ```
 */
export function permutation(n: number, seed: number, key = 0): Uint32Array {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`permutation: n must be a non-negative integer, got ${n}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`permutation: seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(key)) throw new RangeError(`permutation: key must be an integer, got ${key}`);
  const rng = seededGenerator([
    seed | 0,
    Math.floor(seed / 2 ** 32) | 0,
    key | 0,
    Math.floor(key / 2 ** 32) | 0,
  ]);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
