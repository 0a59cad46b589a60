import type { Family } from "../../spec/family.js";
import { getConstantScheduleFamily, getConstantScheduleWithWarmupFamily } from "./constant.js";
import { getCosineScheduleWithWarmupFamily } from "./cosine.js";
import { getCosineWithHardRestartsScheduleWithWarmupFamily } from "./cosineWithHardRestarts.js";
import { getCosineWithMinLrScheduleWithWarmupFamily } from "./cosineWithMinLr.js";
import { getCosineWithMinLrScheduleWithWarmupLrRateFamily } from "./cosineWithMinLrRate.js";
import { getSchedulerFamily } from "./getScheduler.js";
import { getInverseSqrtScheduleFamily } from "./inverseSqrt.js";
import { getLinearScheduleWithWarmupFamily } from "./linear.js";
import { getPolynomialDecayScheduleWithWarmupFamily } from "./polynomial.js";
import { getWsdScheduleFamily } from "./wsd.js";

/** The registry entries of the hf presets: `get_scheduler`, then the functions in optimization.py's order. */
export const hfFamilies: readonly Family[] = [
  getSchedulerFamily,
  getConstantScheduleFamily,
  getConstantScheduleWithWarmupFamily,
  getLinearScheduleWithWarmupFamily,
  getCosineScheduleWithWarmupFamily,
  getCosineWithHardRestartsScheduleWithWarmupFamily,
  getPolynomialDecayScheduleWithWarmupFamily,
  getInverseSqrtScheduleFamily,
  getCosineWithMinLrScheduleWithWarmupFamily,
  getCosineWithMinLrScheduleWithWarmupLrRateFamily,
  getWsdScheduleFamily,
];
