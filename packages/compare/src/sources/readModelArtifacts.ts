/**
 * Reading a TensorFlow.js Layers model saved with `model.save(...)` (a `model.json` and its
 * weight files) from disk, without tfjs-node.
 *
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { io } from "@tensorflow/tfjs-core";
import { z } from "zod";

/** Bytes per stored value, by dtype (tfjs-core `io/types.ts`, DTYPE_VALUE_SIZE_MAP). */
const BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  float16: 2,
  uint16: 2,
  uint8: 1,
};

// The weights manifest as tfjs writes it (io.WeightsManifestConfig); other keys are kept.
const weightSpec = z.looseObject({
  name: z.string(),
  shape: z.array(z.int().nonnegative()),
  dtype: z.string(),
  quantization: z.looseObject({ dtype: z.string() }).optional(),
});
const manifest = z.array(z.looseObject({ paths: z.array(z.string().min(1)), weights: z.array(weightSpec) }));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const kindOf = (v: unknown) => (Array.isArray(v) ? "an array" : v === null ? "null" : `a ${typeof v}`);

/** The path of the model.json: `target` itself, or `target/model.json` when it is a folder. */
function modelJsonPath(target: string): string {
  try {
    return statSync(target).isDirectory() ? path.join(target, "model.json") : target;
  } catch {
    return target; // missing: reported when it is read
  }
}

/** Reads a file, naming it in the error; `what` says what the file is to the reader of the error. */
function readBytes(caller: string, file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${caller}: ${what} does not exist`, { cause: e });
    throw new Error(`${caller}: cannot read ${what}: ${(e as Error).message}`, { cause: e });
  }
}

/** The model.json's content, checked to be a Layers model (not a graph model, not weights only). */
function parseModelJson(caller: string, file: string): Record<string, unknown> {
  const text = readBytes(caller, file, file).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${caller}: ${file} is not JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!isRecord(json))
    throw new Error(`${caller}: ${file} is not a TensorFlow.js model.json: it holds ${kindOf(json)}`);
  if (json.format !== undefined && json.format !== "layers-model")
    throw new Error(
      `${caller}: ${file} is not a Layers model: its format is ${JSON.stringify(json.format)} (expected "layers-model"; graph models cannot be trained)`,
    );
  if (!isRecord(json.modelTopology))
    throw new Error(`${caller}: ${file} is not a Layers model: it has no modelTopology`);
  const topology = isRecord(json.modelTopology.model_config)
    ? json.modelTopology.model_config
    : json.modelTopology;
  if (typeof topology.class_name !== "string")
    throw new Error(`${caller}: ${file} is not a Layers model: its modelTopology has no class_name`);
  return json;
}

/**
 * Reads a TensorFlow.js Layers model saved with `model.save(...)` (tfjs-node's `file://`
 * handler, or any handler that writes the `io.ModelJSON` format): the `model.json`, then every
 * file of its `weightsManifest` (paths relative to the model.json's folder), concatenated in
 * manifest order into one `weightData` buffer. The result is plain data (JSON and an
 * ArrayBuffer): it can be kept to build the same model many times with
 * {@link modelFromArtifacts}, or posted to a worker thread.
 *
 * @param target - the path of the `model.json`, or of the folder that holds it.
 * @returns the model's artifacts: `modelTopology`, `weightSpecs`, `weightData`, `format`,
 *   `generatedBy`, `convertedBy`, and `trainingConfig`, `signature`, `userDefinedMetadata` when
 *   present.
 * @throws Error naming the file when the model.json is missing or unreadable, is not JSON, is
 *   not a Layers model (a graph model, no modelTopology), has a malformed weightsManifest, when
 *   a weight file is missing (naming it and the model.json), or when a manifest group's files
 *   hold another number of bytes than its weight specs need.
 * @example
 * ```ts
 * const artifacts = readModelArtifacts("out/model/model.json");
 * const models = await Promise.all([1, 2, 3].map(() => modelFromArtifacts(artifacts)));
 * ```
 */
export function readModelArtifacts(target: string): io.ModelArtifacts {
  return readArtifacts("readModelArtifacts", target);
}

/** {@link readModelArtifacts} with the name of the public function that reports errors. */
export function readArtifacts(caller: string, target: string): io.ModelArtifacts {
  const file = modelJsonPath(target);
  const json = parseModelJson(caller, file);
  if (json.weightsManifest === undefined) throw new Error(`${caller}: ${file} has no weightsManifest`);
  const parsed = manifest.safeParse(json.weightsManifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("");
    throw new Error(`${caller}: ${file} has a malformed weightsManifest${where}: ${issue.message}`);
  }
  const dir = path.dirname(file);
  const buffers: Buffer[] = [];
  const weightSpecs: io.WeightsManifestEntry[] = [];
  for (const group of parsed.data) {
    let need = 0;
    for (const spec of group.weights) {
      const dtype = spec.quantization?.dtype ?? spec.dtype;
      const bytes = BYTES[dtype];
      if (bytes === undefined)
        throw new Error(`${caller}: ${file}: weight "${spec.name}" has an unsupported dtype "${dtype}"`);
      need += spec.shape.reduce((a, b) => a * b, 1) * bytes;
    }
    const files = group.paths.map((p) =>
      readBytes(caller, path.join(dir, p), `weight file ${path.join(dir, p)} listed in ${file}`),
    );
    const have = files.reduce((a, b) => a + b.byteLength, 0);
    if (have !== need)
      throw new Error(
        `${caller}: ${file}: the weight files ${group.paths.join(", ")} hold ${have} bytes, but their ${group.weights.length} weight specs need ${need}`,
      );
    buffers.push(...files);
    weightSpecs.push(...(group.weights as io.WeightsManifestEntry[]));
  }
  const weightData = new Uint8Array(buffers.reduce((a, b) => a + b.byteLength, 0));
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.byteLength;
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology as object,
    weightSpecs,
    weightData: weightData.buffer,
    format: json.format as string | undefined,
    generatedBy: json.generatedBy as string | undefined,
    convertedBy: json.convertedBy as string | null | undefined,
  };
  // As io.getModelArtifactsForJSONSync: the optional parts only when present.
  if (json.trainingConfig != null) artifacts.trainingConfig = json.trainingConfig as io.TrainingConfig;
  if (json.signature != null) artifacts.signature = json.signature as object;
  if (isRecord(json.userDefinedMetadata))
    artifacts.userDefinedMetadata = json.userDefinedMetadata as Record<string, object>;
  return artifacts;
}
