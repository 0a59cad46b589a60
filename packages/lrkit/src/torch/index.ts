/**
 * `lrkit/torch`: the 15 schedulers of `torch.optim.lr_scheduler` with PyTorch's class names,
 * keyword names, stepping semantics, quirks and errors, on a plain optimizer shape. The classes
 * follow PyTorch 2.x (as of 2.13); `torchVersion("1.13")` gives them with 1.13.1's behaviour.
 *
 * @module
 */
export { ChainedScheduler } from "./chainedScheduler.js";
export { MAX_CASE_STEPS, runConformance, type ConformanceOptions } from "./conformance.js";
export type {
  CaseSpec,
  GoldenNumber,
  SchedulerSpecCase,
  StateDictCheck,
  TraceCase,
  TraceError,
  TraceFile,
  TraceInitial,
  TraceRecord,
} from "./conformanceTypes.js";
export { ConstantLR, type ConstantLRKwargs } from "./constantLR.js";
export { CosineAnnealingLR, type CosineAnnealingLRKwargs } from "./cosineAnnealingLR.js";
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsKwargs,
} from "./cosineAnnealingWarmRestarts.js";
export { CyclicLR, type CyclicLRKwargs } from "./cyclicLR.js";
export {
  isPythonException,
  TorchAttributeError,
  TorchIndexError,
  TorchKeyError,
  TorchNameError,
  TorchNotImplementedError,
  TorchOverflowError,
  TorchRuntimeError,
  TorchTypeError,
  TorchValueError,
  TorchZeroDivisionError,
  type PythonException,
  type PythonExceptionType,
} from "./errors.js";
export { ExponentialLR, type ExponentialLRKwargs } from "./exponentialLR.js";
export { parsePythonJson } from "./json.js";
export { LambdaLR, type LambdaLRKwargs } from "./lambdaLR.js";
export type { LrLambda } from "./lambdas.js";
export { LinearLR, type LinearLRKwargs } from "./linearLR.js";
export { MultiplicativeLR, type MultiplicativeLRKwargs } from "./multiplicativeLR.js";
export { MultiStepLR, type MultiStepLRKwargs } from "./multiStepLR.js";
export { OneCycleLR, type OneCycleLRKwargs, type OneCyclePhase } from "./oneCycleLR.js";
export { createOptimizer, type Optimizer, type OptimizerType, type ParamGroup } from "./optimizer.js";
export { PolynomialLR, type PolynomialLRKwargs } from "./polynomialLR.js";
export { ReduceLROnPlateau, type ReduceLROnPlateauKwargs } from "./reduceLROnPlateau.js";
export { LRScheduler, type SchedulerKwargs, type SchedulerLike, type StateDict } from "./scheduler.js";
export { SequentialLR, type SequentialLRKwargs } from "./sequentialLR.js";
export { StepLR, type StepLRKwargs } from "./stepLR.js";
export { torchVersion, type TorchSchedulers } from "./torchVersion.js";
export { TORCH_VERSIONS, type TorchVersion } from "./version.js";
export { catchWarnings, type TorchWarning } from "./warnings.js";
