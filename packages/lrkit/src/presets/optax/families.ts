import type { Family } from "../../spec/family.js";
import { constantScheduleFamily } from "./constant.js";
import { cosineDecayScheduleFamily } from "./cosine.js";
import { exponentialDecayFamily } from "./exponential.js";
import { joinSchedulesFamily } from "./join.js";
import { cosineOnecycleScheduleFamily, linearOnecycleScheduleFamily } from "./onecycle.js";
import { piecewiseConstantScheduleFamily, piecewiseInterpolateScheduleFamily } from "./piecewise.js";
import { linearScheduleFamily, polynomialScheduleFamily } from "./polynomial.js";
import { sgdrScheduleFamily } from "./sgdr.js";
import {
  warmupConstantScheduleFamily,
  warmupCosineDecayScheduleFamily,
  warmupExponentialDecayScheduleFamily,
} from "./warmup.js";

/** The registry entries of the optax presets, in the order of Optax's source file. */
export const optaxFamilies: readonly Family[] = [
  constantScheduleFamily,
  polynomialScheduleFamily,
  linearScheduleFamily,
  piecewiseConstantScheduleFamily,
  exponentialDecayFamily,
  cosineDecayScheduleFamily,
  piecewiseInterpolateScheduleFamily,
  linearOnecycleScheduleFamily,
  cosineOnecycleScheduleFamily,
  warmupConstantScheduleFamily,
  warmupCosineDecayScheduleFamily,
  warmupExponentialDecayScheduleFamily,
  sgdrScheduleFamily,
  joinSchedulesFamily,
];
