/**
 * An experiment module over files, for comparing without code: a Layers model saved with
 * `model.save(...)` and CSV files. `lrkit compare` and `lrkit find` load it with the file names as
 * its options.
 *
 * @module
 */
import { basename } from "node:path";
import type { io } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { objectiveOf, type LossOption, type TargetKind } from "@lrkit/tfjs";
import { ExperimentError } from "../experiment/loadExperiment.js";
import { modelFromArtifacts } from "./loadModelFile.js";
import { readArtifacts } from "./readModelArtifacts.js";
import { readCsv, type CsvData, type CsvTarget, type ReadCsvOptions } from "./readCsv.js";

/** This module's URL, to load it as an experiment module in worker threads. */
export const FILES_EXPERIMENT = import.meta.url;

/** A CSV file of examples: which columns are the features and which the label (see {@link readCsv}). */
export interface CsvSource extends ReadCsvOptions {
  /** The file. */
  readonly csv: string;
  /**
   * How labels become targets. Defaults to what the model's loss takes: one-hot rows for
   * categorical cross-entropy, class indices for the sparse one, the values themselves otherwise.
   */
  readonly target?: CsvTarget;
}

/** The options of the files experiment. */
export interface FilesExperimentOptions {
  /** The saved model: its model.json, or the folder holding it. */
  readonly model: string;
  /** The training examples. */
  readonly data: CsvSource;
  /** The validation examples (same columns). */
  readonly validation?: CsvSource;
  /** The loss, when the saved model was not compiled (then its target kind is read from it). */
  readonly loss?: LossOption;
}

const TARGETS: Record<TargetKind, CsvTarget> = { oneHot: "oneHot", sparse: "index", value: "value" };

// Per thread and file: a worker builds the model once per run from the same bytes.
const artifacts = new Map<string, io.ModelArtifacts>();

const options = (value: unknown) => value as FilesExperimentOptions;
const saved = (o: FilesExperimentOptions) => {
  if (!artifacts.has(o.model)) artifacts.set(o.model, readArtifacts("compare", o.model));
  return artifacts.get(o.model)!;
};

/** A new model from the saved one (compiled with its loss and optimizer when it was saved with them). */
export async function model(value: unknown): Promise<LayersModel> {
  try {
    return await modelFromArtifacts(saved(options(value)));
  } catch (e) {
    throw new ExperimentError((e as Error).message, { cause: e });
  }
}

async function targetOf(o: FilesExperimentOptions): Promise<CsvTarget> {
  const built = await model(o);
  try {
    return TARGETS[objectiveOf("compare", built, { loss: o.loss }).outputs[0]!.target];
  } finally {
    built.optimizer?.dispose();
    built.dispose();
  }
}

/** Reads a CSV file; its errors already name the file, line and column, and are passed on as they are. */
async function read(
  o: FilesExperimentOptions,
  source: CsvSource,
  classes?: readonly string[],
): Promise<CsvData> {
  const target = source.target ?? (await targetOf(o));
  const { csv, ...columns } = source;
  try {
    return readCsv(csv, { ...columns, target, ...(!columns.classes && classes ? { classes } : {}) });
  } catch (e) {
    throw new ExperimentError((e as Error).message, { cause: e });
  }
}

/** The training examples of the CSV file. */
export function data(value: unknown): Promise<CsvData> {
  const o = options(value);
  return read(o, o.data);
}

/** The validation examples, with the training file's classes. */
export async function validation(value: unknown): Promise<CsvData | undefined> {
  const o = options(value);
  if (!o.validation) return undefined;
  const train = await data(o);
  train.xs.dispose();
  train.ys.dispose();
  return read(o, o.validation, train.classes ?? undefined);
}

/** The files in words. */
export function describe(value: unknown) {
  const o = options(value);
  return {
    model: `${o.model} (a saved Layers model)`,
    data: basename(o.data.csv),
    validation: o.validation ? basename(o.validation.csv) : null,
  };
}
