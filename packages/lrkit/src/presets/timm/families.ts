import type { Family } from "../../spec/family.js";
import { CosineLRSchedulerFamily } from "./cosineLRScheduler.js";
import { MultiStepLRSchedulerFamily } from "./multiStepLRScheduler.js";
import { PolyLRSchedulerFamily } from "./polyLRScheduler.js";
import { StepLRSchedulerFamily } from "./stepLRScheduler.js";
import { TanhLRSchedulerFamily } from "./tanhLRScheduler.js";

/** The registry entries of the timm presets, in the order of timm's `timm/scheduler/__init__.py`. */
export const timmFamilies: readonly Family[] = [
  CosineLRSchedulerFamily,
  MultiStepLRSchedulerFamily,
  PolyLRSchedulerFamily,
  StepLRSchedulerFamily,
  TanhLRSchedulerFamily,
];
