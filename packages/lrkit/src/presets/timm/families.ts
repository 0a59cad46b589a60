/**
 * The registry entries of the timm presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { CosineLRSchedulerFamily } from "./cosineLRScheduler.js";
export { MultiStepLRSchedulerFamily } from "./multiStepLRScheduler.js";
export { PolyLRSchedulerFamily } from "./polyLRScheduler.js";
export { StepLRSchedulerFamily } from "./stepLRScheduler.js";
export { TanhLRSchedulerFamily } from "./tanhLRScheduler.js";
