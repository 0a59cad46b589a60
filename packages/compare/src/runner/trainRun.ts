/**
 * One run of a compare, on the current TensorFlow.js backend: a new model from the experiment, set
 * to the shared initial weights, trained under one schedule. Worker threads call it; it runs in the
 * calling thread too.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { dispose, tensor } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { fromSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { train, type EpochRecord } from "@lrkit/tfjs";
import type { Experiment } from "../experiment/experiment.js";
import { disposeModel } from "../experiment/probe.js";
import type { EpochSummary } from "../results/schema.js";
import type { BatchEvent, RunOrder, RunSetup } from "./protocol.js";

/** What {@link trainRun} reports while it runs. */
export interface RunListener {
  /** The model is built: the fingerprint of its initial weights. */
  readonly started?: (weightsSha256: string, parameters: number) => void;
  /** After each update. */
  readonly batch?: (e: BatchEvent) => void;
  /** After each epoch (with the loss of the first update, in epoch 0). */
  readonly epoch?: (record: EpochSummary, firstBatchLoss?: number) => void;
}

/** How a run ended. */
export interface RunEnd {
  readonly stopped: "completed" | "aborted";
  /** Wall seconds of the run. */
  readonly seconds: number;
  /** Training examples per second over the run (updates only). */
  readonly examplesPerSecond: number;
}

/** SHA-256 of a model's weights (float32 bytes, in order): equal weights, equal digests. */
export function weightsDigest(model: LayersModel): { sha256: string; parameters: number } {
  const hash = createHash("sha256");
  let parameters = 0;
  for (const w of model.getWeights()) {
    const values = w.dataSync() as Float32Array;
    parameters += values.length;
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  return { sha256: hash.digest("hex"), parameters };
}

const summary = (r: EpochRecord, seconds: number): EpochSummary => ({
  epoch: r.epoch,
  lr: r.lr,
  ...(r.momentum !== undefined ? { momentum: r.momentum } : {}),
  metrics: r.metrics,
  seconds,
  examplesPerSecond: r.examplesPerSecond,
});

/** Sets `model`'s weights to `values` (in `getWeights()` order). */
function setWeights(model: LayersModel, values: readonly Float32Array[]): void {
  const current = model.getWeights();
  if (current.length !== values.length)
    throw new Error(
      `compare: the model has ${current.length} weights, the experiment's first model had ${values.length}`,
    );
  const tensors = values.map((v, i) => tensor(v, current[i]!.shape, "float32"));
  model.setWeights(tensors);
  dispose(tensors);
}

/**
 * Trains a new model of `experiment`, starting from `order.weights`, under the schedule
 * `order.spec` stepped per `order.unit`, and disposes of it.
 *
 * @param signal - stops the run before its next update; the finished epochs have been reported.
 */
export async function trainRun(
  experiment: Experiment,
  setup: RunSetup,
  order: Pick<RunOrder, "spec" | "unit" | "weights">,
  listener: RunListener = {},
  signal?: AbortSignal,
): Promise<RunEnd> {
  const schedule = fromSpec(order.spec);
  const model = await experiment.model();
  const began = performance.now();
  try {
    setWeights(model, order.weights);
    const digest = weightsDigest(model);
    listener.started?.(digest.sha256, digest.parameters);
    let epochStart = performance.now();
    const result = await train({
      model,
      data: experiment.data,
      ...(experiment.validation !== undefined ? { validation: experiment.validation } : {}),
      epochs: setup.epochs,
      batchSize: setup.batchSize,
      ...(setup.optimizer ? { optimizer: setup.optimizer } : {}),
      ...(setup.optimizerOptions ? { optimizerOptions: setup.optimizerOptions } : {}),
      ...(setup.loss !== undefined ? { loss: setup.loss } : {}),
      schedule,
      unit: order.unit,
      seed: setup.seed,
      ...(signal ? { signal } : {}),
      onProgress: (e) => {
        if (e.type === "batch") {
          listener.batch?.(e);
          return;
        }
        const now = performance.now();
        const first = e.record.epoch === 0 ? e.record.batchLosses[0] : undefined;
        listener.epoch?.(summary(e.record, (now - epochStart) / 1000), first);
        epochStart = now;
      },
    });
    return {
      stopped: result.stopped,
      seconds: (performance.now() - began) / 1000,
      examplesPerSecond: result.examplesPerSecond,
    };
  } finally {
    disposeModel(model);
  }
}
