export * from "./compose/index.js";
export * from "./families/index.js";
export { ParameterRangeError, ParameterTypeError, type ParameterError } from "./params.js";
export {
  plateau,
  type JsonNumber,
  type PlateauOptions,
  type PlateauPolicy,
  type PlateauState,
} from "./plateau.js";
export {
  define,
  isSchedule,
  sample,
  type Json,
  type Schedule,
  type ScheduleInfo,
  type ScheduleSpec,
} from "./schedule.js";
export { seededGenerator } from "./random.js";
export { Scheduler, type SchedulerOptions, type SchedulerSpec, type SchedulerState } from "./scheduler.js";
export * from "./spec/index.js";
export * from "./finder/index.js";
export * from "./lint/index.js";
export * from "./export/index.js";
