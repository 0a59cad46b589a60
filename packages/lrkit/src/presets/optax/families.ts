/**
 * The registry entries of the optax presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { constantScheduleFamily } from "./constant.js";
export { cosineDecayScheduleFamily } from "./cosine.js";
export { exponentialDecayFamily } from "./exponential.js";
export { joinSchedulesFamily } from "./join.js";
export { cosineOnecycleScheduleFamily, linearOnecycleScheduleFamily } from "./onecycle.js";
export { piecewiseConstantScheduleFamily, piecewiseInterpolateScheduleFamily } from "./piecewise.js";
export { linearScheduleFamily, polynomialScheduleFamily } from "./polynomial.js";
export { sgdrScheduleFamily } from "./sgdr.js";
export {
  warmupConstantScheduleFamily,
  warmupCosineDecayScheduleFamily,
  warmupExponentialDecayScheduleFamily,
} from "./warmup.js";
