export {
  compareSchedules,
  type CompareOptions,
  type DataSource,
  type ScheduleEntry,
} from "./compareSchedules.js";
export {
  CHECKPOINT_FORMAT,
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  type OptimizerState,
  type RunCheckpoint,
  type RunInit,
  type StoredTensor,
} from "./checkpoint/checkpoint.js";
export { directoryStore } from "./checkpoint/directoryStore.js";
export { experimentHash } from "./checkpoint/experimentHash.js";
export { redisCheckpointStore } from "./checkpoint/redisStore.js";
export {
  newestCheckpoint,
  type DamagedCheckpoint,
  type FoundCheckpoint,
} from "./checkpoint/newestCheckpoint.js";
export type { CheckpointStore, StoredCheckpoint } from "./checkpoint/store.js";
export type { Experiment, ExperimentDescription, ExperimentModule } from "./experiment/experiment.js";
export { ExperimentError, loadExperiment, moduleUrl } from "./experiment/loadExperiment.js";
export {
  halvingRungs,
  rungSurvivors,
  type HalvingOptions,
  type RungScore,
} from "./halving/successiveHalving.js";
export {
  segmentPlan,
  type PlanStep,
  type RungDecision,
  type Segment,
  type SegmentPlan,
} from "./halving/segmentPlan.js";
export { renderReport } from "./report/report.js";
export { formatDuration, formatMetric } from "./report/format.js";
export { checkWritable, writeFileAtomic } from "./files/writeFileAtomic.js";
export {
  parseResults,
  readResults,
  ReportError,
  ResultsError,
  resultsPaths,
  writeResults,
  writeResultsFile,
} from "./results/files.js";
export { better, headlineOf } from "./results/metrics.js";
export {
  RESULTS_FORMAT,
  resultsJsonSchema,
  resultsSchema,
  type CompareResults,
  type EpochSummary,
  type ExperimentSummary,
  type FinalFigures,
  type FindReport,
  type HalvingReport,
  type Machine,
  type Metrics,
  type Published,
  type RunResult,
} from "./results/schema.js";
export { QueueError, shownUrl } from "./queue/connection.js";
export type { QueueListener } from "./queue/runQueue.js";
export { serveQueue, type ServeQueueOptions, type SourceResolver } from "./queue/serveQueue.js";
export { chooseBackend } from "./runner/backend.js";
export type { PoolListener, RunRecord } from "./runner/pool.js";
export type { BatchEvent, RunSetup } from "./runner/protocol.js";
export {
  trainRun,
  weightsDigest,
  type RunCheckpoints,
  type RunEnd,
  type RunListener,
  type RunResumed,
} from "./runner/trainRun.js";
export { FILES_EXPERIMENT, type CsvSource, type FilesExperimentOptions } from "./sources/filesExperiment.js";
export { loadModelFile, modelFromArtifacts } from "./sources/loadModelFile.js";
export { readModelArtifacts } from "./sources/readModelArtifacts.js";
export { parseCsv, readCsv, type CsvData, type CsvTarget, type ReadCsvOptions } from "./sources/readCsv.js";
