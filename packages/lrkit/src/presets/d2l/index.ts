/**
 * The schedulers of Dive into Deep Learning's "Learning Rate Scheduling" chapter under their own names
 * and parameter names (d2l-ai/d2l-en `chapter_optimization/lr-scheduler.md`). The chapter's classes
 * are stateful objects called with 0, 1, 2, ...; these give the same values as closed forms.
 *
 * @module
 */
export { CosineScheduler, type CosineSchedulerOptions } from "./cosineScheduler.js";
export { FactorScheduler, type FactorSchedulerOptions } from "./factorScheduler.js";
export { MultiFactorScheduler, type MultiFactorSchedulerOptions } from "./multiFactorScheduler.js";
export { SquareRootScheduler, type SquareRootSchedulerOptions } from "./squareRootScheduler.js";
