/**
 * What a compare learns about its experiment before training: the data's size, the logged values,
 * and the initial weights every run starts from.
 *
 * @module
 */
import { dispose } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import {
  batchSourceOf,
  disposeOptimizer,
  objectiveOf,
  optimizerName,
  type BatchSource,
  type Objective,
} from "@lrkit/tfjs";
import type { RunSetup } from "../runner/protocol.js";
import type { Experiment, ExperimentDescription } from "./experiment.js";

/** What {@link probeExperiment} found: plain data, the same in every thread. */
export interface Probe {
  readonly describe: ExperimentDescription;
  /** Training examples per epoch, when known. */
  readonly trainExamples: number | null;
  /** Validation examples, when known. */
  readonly validationExamples: number | null;
  /** Updates per epoch, when known. */
  readonly stepsPerEpoch: number | null;
  /** The names of the values each epoch logs (`loss`, `acc`, `val_loss`, ...). */
  readonly metrics: readonly string[];
  /** The loss of each output, in words. */
  readonly loss: string;
  /** The optimizer the runs use. */
  readonly optimizer: string;
  /** The classes of a classifier (its first output), when known. */
  readonly classes: number | null;
  /** The model's initial weights, in order. */
  readonly weights: Float32Array[];
  /** The number of weights. */
  readonly parameters: number;
}

/** The batches per pass of `source`, reading its first batch when only that tells (a tf.data dataset). */
async function batchesPerPass(source: BatchSource, batchSize: number): Promise<number | undefined> {
  if (source.batchesPerPass(batchSize) === undefined && !source.reorderable) {
    const pass = source.pass({ batchSize, seed: 0, epoch: 0, shuffle: false });
    const first = await pass.next();
    if (!first.done) dispose([...first.value.xs, ...first.value.ys]);
    await pass.return(undefined);
  }
  return source.batchesPerPass(batchSize);
}

function lossText(objective: Objective): string {
  const text = (lossName: string | null) => lossName ?? "a loss function";
  const distinct = new Set(objective.outputs.map((o) => o.lossName));
  return distinct.size === 1
    ? text(objective.outputs[0]!.lossName)
    : objective.outputs.map((o) => `${o.name}: ${text(o.lossName)}`).join(", ");
}

function classesOf(objective: Objective): number | null {
  const first = objective.outputs[0]!;
  if (first.target !== "value") return first.shape.at(-1) ?? null;
  return first.lossName === "binaryCrossentropy" || first.lossName === "sigmoidCrossEntropy" ? 2 : null;
}

/** Frees a model made for a run or a probe, and the optimizer it was compiled with. */
export function disposeModel(model: LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  if (optimizer) disposeOptimizer(optimizer);
}

/**
 * Builds the experiment's model once and checks the data against it (the same checks as
 * training: shapes, classes), returning what the compare needs to know before training.
 *
 * @throws what `objectiveOf` and the data adapters throw for a model without loss or data that
 *   does not fit it.
 */
export async function probeExperiment(experiment: Experiment, setup: RunSetup): Promise<Probe> {
  const fn = "compare";
  const model = await experiment.model();
  const sources: BatchSource[] = [];
  try {
    const objective = objectiveOf(fn, model, { loss: setup.loss });
    const train = batchSourceOf(fn, "data", experiment.data, objective);
    sources.push(train);
    const validation =
      experiment.validation === undefined
        ? undefined
        : batchSourceOf(fn, "validation", experiment.validation, objective);
    if (validation) sources.push(validation);
    const stepsPerEpoch = (await batchesPerPass(train, setup.batchSize)) ?? null;
    if (validation) await batchesPerPass(validation, setup.batchSize);
    const logged = ["loss", ...objective.metrics.map((m) => m.name)];
    const weights = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
    return {
      describe: experiment.describe,
      trainExamples: train.examples ?? null,
      validationExamples: validation?.examples ?? null,
      stepsPerEpoch,
      metrics: validation ? [...logged, ...logged.map((n) => `val_${n}`)] : logged,
      loss: lossText(objective),
      optimizer: setup.optimizer ?? (model.optimizer ? optimizerName(model.optimizer, fn) : "sgd"),
      classes: classesOf(objective),
      weights,
      parameters: weights.reduce((n, w) => n + w.length, 0),
    };
  } finally {
    sources.forEach((s) => s.dispose());
    disposeModel(model);
  }
}
