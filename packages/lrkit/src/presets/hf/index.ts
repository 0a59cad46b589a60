/**
 * Hugging Face Transformers' learning-rate schedules under their own names and parameter names, from
 * huggingface/transformers `src/transformers/optimization.py`: `get_scheduler` (the Trainer's
 * `lr_scheduler_type`) and the `get_*_schedule*` functions. HF's schedules are LambdaLR multipliers of
 * the optimizer's lr; these take that lr as `lr` and return the learning rate itself,
 * `lr * lr_lambda(t)`.
 *
 * @module
 */
export {
  get_constant_schedule,
  get_constant_schedule_with_warmup,
  type GetConstantScheduleOptions,
  type GetConstantScheduleWithWarmupOptions,
} from "./constant.js";
export { get_cosine_schedule_with_warmup, type GetCosineScheduleWithWarmupOptions } from "./cosine.js";
export {
  get_cosine_with_hard_restarts_schedule_with_warmup,
  type GetCosineWithHardRestartsScheduleWithWarmupOptions,
} from "./cosineWithHardRestarts.js";
export {
  get_cosine_with_min_lr_schedule_with_warmup,
  type GetCosineWithMinLrScheduleWithWarmupOptions,
} from "./cosineWithMinLr.js";
export {
  get_cosine_with_min_lr_schedule_with_warmup_lr_rate,
  type GetCosineWithMinLrScheduleWithWarmupLrRateOptions,
} from "./cosineWithMinLrRate.js";
export {
  get_scheduler,
  type GetSchedulerOptions,
  type ScheduleName,
  type SchedulerSpecificKwargs,
} from "./getScheduler.js";
export { get_inverse_sqrt_schedule, type GetInverseSqrtScheduleOptions } from "./inverseSqrt.js";
export { get_linear_schedule_with_warmup, type GetLinearScheduleWithWarmupOptions } from "./linear.js";
export { REDUCE_LR_ON_PLATEAU_DEFAULTS } from "./plateau.js";
export {
  get_polynomial_decay_schedule_with_warmup,
  type GetPolynomialDecayScheduleWithWarmupOptions,
} from "./polynomial.js";
export { get_wsd_schedule, type GetWsdScheduleOptions } from "./wsd.js";
