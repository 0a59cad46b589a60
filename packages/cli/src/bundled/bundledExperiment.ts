/**
 * The bundled demo as an experiment module (what `lrkit compare` and `lrkit find` load, in every
 * worker thread, for `model: "lenet"` and `data: "fashion-mnist"`): a bundled model of a seed, and
 * balanced prefixes of a bundled dataset's training and test splits.
 *
 * @module
 */
import { subset } from "@lrkit/tfjs";
import { DATASETS, loadBundled, MODELS, type DatasetName, type ModelName } from "./bundled.js";

/** The options of the bundled experiment. */
export interface BundledOptions {
  readonly model: ModelName;
  readonly dataset: DatasetName;
  /** Training examples (a balanced prefix). Defaults to all. */
  readonly trainSize?: number;
  /** Test examples (a balanced prefix), the validation data. Defaults to all. */
  readonly testSize?: number;
  /** The seed of the model's weights. */
  readonly seed: number;
}

/** This module's URL, to load it as an experiment module. */
export const BUNDLED_EXPERIMENT = import.meta.url;

const options = (value: unknown) => value as BundledOptions;

/** A new bundled model with the seed's weights. */
export function model(value: unknown) {
  const o = options(value);
  return MODELS[o.model].build(o.seed);
}

/** The training prefix. */
export async function data(value: unknown) {
  const o = options(value);
  const { train } = await loadBundled(o.dataset, o);
  return subset(train, 0, o.trainSize ?? train.count);
}

/** The test prefix, evaluated after each epoch. */
export async function validation(value: unknown) {
  const o = options(value);
  const { test } = await loadBundled(o.dataset, o);
  return subset(test, 0, o.testSize ?? test.count);
}

/** The bundled model and data in words (their sizes are in the compare's results). */
export function describe(value: unknown) {
  const o = options(value);
  const title = DATASETS[o.dataset].title;
  return {
    model: `${MODELS[o.model].title} (seed ${o.seed})`,
    data: title,
    validation: `${title}'s test split`,
  };
}
