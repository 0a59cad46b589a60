/**
 * One run of a compare, on the current TensorFlow.js backend: a fresh model from the shared seed,
 * trained under one schedule. The worker calls it; it runs in-process too.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { fromSpec, type ScheduleSpec } from "lrkit";
import { subset, train, type DatasetSplits, type EpochRecord } from "@lrkit/tfjs";
import type { EpochSummary, RunSetup } from "./protocol.js";
import { DATASETS, MODELS } from "./resources.js";

/** What {@link trainRun} reports while it runs. */
export interface RunListener {
  /** The model is built: the fingerprint of its initial weights. */
  readonly started?: (weightsSha256: string, parameters: number) => void;
  /** After each update. */
  readonly batch?: (e: { epoch: number; batch: number; batches: number; loss: number; lr: number }) => void;
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

/** The training and test prefixes of a setup. */
export async function loadRunData(setup: RunSetup): Promise<DatasetSplits> {
  const { train: all, test } = await DATASETS[setup.dataset]();
  return { train: subset(all, 0, setup.trainSize), test: subset(test, 0, setup.testSize) };
}

const summary = (r: EpochRecord, seconds: number): EpochSummary => ({
  epoch: r.epoch,
  lr: r.lr,
  trainLoss: r.trainLoss,
  trainAcc: r.trainAccuracy,
  testLoss: r.testLoss ?? NaN,
  testAcc: r.testAccuracy ?? NaN,
  seconds,
  examplesPerSecond: r.examplesPerSecond,
});

/**
 * Trains a fresh model (`setup.model` with `setup.seed`) on `data` under the schedule `spec`,
 * stepped per `unit`, and disposes of it.
 *
 * @param signal - stops the run before its next update; the finished epochs have been reported.
 */
export async function trainRun(
  setup: RunSetup,
  data: DatasetSplits,
  spec: ScheduleSpec,
  unit: "epoch" | "batch",
  listener: RunListener = {},
  signal?: AbortSignal,
): Promise<RunEnd> {
  const schedule = fromSpec(spec);
  const model = MODELS[setup.model](setup.seed);
  const began = performance.now();
  try {
    const digest = weightsDigest(model);
    listener.started?.(digest.sha256, digest.parameters);
    let epochStart = performance.now();
    const result = await train({
      model,
      train: data.train,
      test: data.test,
      epochs: setup.epochs,
      batchSize: setup.batchSize,
      optimizer: setup.optimizer,
      ...(setup.optimizerOptions ? { optimizerOptions: setup.optimizerOptions } : {}),
      schedule,
      unit,
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
    model.dispose();
  }
}
