/**
 * timm's learning-rate schedulers (`timm.scheduler`) under their own names and parameter names,
 * from huggingface/pytorch-image-models `timm/scheduler/*.py`. Each takes the optimizer's base lr as
 * `lr` and returns the lr that `scheduler.step(t)` (or `step_update(t)`) writes into the param group;
 * `t` counts in whatever unit the caller steps (timm's `t_in_epochs` belongs to the caller).
 * `PlateauLRScheduler` is metric-driven: a state machine (`init`, `step(state, epoch, metric)`, `lr`)
 * rather than a schedule.
 *
 * @module
 */
export { CosineLRScheduler, type CosineLRSchedulerOptions } from "./cosineLRScheduler.js";
export { MultiStepLRScheduler, type MultiStepLRSchedulerOptions } from "./multiStepLRScheduler.js";
export {
  PlateauLRScheduler,
  type PlateauLRSchedulerOptions,
  type PlateauLRSchedulerPolicy,
  type PlateauLRSchedulerState,
} from "./plateauLRScheduler.js";
export { PolyLRScheduler, type PolyLRSchedulerOptions } from "./polyLRScheduler.js";
export { StepLRScheduler, type StepLRSchedulerOptions } from "./stepLRScheduler.js";
export { TanhLRScheduler, type TanhLRSchedulerOptions } from "./tanhLRScheduler.js";
