import type { Family } from "../../spec/family.js";
import { CosineSchedulerFamily } from "./cosineScheduler.js";
import { FactorSchedulerFamily } from "./factorScheduler.js";
import { MultiFactorSchedulerFamily } from "./multiFactorScheduler.js";
import { SquareRootSchedulerFamily } from "./squareRootScheduler.js";

/** The registry entries of the d2l presets, in the chapter's order. */
export const d2lFamilies: readonly Family[] = [
  SquareRootSchedulerFamily,
  FactorSchedulerFamily,
  MultiFactorSchedulerFamily,
  CosineSchedulerFamily,
];
