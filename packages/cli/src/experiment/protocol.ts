/**
 * The messages between `lrkit compare` and its training workers (node:worker_threads). Plain data
 * only: everything crosses the thread boundary by structured clone.
 *
 * @module
 */
import type { ScheduleSpec } from "lrkit";
import type { OptimizerName, OptimizerOptions } from "@lrkit/tfjs";
import type { DatasetName, ModelName } from "./resources.js";

/** What every run of a compare shares; given to each worker as its `workerData`. */
export interface RunSetup {
  readonly model: ModelName;
  readonly dataset: DatasetName;
  /** Training examples (a prefix of the training set). */
  readonly trainSize: number;
  /** Test examples (a prefix of the test set). */
  readonly testSize: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  /** The seed of the initial weights and of the data order: the same for every run. */
  readonly seed: number;
  /** The TensorFlow.js backend: "auto" (the best available), "wasm" or "cpu". */
  readonly backend: string;
}

/** One epoch of a run, as the results keep it. */
export interface EpochSummary {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The learning rate of the epoch's last update. */
  readonly lr: number;
  /** The mean training loss over the epoch's updates. */
  readonly trainLoss: number;
  /** The training accuracy over the epoch. */
  readonly trainAcc: number;
  /** The test loss after the epoch. */
  readonly testLoss: number;
  /** The test accuracy after the epoch. */
  readonly testAcc: number;
  /** Seconds of the epoch: updates and evaluation. */
  readonly seconds: number;
  /** Training examples per second (updates only). */
  readonly examplesPerSecond: number;
}

/** Main thread to worker. */
export type ToWorker =
  | {
      readonly type: "run";
      readonly index: number;
      readonly spec: ScheduleSpec;
      readonly unit: "epoch" | "batch";
    }
  | { readonly type: "abort" };

/** Worker to main thread. */
export type FromWorker =
  | { readonly type: "ready"; readonly backend: string; readonly reason: string }
  | {
      readonly type: "started";
      readonly index: number;
      /** SHA-256 of the initial weights (float32 bytes, in layer order). */
      readonly weightsSha256: string;
      readonly parameters: number;
    }
  | {
      readonly type: "batch";
      readonly index: number;
      readonly epoch: number;
      readonly batch: number;
      readonly batches: number;
      readonly loss: number;
      readonly lr: number;
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
      readonly seconds: number;
      readonly examplesPerSecond: number;
    }
  | { readonly type: "failed"; readonly index: number | null; readonly message: string };
