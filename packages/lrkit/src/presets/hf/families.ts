/**
 * The registry entries of the hf presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { getConstantScheduleFamily, getConstantScheduleWithWarmupFamily } from "./constant.js";
export { getCosineScheduleWithWarmupFamily } from "./cosine.js";
export { getCosineWithHardRestartsScheduleWithWarmupFamily } from "./cosineWithHardRestarts.js";
export { getCosineWithMinLrScheduleWithWarmupFamily } from "./cosineWithMinLr.js";
export { getCosineWithMinLrScheduleWithWarmupLrRateFamily } from "./cosineWithMinLrRate.js";
export { getSchedulerFamily } from "./getScheduler.js";
export { getInverseSqrtScheduleFamily } from "./inverseSqrt.js";
export { getLinearScheduleWithWarmupFamily } from "./linear.js";
export { getPolynomialDecayScheduleWithWarmupFamily } from "./polynomial.js";
export { getWsdScheduleFamily } from "./wsd.js";
