/**
 * Deterministic initialisation: each layer's initializer seeded from the model's one seed.
 *
 * @module
 */
import { initializers } from "@tensorflow/tfjs-layers";

/** Options of {@link lenet} and {@link mlp}. */
export interface ModelOptions {
  /** Seeds the initial weights: the same seed gives the same weights. Defaults to 0. */
  readonly seed?: number;
  /** The shape of one example. Defaults to `[28, 28, 1]`. */
  readonly inputShape?: readonly number[];
  /** The number of classes (units of the last layer, which outputs logits). Defaults to 10. */
  readonly classes?: number;
}

/** The murmur3 32-bit finaliser: a bijective mix of a 32-bit integer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The seed of layer `index` of a model built with `seed`: unrelated seeds for neighbouring
 * layers and models.
 *
 * @throws RangeError when `seed` is not a safe integer.
 */
function layerSeed(fn: string, seed: number, index: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${fn}: seed must be an integer, got ${seed}`);
  return fmix32(fmix32(seed >>> 0) ^ fmix32((Math.floor(seed / 2 ** 32) + index * 0x9e3779b9) >>> 0));
}

/**
 * A Glorot-uniform kernel initializer (d2l's MXNet version: `init.Xavier()`) seeded for layer
 * `index` of a model built with `seed`.
 *
 * @throws RangeError when `seed` is not a safe integer.
 */
export function seededKernel(fn: string, seed: number, index: number) {
  return initializers.glorotUniform({ seed: layerSeed(fn, seed, index) });
}
