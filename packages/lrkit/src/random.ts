/**
 * Seeded randomness. Every random thing in lrkit takes an explicit seed, and the same seed gives
 * the same values. The generator is pure-rand's xoroshiro128+; its 128-bit state is derived from
 * the seed and a key (such as the step) with the murmur3 finaliser (absorbed, then expanded
 * splitmix-style), so that neighbouring keys give unrelated streams and any step can be drawn on
 * its own, in any order.
 *
 * @module
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** The murmur3 32-bit finaliser: a bijective mix of a 32-bit integer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A pure-rand xoroshiro128+ generator whose 128-bit state is mixed from `words` with the murmur3
 * finaliser (absorbed, then expanded splitmix-style), so that neighbouring words give unrelated
 * streams. Every seeded draw of lrkit and @lrkit/tfjs starts here: {@link uniformStream} mixes the
 * bits of a seed and a key, @lrkit/tfjs's `permutation` the 32-bit halves of a seed and an epoch.
 *
 * @param words - 32-bit integers; the same words give the same generator.
 * @example
 * ```ts
 * import { uniformInt } from "pure-rand/distribution/uniformInt";
 * uniformInt(seededGenerator([42, 0, 3, 0]), 0, 9); // the same integer every time
 * ```
 * @see pure-rand `generator/xoroshiro128plus`; Appleby's MurmurHash3 (`fmix32`).
 */
export function seededGenerator(words: readonly number[]): RandomGenerator {
  let h = 0x6a09e667;
  for (const word of words) h = (fmix32(h ^ word) + 0x9e3779b9) | 0;
  const state: number[] = [];
  for (let i = 0; i < 4; i++) {
    h = (h + 0x9e3779b9) | 0;
    state.push(fmix32(h));
  }
  if (!state.some((w) => w !== 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

const bits = new DataView(new ArrayBuffer(8));

/** A stream of uniform doubles in [0, 1) determined by `seed` and `key` alone. */
export function uniformStream(seed: number, key = 0): () => number {
  bits.setFloat64(0, key);
  const hi = bits.getInt32(0);
  const lo = bits.getInt32(4);
  bits.setFloat64(0, seed);
  const s0 = bits.getInt32(0);
  const s1 = bits.getInt32(4);
  const rng = seededGenerator([s0, s1, hi, lo]);
  return () => uniformFloat64(rng);
}

/** A standard normal draw from a uniform stream (Box-Muller). */
export function normal(uniform: () => number): number {
  const u = 1 - uniform(); // in (0, 1]
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
