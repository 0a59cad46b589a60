/**
 * A user's TensorFlow.js Layers model, loaded from its `model.json` on disk without tfjs-node.
 *
 * @module
 */
import { io } from "@tensorflow/tfjs-core";
import { loadLayersModel, type LayersModel } from "@tensorflow/tfjs-layers";
import { readArtifacts } from "./readModelArtifacts.js";

/** Builds the model with tfjs's own loader; its errors are wrapped to name `caller` and `what`. */
async function build(caller: string, what: string, artifacts: io.ModelArtifacts): Promise<LayersModel> {
  try {
    return await loadLayersModel(io.fromMemory(artifacts));
  } catch (e) {
    throw new Error(`${caller}: cannot build the model of ${what}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Builds a fresh Layers model from artifacts read by {@link readModelArtifacts}, as
 * `tf.loadLayersModel(tf.io.fromMemory(artifacts))` does: the topology, the saved weights (and
 * the optimizer's, when saved), and, when the model was compiled when saved (a
 * `trainingConfig`), compiled again with the same loss, metrics and optimizer. The artifacts
 * are not changed: each call gives a new, independent model.
 *
 * @param artifacts - the model's artifacts (topology, weight specs and data).
 * @returns the model; dispose it when done.
 * @throws Error when tfjs cannot build the model (an unknown layer class, weights that do not
 *   match the layers).
 * @example
 * ```ts
 * const artifacts = readModelArtifacts("out/model");
 * const a = await modelFromArtifacts(artifacts);
 * const b = await modelFromArtifacts(artifacts); // same weights, separate variables
 * ```
 */
export function modelFromArtifacts(artifacts: io.ModelArtifacts): Promise<LayersModel> {
  return build("modelFromArtifacts", "these artifacts", artifacts);
}

/**
 * Loads a TensorFlow.js Layers model saved with `model.save(...)` (tfjs-node's `file://`
 * handler, or any handler that writes the `io.ModelJSON` format) from disk, without
 * tfjs-node: reads it with {@link readModelArtifacts}, then builds it with
 * {@link modelFromArtifacts}. A model saved with its training config (compiled, and saved with
 * `{ includeOptimizer: true }`: tfjs writes no training config otherwise) comes back compiled
 * with the same loss (`model.loss`), metrics and optimizer, with the optimizer's saved state, as
 * tfjs's `loadLayersModel("file://...")` does; any other model comes back uncompiled. A backend
 * must be ready (see `setupBackend` of `@lrkit/tfjs`).
 *
 * @param target - the path of the `model.json`, or of the folder that holds it.
 * @returns the model; dispose it when done.
 * @throws Error naming the file when the model.json is missing or unreadable, is not JSON, is
 *   not a Layers model, when a weight file listed in it is missing (naming both files), when
 *   the weight files' sizes differ from what the weight specs need, or when tfjs cannot build
 *   the model.
 * @example
 * ```ts
 * const model = await loadModelFile("out/model/model.json");
 * model.loss; // "meanSquaredError" when saved compiled with it
 * ```
 */
export async function loadModelFile(target: string): Promise<LayersModel> {
  const artifacts = readArtifacts("loadModelFile", target);
  return build("loadModelFile", target, artifacts);
}
