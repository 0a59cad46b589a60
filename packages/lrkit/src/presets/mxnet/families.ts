/**
 * The registry entries of the mxnet presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { CosineSchedulerFamily } from "./cosineScheduler.js";
export { FactorSchedulerFamily } from "./factorScheduler.js";
export { MultiFactorSchedulerFamily } from "./multiFactorScheduler.js";
export { PolySchedulerFamily } from "./polyScheduler.js";
