/**
 * fastai's hyper-parameter schedules (`fastai.callback.schedule`) under their own names and
 * parameter names, from fastai/fastai `fastai/callback/schedule.py`: the annealers `SchedLin`,
 * `SchedCos`, `SchedNo`, `SchedExp`, `SchedPoly`, the combinators `combine_scheds` and
 * `combined_cos`, and the schedules of `Learner.fit_one_cycle` (lr and momentum), `fit_flat_cos`
 * and `fit_sgdr`.
 *
 * fastai's schedules are functions of the training position `pos` in [0, 1]; each preset adds the
 * one thing fastai does not have, the length of the run (`steps`, or `n_iter` batches per epoch for
 * the `fit_*` ones), and `schedule(t)` is fastai's value at `pos = t / steps`, held from the end on.
 * Values are fastai's exactly, including the float32 rounding that `combine_scheds` applies to the
 * position.
 *
 * @module
 */
export {
  combine_scheds,
  combined_cos,
  type CombinedCosOptions,
  type CombineSchedsOptions,
} from "./combineScheds.js";
export { fit_flat_cos, type FitFlatCosOptions } from "./fitFlatCos.js";
export {
  fit_one_cycle,
  fit_one_cycle_moms,
  type FitOneCycleMomsOptions,
  type FitOneCycleOptions,
} from "./fitOneCycle.js";
export { fit_sgdr, type FitSgdrOptions } from "./fitSgdr.js";
export {
  SchedCos,
  SchedExp,
  SchedLin,
  SchedNo,
  type SchedCosOptions,
  type SchedExpOptions,
  type SchedLinOptions,
  type SchedNoOptions,
} from "./sched.js";
export { SchedPoly, type SchedPolyOptions } from "./schedPoly.js";
