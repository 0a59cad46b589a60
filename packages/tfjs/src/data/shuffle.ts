/**
 * Seeded permutations: the order of an epoch is a pure function of the seed and the epoch.
 *
 * @module
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/** The murmur3 32-bit finaliser: a bijective mix of a 32-bit integer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A random permutation of 0 … n − 1 determined by `seed` and `key` alone (Fisher–Yates over
 * pure-rand's xoroshiro128+, its state mixed from the two with the murmur3 finaliser), so that
 * epoch k's order can be drawn without drawing epochs 0 … k − 1.
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
  const words = [seed | 0, Math.floor(seed / 2 ** 32) | 0, key | 0, Math.floor(key / 2 ** 32) | 0];
  let h = 0x6a09e667;
  for (const w of words) h = (fmix32(h ^ w) + 0x9e3779b9) | 0;
  const state: number[] = [];
  for (let i = 0; i < 4; i++) {
    h = (h + 0x9e3779b9) | 0;
    state.push(fmix32(h));
  }
  if (!state.some((w) => w !== 0)) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
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
