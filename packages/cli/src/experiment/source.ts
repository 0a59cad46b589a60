/**
 * Where the model and the data of `lrkit compare` and `lrkit find` come from, without code: the
 * bundled demo by name, a saved model.json with CSV files, or the user's experiment module. Each
 * becomes an experiment module and its options, which @lrkit/compare loads in every thread.
 *
 * @module
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { FILES_EXPERIMENT, type CsvSource, type FilesExperimentOptions } from "@lrkit/compare";
import type { LossOption } from "@lrkit/tfjs";
import {
  BUNDLED_LOSS,
  DATASETS,
  isDatasetName,
  isModelName,
  loadBundled,
  MODELS,
} from "../bundled/bundled.js";
import { BUNDLED_EXPERIMENT, type BundledOptions } from "../bundled/bundledExperiment.js";
import { CliError } from "../io.js";

/** The model and data as a config file or the command line gives them. */
export interface SourceSpec {
  /** A bundled model's name, or a saved model's model.json (or its folder). */
  readonly model?: string | undefined;
  /** A bundled dataset's name, or a CSV file with its columns. */
  readonly data?: string | CsvSource | undefined;
  /** Validation examples in a CSV file (with CSV data). */
  readonly validation?: CsvSource | undefined;
  /** An ES module exporting model() and data() (and validation()). */
  readonly module?: string | undefined;
  /** What the module's functions receive. */
  readonly moduleOptions?: unknown;
  /** Bundled data: training examples (a balanced prefix). */
  readonly trainSize?: number | undefined;
  /** Bundled data: test examples, the validation data. */
  readonly testSize?: number | undefined;
  /** The loss, when the model's compiled one is not to be used. */
  readonly loss?: LossOption | undefined;
  /** The seed (of the bundled models' weights). */
  readonly seed: number;
}

/** An experiment module and its options, ready for @lrkit/compare. */
export interface ResolvedSource {
  /** The module's file URL. */
  readonly module: string;
  readonly moduleOptions: unknown;
  /** The loss to train with, if not the model's compiled one. */
  readonly loss?: LossOption;
  /** What `--model`/`model` and `--data`/`data` were, for messages and the report. */
  readonly label: { readonly model: string; readonly data: string };
}

const bundledNames = () => Object.keys(MODELS).join(", ");

/**
 * The experiment module of `spec`; paths are relative to `baseDir`. Bundled data is loaded here
 * once (building its cache before any worker reads it) to check the sizes.
 *
 * @throws {@link CliError} for combinations that do not go together, naming the field.
 */
export async function resolveSource(spec: SourceSpec, baseDir: string): Promise<ResolvedSource> {
  const path = (p: string) => resolve(baseDir, p);
  if (spec.module !== undefined) {
    for (const key of ["model", "data", "validation", "trainSize", "testSize"] as const)
      if (spec[key] !== undefined)
        throw new CliError(
          `${key}: the module builds the model and the data; give either module or ${key}, not both`,
        );
    return {
      module: pathToFileURL(path(spec.module)).href,
      moduleOptions: spec.moduleOptions,
      ...(spec.loss !== undefined ? { loss: spec.loss } : {}),
      label: { model: `model() of ${spec.module}`, data: `data() of ${spec.module}` },
    };
  }
  if (spec.moduleOptions !== undefined) throw new CliError("moduleOptions: needs module");
  const model = spec.model ?? "lenet";
  const data = spec.data ?? "fashion-mnist";
  if (isModelName(model)) {
    if (typeof data !== "string" || !isDatasetName(data))
      throw new CliError(
        `data: the bundled model ${model} trains on a bundled dataset (${Object.keys(DATASETS).join(", ")}), got ${JSON.stringify(data)}; for your own data give your model too (a model.json, or a module)`,
      );
    if (spec.validation !== undefined)
      throw new CliError("validation: the bundled datasets are validated on their test split (see testSize)");
    await loadBundled(data, spec);
    const options: BundledOptions = {
      model,
      dataset: data,
      ...(spec.trainSize !== undefined ? { trainSize: spec.trainSize } : {}),
      ...(spec.testSize !== undefined ? { testSize: spec.testSize } : {}),
      seed: spec.seed,
    };
    return {
      module: BUNDLED_EXPERIMENT,
      moduleOptions: options,
      loss: spec.loss ?? BUNDLED_LOSS,
      label: { model, data },
    };
  }
  if (!/\.json$/i.test(model) && !/[\\/]/.test(model))
    throw new CliError(
      `model: a bundled model (${bundledNames()}) or the path of a saved model's model.json, got ${JSON.stringify(model)}`,
    );
  if (typeof data === "string" && !/\.csv$/i.test(data))
    throw new CliError(
      `data: a saved model trains on a CSV file ({ "csv": "...", "label": "..." }), got ${JSON.stringify(data)}`,
    );
  if (typeof data === "string")
    throw new CliError(
      `data: a CSV file needs its label column: { "csv": ${JSON.stringify(data)}, "label": "..." } (lrkit find: --label)`,
    );
  for (const key of ["trainSize", "testSize"] as const)
    if (spec[key] !== undefined) throw new CliError(`${key}: only for the bundled datasets`);
  const csv = (s: CsvSource): CsvSource => ({ ...s, csv: path(s.csv) });
  const options: FilesExperimentOptions = {
    model: path(model),
    data: csv(data),
    ...(spec.validation ? { validation: csv(spec.validation) } : {}),
    ...(spec.loss !== undefined ? { loss: spec.loss } : {}),
  };
  return {
    module: FILES_EXPERIMENT,
    moduleOptions: options,
    ...(spec.loss !== undefined ? { loss: spec.loss } : {}),
    label: { model, data: data.csv },
  };
}
