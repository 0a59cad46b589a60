/**
 * Loading an experiment module: the user's ES module that builds the model and the data.
 *
 * @module
 */
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { TrainingData } from "@lrkit/tfjs";
import type { Experiment, ExperimentModule } from "./experiment.js";

/**
 * An error in a user's experiment (its module, model or data files): it names the module or the
 * file and what went wrong. Recognised by its name, so that one thrown by another copy of this
 * module (a module loaded by URL) is recognised too.
 */
export class ExperimentError extends Error {
  override name = "ExperimentError";

  /** True for an ExperimentError from any copy of this module. */
  static is(e: unknown): e is ExperimentError {
    return e instanceof Error && e.name === "ExperimentError";
  }
}

/** The module's URL: a file URL as given, or a path resolved against `base` (default: the working directory). */
export function moduleUrl(specifier: string | URL, base = process.cwd()): string {
  if (specifier instanceof URL) return specifier.href;
  if (/^file:/.test(specifier)) return specifier;
  return new URL(specifier, pathToFileURL(`${base}/`)).href;
}

/** Duck-typed, so that a model built by another copy of tfjs-layers is recognised too. */
const isLayersModel = (value: unknown): value is LayersModel =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as LayersModel).apply === "function" &&
  typeof (value as LayersModel).getWeights === "function" &&
  Array.isArray((value as LayersModel).outputs);

const shortName = (url: string) => (url.startsWith("file:") ? basename(fileURLToPath(url)) : url);

/** Runs a function of the module; what it throws is named after it, unless it is already an ExperimentError. */
async function call<T>(where: string, what: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (ExperimentError.is(e)) throw e;
    throw new ExperimentError(`${what} of ${where} threw: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}

function checkData(where: string, what: string, value: unknown): TrainingData {
  if (typeof value !== "object" || value === null)
    throw new ExperimentError(
      `${what} of ${where} must return training data ({ xs, ys } tensors, a tf.data dataset or an image set), got ${value === null ? "null" : typeof value}`,
    );
  return value as TrainingData;
}

/**
 * Imports the experiment module at `url` and loads its data; its `model()` builds a new model on
 * each call. `options` goes to each of its functions.
 *
 * @throws {@link ExperimentError} naming the module when it cannot be imported, does not export
 *   `model` and `data` functions, or when one of them throws or returns something else.
 * @example
 * ```ts
 * const experiment = await loadExperiment(moduleUrl("./experiment.mjs"), { rows: 1000 });
 * const model = await experiment.model();
 * ```
 */
export async function loadExperiment(url: string, options?: unknown): Promise<Experiment> {
  const where = `the experiment module ${url.startsWith("file:") ? fileURLToPath(url) : url}`;
  let loaded: Partial<ExperimentModule>;
  try {
    loaded = (await import(url)) as Partial<ExperimentModule>;
  } catch (e) {
    throw new ExperimentError(`cannot import ${where}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  const exported = Object.keys(loaded).join(", ") || "nothing";
  for (const name of ["model", "data"] as const)
    if (typeof loaded[name] !== "function")
      throw new ExperimentError(`${where} must export a ${name}() function; it exports ${exported}`);
  for (const name of ["validation", "describe"] as const)
    if (loaded[name] !== undefined && typeof loaded[name] !== "function")
      throw new ExperimentError(
        `${where} exports ${name}, which must be a function, got ${typeof loaded[name]}`,
      );
  const module = loaded as ExperimentModule;
  const data = checkData(where, "data()", await call(where, "data()", () => module.data(options)));
  const validationValue = module.validation
    ? await call(where, "validation()", () => module.validation!(options))
    : undefined;
  const validation =
    validationValue === undefined ? undefined : checkData(where, "validation()", validationValue);
  const described = module.describe ? await call(where, "describe()", () => module.describe!(options)) : {};
  const name = shortName(url);
  return {
    model: async () => {
      const model = await call(where, "model()", () => module.model(options));
      if (!isLayersModel(model))
        throw new ExperimentError(
          `model() of ${where} must return a tf.LayersModel, got ${model === null ? "null" : typeof model === "object" ? (model as object).constructor?.name : typeof model}`,
        );
      return model;
    },
    data,
    ...(validation !== undefined ? { validation } : {}),
    describe: {
      model: described.model ?? `model() of ${name}`,
      data: described.data ?? `data() of ${name}`,
      validation: described.validation ?? (validation !== undefined ? `validation() of ${name}` : null),
    },
  };
}
