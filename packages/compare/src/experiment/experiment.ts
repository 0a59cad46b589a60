/**
 * What every run of a compare trains: a way to build the model, and the data.
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { TrainingData } from "@lrkit/tfjs";

/** A model and data to compare schedules on, ready in this thread. */
export interface Experiment {
  /** Builds a new model (compiled, or trained with the compare's `loss`); called once per run. */
  readonly model: () => Promise<LayersModel>;
  /** The training data. */
  readonly data: TrainingData;
  /** The validation data, evaluated after each epoch. */
  readonly validation?: TrainingData;
  /** The model and the data in words, for the report. */
  readonly describe: ExperimentDescription;
}

/** An experiment in words. */
export interface ExperimentDescription {
  /** The model, e.g. "LeNet" or "model.json of ./saved". */
  readonly model: string;
  /** The training data, e.g. "Fashion-MNIST, 10,000 training images". */
  readonly data: string;
  /** The validation data, or null. */
  readonly validation: string | null;
}

/**
 * What an experiment module exports (an ES module, loaded in every worker thread of a compare):
 * `model(options)` and `data(options)`, optionally `validation(options)` and `describe(options)`;
 * `options` is the compare's `moduleOptions` (JSON).
 */
export interface ExperimentModule {
  /** A new model, compiled or not (then give the compare a `loss`). */
  model(options?: unknown): LayersModel | Promise<LayersModel>;
  /** The training data. */
  data(options?: unknown): TrainingData | Promise<TrainingData>;
  /** The validation data. */
  validation?(options?: unknown): TrainingData | Promise<TrainingData> | undefined;
  /** The model and the data in words (each defaults to what the module is called). */
  describe?(options?: unknown): Partial<ExperimentDescription>;
}
