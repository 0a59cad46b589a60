/**
 * Test helper: saves a TensorFlow.js Layers model to a folder as tfjs-node's `file://` handler
 * does (tfjs-node is not installable here), so that tests can write `model.json` fixtures.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { io } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";

/** Options of {@link saveModel}. */
export interface SaveModelOptions {
  /**
   * Splits the weight data into files of at most this many bytes, named as the tfjs converter
   * names its shards (`group1-shard1of3.bin`, ...). Defaults to one file, `weights.bin`, as
   * tfjs-node writes it.
   */
  readonly shardBytes?: number;
  /**
   * tfjs's `includeOptimizer`: whether the training config (loss, metrics, optimizer) and the
   * optimizer's weights are saved. tfjs saves a training config only with it. Defaults to true
   * for a compiled model (tfjs's own default is false), false otherwise.
   */
  readonly includeOptimizer?: boolean;
}

/** What {@link saveModel} wrote: the model.json path and the weight files' names, in manifest order. */
export interface SavedModel {
  readonly modelJson: string;
  readonly weightFiles: readonly string[];
}

/**
 * Saves `model` into `dir` (created if needed) as `model.json` plus its weight files, in the
 * layout of tfjs-node's `NodeFileSystem.save` (tfjs-node/src/io/file_system.ts): an
 * `io.ModelJSON` whose `weightsManifest` is `[{ paths: ["weights.bin"], weights: weightSpecs }]`,
 * and the raw weight bytes in `weights.bin`.
 *
 * @param model - the model (compiled or not).
 * @param dir - the folder to write to.
 * @param options - `shardBytes` (default: one file), `includeOptimizer` (default: whether the
 *   model is compiled).
 * @example
 * ```ts
 * const { modelJson } = await saveModel(model, tmp);
 * const loaded = await loadModelFile(modelJson);
 * ```
 */
export async function saveModel(
  model: LayersModel,
  dir: string,
  options: SaveModelOptions = {},
): Promise<SavedModel> {
  mkdirSync(dir, { recursive: true });
  let weightFiles: string[] = [];
  await model.save(
    io.withSaveHandler(async (artifacts) => {
      const data = new Uint8Array(io.CompositeArrayBuffer.join(artifacts.weightData));
      const size = options.shardBytes ?? Math.max(data.byteLength, 1);
      const count = Math.max(1, Math.ceil(data.byteLength / size));
      weightFiles =
        options.shardBytes === undefined
          ? ["weights.bin"]
          : Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
      weightFiles.forEach((name, i) =>
        writeFileSync(path.join(dir, name), data.subarray(i * size, (i + 1) * size)),
      );
      // The fields and their order as NodeFileSystem.save writes them.
      const json: io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        weightsManifest: [{ paths: weightFiles, weights: artifacts.weightSpecs ?? [] }],
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
      };
      if (artifacts.trainingConfig != null) json.trainingConfig = artifacts.trainingConfig;
      if (artifacts.signature != null) json.signature = artifacts.signature;
      if (artifacts.userDefinedMetadata != null) json.userDefinedMetadata = artifacts.userDefinedMetadata;
      writeFileSync(path.join(dir, "model.json"), JSON.stringify(json), "utf8");
      return { modelArtifactsInfo: io.getModelArtifactsInfoForJSON(artifacts) };
    }),
    { includeOptimizer: options.includeOptimizer ?? model.optimizer != null },
  );
  return { modelJson: path.join(dir, "model.json"), weightFiles };
}
