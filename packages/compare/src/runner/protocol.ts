/**
 * The messages between a compare and its training workers (node:worker_threads). Plain data
 * only: everything crosses the thread boundary by structured clone.
 *
 * @module
 */
import type { ScheduleSpec } from "lrkit";
import type { LossOption, OptimizerName, OptimizerOptions } from "@lrkit/tfjs";
import type { DamagedCheckpoint } from "../checkpoint/newestCheckpoint.js";
import type { Probe } from "../experiment/probe.js";
import type { EpochSummary } from "../results/schema.js";

/** How every run of a compare trains. */
export interface RunSetup {
  readonly epochs: number;
  readonly batchSize: number;
  /** A named optimizer, made new for each run; undefined: each run's model's compiled one, else SGD. */
  readonly optimizer?: OptimizerName;
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  /** The loss when the model's compiled one is not to be used. */
  readonly loss?: LossOption;
  /** The seed of the data order: the same for every run. */
  readonly seed: number;
  /** The TensorFlow.js backend: "auto" (the best available), "wasm", "cpu" or "tensorflow". */
  readonly backend: string;
}

/** What a worker starts from (its `workerData`). */
export interface WorkerStart {
  readonly setup: RunSetup;
  /** The experiment module's URL. */
  readonly module: string;
  /** What the module's functions receive. */
  readonly moduleOptions?: unknown;
}

/** One run (or a segment of it): a schedule and its unit. */
export interface RunOrder {
  readonly index: number;
  readonly spec: ScheduleSpec;
  readonly unit: "epoch" | "batch";
  /** The initial weights every run starts from, in the model's order. */
  readonly weights: readonly Float32Array[];
  /** Train until this many epochs are finished (a rung of successive halving, or every epoch). */
  readonly untilEpoch: number;
  /**
   * Where the run's checkpoints are (a directory every worker reads): it continues from the newest.
   * `onlyAtSegmentEnd`: stored after `untilEpoch` only (a directory only the next segment reads).
   */
  readonly checkpoints?: {
    readonly dir: string;
    readonly key: string;
    readonly experiment: string;
    readonly onlyAtSegmentEnd?: boolean;
  };
}

/** Main thread to worker. */
export type ToWorker = ({ readonly type: "run" } & RunOrder) | { readonly type: "abort" };

/** What a run reports after each update. */
export interface BatchEvent {
  readonly epoch: number;
  readonly batch: number;
  /** Updates per epoch, when known. */
  readonly batches: number | undefined;
  readonly loss: number;
  readonly lr: number;
}

/** Worker to main thread. */
export type FromWorker =
  | { readonly type: "ready"; readonly backend: string; readonly reason: string; readonly probe: Probe }
  | {
      readonly type: "started";
      readonly index: number;
      /** SHA-256 of the initial weights (float32 bytes, in layer order). */
      readonly weightsSha256: string;
      readonly parameters: number;
    }
  | ({ readonly type: "batch"; readonly index: number } & BatchEvent)
  | {
      readonly type: "resumed";
      readonly index: number;
      /** Epochs finished before (0: from scratch, every checkpoint damaged). */
      readonly epoch: number;
      /** The finished epochs' records, from the checkpoint. */
      readonly history: readonly EpochSummary[];
      /** The loss of the run's first update, from the checkpoint. */
      readonly firstBatchLoss?: number;
      /** Checkpoints found damaged and passed over. */
      readonly damaged: readonly DamagedCheckpoint[];
    }
  | {
      readonly type: "epoch";
      readonly index: number;
      readonly record: EpochSummary;
      /** The loss of the run's very first update (before any change to the weights), in epoch 0. */
      readonly firstBatchLoss?: number;
    }
  | {
      readonly type: "done";
      readonly index: number;
      readonly stopped: "completed" | "aborted";
      /** Epochs finished. */
      readonly epochs: number;
      readonly seconds: number;
      readonly examplesPerSecond: number;
    }
  | { readonly type: "failed"; readonly index: number | null; readonly message: string };
