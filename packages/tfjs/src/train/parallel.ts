/**
 * Parallel training's interface: how `train` splits each update across threads, without knowing
 * how the threads are made (Node's worker threads live in `@lrkit/tfjs/node`).
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { TensorBatch } from "../data/batchSource.js";
import type { Objective } from "./objective.js";

/** Threads ready to share the updates of one model. */
export interface GradientPool {
  /** Threads used per update, this one included. */
  readonly threads: number;
  /**
   * One update of `optimizer` on `batch`, split across the threads; returns the batch's loss and
   * reported values (in the order of the objective's metrics), as the weights were before it.
   */
  step(optimizer: Optimizer, batch: TensorBatch): Promise<number[]>;
  /** Stops the threads. */
  close(): Promise<void>;
}

/** A way to split each update of `train` across threads: `gradientWorkers(n)` from `@lrkit/tfjs/node`. */
export interface ParallelTraining {
  /** Starts the threads for `model` and its objective. */
  start(model: LayersModel, objective: Objective): Promise<GradientPool>;
}
