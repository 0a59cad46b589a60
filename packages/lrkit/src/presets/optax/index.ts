/**
 * Optax's schedules (`optax.schedules`) under their own names and parameter names, from
 * google-deepmind/optax `optax/schedules/_schedule.py` and `optax/schedules/_join.py`. Optax
 * computes in float32 under JAX; these give the same formulas in float64.
 *
 * @module
 */
export { constant_schedule, type ConstantScheduleOptions } from "./constant.js";
export { cosine_decay_schedule, type CosineDecayScheduleOptions } from "./cosine.js";
export { exponential_decay, type ExponentialDecayOptions } from "./exponential.js";
export { join_schedules, type JoinSchedulesOptions } from "./join.js";
export {
  cosine_onecycle_schedule,
  linear_onecycle_schedule,
  type CosineOnecycleScheduleOptions,
  type LinearOnecycleScheduleOptions,
} from "./onecycle.js";
export {
  piecewise_constant_schedule,
  piecewise_interpolate_schedule,
  type PiecewiseConstantScheduleOptions,
  type PiecewiseInterpolateScheduleOptions,
} from "./piecewise.js";
export {
  linear_schedule,
  polynomial_schedule,
  type LinearScheduleOptions,
  type PolynomialScheduleOptions,
} from "./polynomial.js";
export { sgdr_schedule, type SgdrScheduleOptions } from "./sgdr.js";
export {
  warmup_constant_schedule,
  warmup_cosine_decay_schedule,
  warmup_exponential_decay_schedule,
  type WarmupConstantScheduleOptions,
  type WarmupCosineDecayScheduleOptions,
  type WarmupExponentialDecayScheduleOptions,
} from "./warmup.js";
