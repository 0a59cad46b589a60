/**
 * The models, datasets and optimizers that commands take by name.
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import {
  lenet,
  loadFashionMnist,
  loadMnist,
  mlp,
  OPTIMIZER_NAMES,
  setupBackend,
  type BackendReport,
  type DatasetSplits,
  type OptimizerName,
} from "@lrkit/tfjs";
import { CliError } from "../io.js";

/** The models by name. */
export const MODELS = {
  lenet: (seed: number) => lenet({ seed }),
  mlp: (seed: number) => mlp({ seed }),
} satisfies Record<string, (seed: number) => LayersModel>;

/** The datasets by name. */
export const DATASETS = {
  "fashion-mnist": () => loadFashionMnist(),
  mnist: () => loadMnist(),
} satisfies Record<string, () => Promise<DatasetSplits>>;

/** A model name. */
export type ModelName = keyof typeof MODELS;
/** A dataset name. */
export type DatasetName = keyof typeof DATASETS;

function oneOf<T extends string>(what: string, names: readonly T[], value: string): T {
  if (!(names as readonly string[]).includes(value)) {
    throw new CliError(`unknown ${what} "${value}" (expected ${names.join(", ")})`);
  }
  return value as T;
}

/** Checks a model name. */
export const modelName = (value: string): ModelName =>
  oneOf("model", Object.keys(MODELS) as ModelName[], value);
/** Checks a dataset name. */
export const datasetName = (value: string): DatasetName =>
  oneOf("dataset", Object.keys(DATASETS) as DatasetName[], value);
/** Checks an optimizer name. */
export const optimizerNameArg = (value: string): OptimizerName => oneOf("optimizer", OPTIMIZER_NAMES, value);

/** The TensorFlow.js backend: the best available, or the one asked for. */
export async function backend(prefer: string | undefined): Promise<BackendReport> {
  const name =
    prefer === undefined || prefer === "auto"
      ? undefined
      : oneOf("backend", ["tensorflow", "wasm", "cpu"] as const, prefer);
  return setupBackend(name === undefined ? {} : { prefer: [name] });
}
