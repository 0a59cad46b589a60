/**
 * The registry entries of the fastai presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { combine_schedsFamily, combined_cosFamily } from "./combineScheds.js";
export { fit_flat_cosFamily } from "./fitFlatCos.js";
export { fit_one_cycle_momsFamily, fit_one_cycleFamily } from "./fitOneCycle.js";
export { fit_sgdrFamily } from "./fitSgdr.js";
export { SchedCosFamily, SchedExpFamily, SchedLinFamily, SchedNoFamily } from "./sched.js";
export { SchedPolyFamily } from "./schedPoly.js";
