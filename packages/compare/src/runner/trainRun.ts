/**
 * One run of a compare, or a segment of it, on the current TensorFlow.js backend: a new model from
 * the experiment, set to the shared initial weights (or to its newest checkpoint's state), trained
 * under one schedule epoch by epoch, with a checkpoint after every epoch (or its segment's last).
 * Worker threads call it; it runs in the calling thread too.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { fromSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { createOptimizer, disposeOptimizer, train, type DriverState, type EpochRecord } from "@lrkit/tfjs";
import { encodeCheckpoint, type RunInit } from "../checkpoint/checkpoint.js";
import { captureState, restoreOptimizerState, restoreWeights } from "../checkpoint/liveState.js";
import { newestCheckpoint, type DamagedCheckpoint } from "../checkpoint/newestCheckpoint.js";
import type { CheckpointStore } from "../checkpoint/store.js";
import type { Experiment } from "../experiment/experiment.js";
import { disposeModel } from "../experiment/probe.js";
import type { EpochSummary } from "../results/schema.js";
import type { BatchEvent, RunOrder, RunSetup } from "./protocol.js";

/** Where a run's checkpoints go after every epoch (or its segment's last), and where it continues. */
export interface RunCheckpoints {
  readonly store: CheckpointStore;
  /** The run's key in the store. */
  readonly key: string;
  /** The experiment's hash (`experimentHash`): a checkpoint of another one is refused. */
  readonly experiment: string;
  /**
   * Stores a checkpoint only after the segment's last epoch (`untilEpoch`), not after every epoch:
   * for a store only the run's next segment reads (a compare's temporary one, removed at its end).
   */
  readonly onlyAtSegmentEnd?: boolean;
}

/** Where a run continued from. */
export interface RunResumed {
  /** Epochs finished before (0: from scratch, its checkpoints all damaged). */
  readonly epoch: number;
  /** The finished epochs' records, from the checkpoint. */
  readonly history: readonly EpochSummary[];
  /** The loss of the run's first update, from the checkpoint. */
  readonly firstBatchLoss?: number;
  /** Newer checkpoints found damaged and passed over, newest first. */
  readonly damaged: readonly DamagedCheckpoint[];
}

/** What {@link trainRun} reports while it runs. */
export interface RunListener {
  /**
   * The model is built: the fingerprint of its initial weights, and for a run continued from a
   * checkpoint the loss of its first update (epoch 0's report was before the checkpoint).
   */
  readonly started?: (weightsSha256: string, parameters: number, firstBatchLoss?: number) => void;
  /** After each update. */
  readonly batch?: (e: BatchEvent) => void;
  /** After each epoch, once its checkpoint is stored (with the loss of the first update, in epoch 0). */
  readonly epoch?: (record: EpochSummary, firstBatchLoss?: number) => void;
  /** Before training, when the run continues from a checkpoint or found damaged ones. */
  readonly resumed?: (from: RunResumed) => void;
}

