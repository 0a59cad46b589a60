/**
 * MXNet's learning-rate schedulers (`mxnet.lr_scheduler`) under their own names and parameter names,
 * from apache/mxnet `python/mxnet/lr_scheduler.py`. MXNet's schedulers are stateful objects called
 * with the update count; these give the value the object returns for update `t` as closed forms.
 *
 * @module
 */
export { CosineScheduler, type CosineSchedulerOptions } from "./cosineScheduler.js";
export { FactorScheduler, type FactorSchedulerOptions } from "./factorScheduler.js";
export { MultiFactorScheduler, type MultiFactorSchedulerOptions } from "./multiFactorScheduler.js";
export { PolyScheduler, type PolySchedulerOptions } from "./polyScheduler.js";
