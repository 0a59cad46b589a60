export type { Learner } from "./learner.js";
export {
  rangeTest,
  RangeTestError,
  type RangeTestOptions,
  type RangeTestProgress,
  type RangeTestResult,
  type StopReason,
  type Sweep,
} from "./rangeTest.js";
export { emaSmoother, runningMeanSmoother, type Smoother } from "./smoothing.js";
export {
  gradient,
  minimum,
  slide,
  steepest,
  SUGGESTIONS,
  trimCurve,
  valley,
  type Suggestion,
  type SuggestionMethod,
  type SuggestionName,
} from "./suggestions.js";
export { yieldToEventLoop } from "./yieldToEventLoop.js";