/** How a run (or its segment) ended. */
export interface RunEnd {
  /** completed: `untilEpoch` epochs are finished; aborted: the signal stopped it. */
  readonly stopped: "completed" | "aborted";
  /** Epochs finished. */
  readonly epochs: number;
  /** Wall seconds of this call. */
  readonly seconds: number;
  /** Training examples per second over this call's epochs (updates only); 0 when none. */
  readonly examplesPerSecond: number;
  /** SHA-256 of the weights at the end ({@link weightsDigest}). */
  readonly weightsSha256: string;
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

/** The optimizer of the runs: the named one (new), else the model's compiled one, else SGD. */
function runOptimizer(model: LayersModel, setup: RunSetup): Optimizer {
  if (setup.optimizer === undefined && model.optimizer) return model.optimizer;
  return createOptimizer(setup.optimizer ?? "sgd", setup.optimizerOptions ?? {});
}

/**
 * Trains a new model of `experiment` under the schedule `order.spec` stepped per `order.unit`,
 * until `untilEpoch` epochs are finished, and disposes of it. With `checkpoints`, it starts from the
 * run's newest valid checkpoint (a damaged one is passed over and reported to `listener.resumed`;
 * none: from `order.weights`) and stores a checkpoint after every epoch (with `onlyAtSegmentEnd`,
 * after the `untilEpoch`th only), before reporting it; a run interrupted and continued ends with the
 * same numbers as one never interrupted (the data order of an epoch depends on the seed and the
 * epoch only).
 *
 * @param untilEpoch - epochs finished when it returns "completed". Defaults to `setup.epochs`.
 * @param signal - stops the run before its next update; the finished epochs have been reported.
 * @throws Error when a checkpoint belongs to another experiment, or the model does not fit it.
 */
export async function trainRun(
  experiment: Experiment,
  setup: RunSetup,
  order: Pick<RunOrder, "spec" | "unit" | "weights">,
  listener: RunListener = {},
  signal?: AbortSignal,
  checkpoints?: RunCheckpoints,
  untilEpoch: number = setup.epochs,
): Promise<RunEnd> {
  const schedule = fromSpec(order.spec);
  const found = checkpoints
    ? await newestCheckpoint(checkpoints.store, checkpoints.key, checkpoints.experiment)
    : { checkpoint: null, damaged: [] };
  const from = found.checkpoint;
  const model = await experiment.model();
  const optimizer = runOptimizer(model, setup);
  const began = performance.now();
  try {
    restoreWeights(model, from ? from.weights.map((w) => w.values) : order.weights);
    if (from) await restoreOptimizerState(optimizer, from.optimizer);
    if (from || found.damaged.length > 0)
      listener.resumed?.({
        epoch: from?.epoch ?? 0,
        history: from?.history ?? [],
        ...(from?.init.firstBatchLoss !== undefined ? { firstBatchLoss: from.init.firstBatchLoss } : {}),
        damaged: found.damaged,
      });
    // A run continued from a checkpoint has its initial weights' digest there: none to compute.
    const initial = (): RunInit => {
      const digest = weightsDigest(model);
      return { weightsSha256: digest.sha256, parameters: digest.parameters };
    };
    let init: RunInit = from?.init ?? initial();
    listener.started?.(init.weightsSha256, init.parameters, init.firstBatchLoss);
    const history = [...(from?.history ?? [])];
    let scheduleState: DriverState | undefined = from?.scheduleState;
    let epoch = from?.epoch ?? 0;
    let [examples, seconds] = [0, 0];
    let stopped: RunEnd["stopped"] = "completed";
    while (epoch < untilEpoch) {
      const epochStart = performance.now();
      const result = await train({
        model,
        data: experiment.data,
        ...(experiment.validation !== undefined ? { validation: experiment.validation } : {}),
        epochs: epoch + 1,
        initialEpoch: epoch,
        batchSize: setup.batchSize,
        optimizer,
        ...(setup.loss !== undefined ? { loss: setup.loss } : {}),
        schedule,
        ...(scheduleState ? { scheduleState } : {}),
        unit: order.unit,
        seed: setup.seed,
        ...(signal ? { signal } : {}),
        onProgress: (e) => {
          if (e.type === "batch") listener.batch?.(e);
        },
      });
      const record = result.history[0];
      if (result.stopped === "aborted" || !record) {
        stopped = "aborted";
        break;
      }
      const row = summary(record, (performance.now() - epochStart) / 1000);
      const first = epoch === 0 ? record.batchLosses[0] : undefined;
      if (first !== undefined) init = { ...init, firstBatchLoss: first };
      history.push(row);
      [examples, seconds] = [examples + record.examples, seconds + record.seconds];
      scheduleState = result.scheduleState;
      epoch++;
      if (checkpoints && (!checkpoints.onlyAtSegmentEnd || epoch === untilEpoch)) {
        const state = await captureState(model, optimizer);
        const bytes = encodeCheckpoint({
          experiment: checkpoints.experiment,
          key: checkpoints.key,
          epoch,
          seed: setup.seed,
          scheduleState,
          init,
          history,
          ...state,
        });
        await checkpoints.store.save(checkpoints.key, epoch, bytes);
      }
      listener.epoch?.(row, first);
    }
    return {
      stopped,
      epochs: epoch,
      seconds: (performance.now() - began) / 1000,
      examplesPerSecond: seconds > 0 ? examples / seconds : 0,
      weightsSha256: weightsDigest(model).sha256,
    };
  } finally {
    if (optimizer !== model.optimizer) disposeOptimizer(optimizer);
    disposeModel(model);
  }
}
