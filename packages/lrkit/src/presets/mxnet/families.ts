import type { Family } from "../../spec/family.js";
import { CosineSchedulerFamily } from "./cosineScheduler.js";
import { FactorSchedulerFamily } from "./factorScheduler.js";
import { MultiFactorSchedulerFamily } from "./multiFactorScheduler.js";
import { PolySchedulerFamily } from "./polyScheduler.js";

/** The registry entries of the mxnet presets, in the order of MXNet's source file. */
export const mxnetFamilies: readonly Family[] = [
  FactorSchedulerFamily,
  MultiFactorSchedulerFamily,
  PolySchedulerFamily,
  CosineSchedulerFamily,
];
