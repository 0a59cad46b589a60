import type { Family } from "../../spec/family.js";
import { combine_schedsFamily, combined_cosFamily } from "./combineScheds.js";
import { fit_flat_cosFamily } from "./fitFlatCos.js";
import { fit_one_cycle_momsFamily, fit_one_cycleFamily } from "./fitOneCycle.js";
import { fit_sgdrFamily } from "./fitSgdr.js";
import { SchedCosFamily, SchedExpFamily, SchedLinFamily, SchedNoFamily } from "./sched.js";
import { SchedPolyFamily } from "./schedPoly.js";

/** The registry entries of the fastai presets, in the order of fastai's source file. */
export const fastaiFamilies: readonly Family[] = [
  SchedLinFamily,
  SchedCosFamily,
  SchedNoFamily,
  SchedExpFamily,
  SchedPolyFamily,
  combine_schedsFamily,
  combined_cosFamily,
  fit_one_cycleFamily,
  fit_one_cycle_momsFamily,
  fit_flat_cosFamily,
  fit_sgdrFamily,
];
