export { clamp, type ClampOptions } from "./clamp.js";
export { join } from "./join.js";
export { multiply } from "./multiply.js";
export { noise, type NoiseOptions } from "./noise.js";
export { repeat, type RepeatOptions } from "./repeat.js";
export { scale } from "./scale.js";
export { warmup, type WarmupOptions } from "./warmup.js";
