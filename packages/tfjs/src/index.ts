export {
  setupBackend,
  type BackendAttempt,
  type BackendName,
  type BackendReport,
  type SetupBackendOptions,
} from "./backend/setupBackend.js";
export {
  isLrkitKernel,
  registerLrkitKernels,
  type KernelBackendName,
} from "./backend/kernels/registerKernels.js";
export { createOptimizer } from "./optimizers/createOptimizer.js";
export {
  OPTION_KINDS,
  type NumberRange,
  type OptimizerOptions,
  type OptionKind,
  type OptionName,
} from "./optimizers/optimizerOptions.js";
export type { OptimizerEntry, OptionDefaults } from "./optimizers/optimizerEntry.js";
export { OPTIMIZERS } from "./optimizers/optimizers.js";
export { disposeOptimizer } from "./optimizers/disposeOptimizer.js";
export {
  getLearningRate,
  getMomentum,
  hasMomentum,
  setHyperparameters,
  setLearningRate,
  setMomentum,
  type Hyperparameters,
} from "./optimizers/hyperparameters.js";
export {
  isOptimizerName,
  OPTIMIZER_NAMES,
  optimizerName,
  type OptimizerName,
} from "./optimizers/optimizerName.js";
export {
  scheduleCallback,
  type ScheduleCallback,
  type ScheduleCallbackArgs,
  type ScheduleCallbackState,
  type StepUnit,
} from "./callbacks/scheduleCallback.js";
export {
  reduceLROnPlateau,
  type PlateauCallback,
  type PlateauCallbackState,
  type ReduceLROnPlateauArgs,
} from "./callbacks/reduceLROnPlateau.js";
export type { DriverState, HyperparameterValues, ScheduleSource } from "./callbacks/driver.js";
export type { OptimizerTarget } from "./callbacks/target.js";
export {
  isTorchScheduler,
  torchOptimizer,
  type TorchOptimizer,
  type TorchParamGroup,
  type TorchSchedulerLike,
} from "./callbacks/torch.js";
export { applyScheduler, scheduledMinimize } from "./loop/scheduledMinimize.js";
export {
  disposeOptimizerSnapshot,
  restoreOptimizer,
  snapshotOptimizer,
  type NamedTensor,
  type OptimizerSnapshot,
} from "./snapshot/optimizerState.js";
export { restore, snapshot, type TrainingSnapshot, type WeightedModel } from "./snapshot/snapshot.js";
export { subset, type DatasetSplits, type ImageDataset } from "./data/dataset.js";
export { batches, batchStream, makeBatch, type Batch, type BatchOptions } from "./data/batches.js";
export { permutation } from "./data/shuffle.js";
export type { BatchSource, PassOptions, TensorBatch } from "./data/batchSource.js";
export type { DatasetElement, DatasetLike } from "./data/datasetData.js";
export type { NumberArray, Tensors } from "./data/tensorLists.js";
export type { TensorData } from "./data/tensorData.js";
export { batchSourceOf, type TrainingData, type TrainingDataOptions } from "./data/trainingData.js";
export { lenet } from "./models/lenet.js";
export { mlp, type MlpOptions } from "./models/mlp.js";
export type { ModelOptions } from "./models/init.js";
export { tfjsLearner, type TfjsLearner, type TfjsLearnerOptions } from "./finder/learner.js";
export { findLearningRate, type FindLearningRateOptions } from "./finder/findLearningRate.js";
export { LOGIT_LOSSES, type LossFunction, type TargetKind } from "./train/losses.js";
export {
  isCompiled,
  objectiveOf,
  type Loss,
  type LossOption,
  type Objective,
  type ObjectiveMetric,
  type ObjectiveOutput,
  type TensorSlot,
} from "./train/objective.js";
export { evaluate, type EvaluateOptions, type Evaluation } from "./train/evaluate.js";
export type { GradientPool, ParallelTraining } from "./train/parallel.js";
export {
  train,
  type EpochRecord,
  type TrainOptions,
  type TrainProgress,
  type TrainResult,
} from "./train/train.js";
