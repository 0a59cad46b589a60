/**
 * The combinators, which take schedules as parameters: each one's factory, registry entry and
 * options, one line per combinator. As for the families, a combinator's line here registers it.
 *
 * @module
 */
export { clamp, clampFamily, type ClampOptions } from "./clamp.js";
export { join, joinFamily } from "./join.js";
export { multiply, multiplyFamily } from "./multiply.js";
export { noise, noiseFamily, type NoiseOptions } from "./noise.js";
export { repeat, repeatFamily, type RepeatOptions } from "./repeat.js";
export { scale, scaleFamily } from "./scale.js";
export { warmup, warmupFamily, type WarmupOptions } from "./warmup.js";
