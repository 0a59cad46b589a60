/**
 * The registry entries of the recipes presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { warmUpCosineLrSchedulerFamily } from "./warmUpCosineLrScheduler.js";
export { WarmupCosineLRFamily } from "./warmupCosineLR.js";
