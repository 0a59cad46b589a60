import "@tensorflow/tfjs-backend-cpu";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { input, layers, model as functional, sequential, type LayersModel } from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveModel } from "../test/saveModel.js";
import { loadModelFile, modelFromArtifacts } from "./loadModelFile.js";
import { readModelArtifacts } from "./readModelArtifacts.js";

let tmp: string;

beforeAll(async () => {
  await tf.setBackend("cpu");
  (tf.backend() as { firstUse?: boolean }).firstUse = false; // no "install tfjs-node" banner
  tmp = mkdtempSync(path.join(os.tmpdir(), "lrkit-model-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A dense regression model, 3 → 4 (ReLU) → 1, compiled with meanSquaredError. */
function regression(): LayersModel {
  const m = sequential({
    layers: [layers.dense({ units: 4, activation: "relu", inputShape: [3] }), layers.dense({ units: 1 })],
  });
  m.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
  return m;
}

/** A functional model with a shared trunk and two heads (3 classes, 1 value). */
function twoHeads(): LayersModel {
  const x = input({ shape: [4] });
  const trunk = layers.dense({ units: 5, activation: "tanh" }).apply(x) as ReturnType<typeof input>;
  const classes = layers.dense({ units: 3, activation: "softmax", name: "classes" }).apply(trunk);
  const value = layers.dense({ units: 1, name: "value" }).apply(trunk);
  return functional({ inputs: x, outputs: [classes, value] as ReturnType<typeof input>[] });
}

/** The weights' bits: equal bits means bit-identical floats (unlike `toEqual` on numbers). */
const bits = (m: LayersModel) => m.getWeights().map((w) => Array.from(new Uint32Array(w.dataSync().buffer)));

const predictBits = (m: LayersModel, x: tf.Tensor) => {
  const out = m.predict(x);
  const list = Array.isArray(out) ? out : [out];
  const result = list.map((t) => Array.from(new Uint32Array(t.dataSync().buffer)));
  tf.dispose(list);
  return result;
};

/** A fresh folder under the temp dir. */
const folder = (name: string) => {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe("loadModelFile", () => {
  it("loads a saved regression model with the same topology, bit-identical weights, the same loss and predictions", async () => {
    const original = regression();
    const [xs, ys] = [tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[0.5]])];
    await original.fit(xs, ys, { epochs: 1, verbose: 0 }); // so that Adam has moments to save
    tf.dispose([xs, ys]);
    const { modelJson } = await saveModel(original, folder("regression"));
    const loaded = await loadModelFile(modelJson);
    expect(loaded.toJSON(null, false)).toEqual(original.toJSON(null, false));
    expect(bits(loaded)).toEqual(bits(original));
    expect(loaded.getWeights().map((w) => w.shape)).toEqual([[3, 4], [4], [4, 1], [1]]);
    expect(loaded.loss).toBe("meanSquaredError");
    expect(loaded.optimizer.getClassName()).toBe("Adam");
    const optimizerBits = async (m: LayersModel) =>
      (await m.optimizer.getWeights()).map((w) => Array.from(new Uint32Array(w.tensor.dataSync().buffer)));
    expect((await original.optimizer.getWeights()).length).toBe(9); // iterations, then m and v of 4 weights
    expect(await optimizerBits(loaded)).toEqual(await optimizerBits(original));
    const x = tf.tensor2d([
      [0.5, -1, 2],
      [3, 0.25, -0.75],
    ]);
    expect(predictBits(loaded, x)).toEqual(predictBits(original, x));
    x.dispose();
    original.dispose();
    loaded.dispose();
  });

  it("loads a two-output functional model whose weights are split over several files, in manifest order", async () => {
    const original = twoHeads();
    original.compile({ optimizer: "sgd", loss: ["categoricalCrossentropy", "meanSquaredError"] });
    const saved = await saveModel(original, folder("two-heads"), { shardBytes: 40 });
    // 4·5+5 + 5·3+3 + 5·1+1 = 49 floats = 196 bytes: five files of 40 bytes at most.
    expect(saved.weightFiles).toEqual([1, 2, 3, 4, 5].map((i) => `group1-shard${i}of5.bin`));
    const loaded = await loadModelFile(saved.modelJson);
    expect(loaded.outputs.map((o) => o.shape)).toEqual([
      [null, 3],
      [null, 1],
    ]);
    expect(loaded.toJSON(null, false)).toEqual(original.toJSON(null, false));
    expect(bits(loaded)).toEqual(bits(original));
    expect(loaded.loss).toEqual(["categoricalCrossentropy", "meanSquaredError"]);
    const x = tf.tensor2d([[1, -2, 0.5, 4]]);
    expect(predictBits(loaded, x)).toEqual(predictBits(original, x));
    x.dispose();
    original.dispose();
    loaded.dispose();
  });

  it("loads a model saved uncompiled uncompiled, from the folder that holds model.json", async () => {
    const original = twoHeads();
    original.setUserDefinedMetadata({ task: "demo" });
    const dir = folder("uncompiled");
    await saveModel(original, dir);
    const loaded = await loadModelFile(dir);
    expect(loaded.optimizer).toBeUndefined();
    expect(loaded.loss).toBeUndefined();
    expect(loaded.getUserDefinedMetadata()).toEqual({ task: "demo" });
    expect(bits(loaded)).toEqual(bits(original));
    original.dispose();
    loaded.dispose();
  });

  it("loads a compiled model saved without its training config uncompiled, as tfjs does", async () => {
    const original = regression();
    const { modelJson } = await saveModel(original, folder("no-config"), { includeOptimizer: false });
    const loaded = await loadModelFile(modelJson);
    expect(original.loss).toBe("meanSquaredError");
    expect(loaded.loss).toBeUndefined();
    expect(bits(loaded)).toEqual(bits(original));
    original.dispose();
    loaded.dispose();
  });
});

describe("readModelArtifacts and modelFromArtifacts", () => {
  it("read the files once and build independent models with the saved weights", async () => {
    const original = regression();
    const { modelJson } = await saveModel(original, folder("artifacts"));
    const artifacts = readModelArtifacts(modelJson);
    expect(artifacts.format).toBe("layers-model");
    expect(artifacts.trainingConfig?.loss).toBe("mean_squared_error");
    expect(artifacts.weightData).toBeInstanceOf(ArrayBuffer);
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe((3 * 4 + 4 + 4 + 1) * 4 + 4); // + Adam's step count
    const [a, b] = [await modelFromArtifacts(artifacts), await modelFromArtifacts(artifacts)];
    expect(bits(a)).toEqual(bits(original));
    expect(bits(b)).toEqual(bits(original));
    const zeros = a.getWeights().map((w) => tf.zerosLike(w));
    a.setWeights(zeros); // a's variables are its own: b keeps the saved weights
    tf.dispose(zeros);
    expect(bits(a)).not.toEqual(bits(original));
    expect(bits(b)).toEqual(bits(original));
    [original, a, b].forEach((m) => m.dispose());
  });
});

describe("loadModelFile errors", () => {
  /** A saved regression model in a folder of its own, for a test to break. */
  async function savedModel(name: string): Promise<{ dir: string; modelJson: string }> {
    const m = regression();
    const dir = folder(name);
    const { modelJson } = await saveModel(m, dir);
    m.dispose();
    return { dir, modelJson };
  }

  it("names a missing model.json", async () => {
    const file = path.join(tmp, "nowhere", "model.json");
    await expect(loadModelFile(file)).rejects.toThrow(new Error(`loadModelFile: ${file} does not exist`));
    const empty = folder("empty");
    await expect(loadModelFile(empty)).rejects.toThrow(
      new Error(`loadModelFile: ${path.join(empty, "model.json")} does not exist`),
    );
  });

  it("names a model.json that is not JSON, with the parser's reason", async () => {
    const file = path.join(folder("not-json"), "model.json");
    writeFileSync(file, "{ modelTopology: 1 }");
    let reason = "";
    try {
      JSON.parse("{ modelTopology: 1 }");
    } catch (e) {
      reason = (e as Error).message;
    }
    await expect(loadModelFile(file)).rejects.toThrow(
      new Error(`loadModelFile: ${file} is not JSON: ${reason}`),
    );
  });

  it("rejects JSON that is not a model.json, a graph model and a file without modelTopology", async () => {
    const dir = folder("not-layers");
    const cases: [string, unknown, string][] = [
      ["array.json", [1, 2], "is not a TensorFlow.js model.json: it holds an array"],
      [
        "graph.json",
        { format: "graph-model", modelTopology: { node: [] }, weightsManifest: [] },
        'is not a Layers model: its format is "graph-model" (expected "layers-model"; graph models cannot be trained)',
      ],
      ["weights-only.json", { weightsManifest: [] }, "is not a Layers model: it has no modelTopology"],
      [
        "no-class.json",
        { modelTopology: { node: [] }, weightsManifest: [] },
        "is not a Layers model: its modelTopology has no class_name",
      ],
    ];
    for (const [name, json, problem] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(json));
      await expect(loadModelFile(file)).rejects.toThrow(new Error(`loadModelFile: ${file} ${problem}`));
    }
  });

  it("rejects a model.json without a weightsManifest, or with a malformed one", async () => {
    const { modelJson } = await savedModel("bad-manifest");
    const json = JSON.parse(readFileSync(modelJson, "utf8")) as Record<string, unknown>;
    writeFileSync(modelJson, JSON.stringify({ ...json, weightsManifest: undefined }));
    expect(() => readModelArtifacts(modelJson)).toThrow(
      new Error(`readModelArtifacts: ${modelJson} has no weightsManifest`),
    );
    writeFileSync(
      modelJson,
      JSON.stringify({ ...json, weightsManifest: [{ paths: "weights.bin", weights: [] }] }),
    );
    expect(() => readModelArtifacts(modelJson)).toThrow(
      new Error(
        `readModelArtifacts: ${modelJson} has a malformed weightsManifest[0].paths: Invalid input: expected array, received string`,
      ),
    );
  });

  it("names a missing weight file and the model.json that lists it", async () => {
    const { dir, modelJson } = await savedModel("missing-weights");
    rmSync(path.join(dir, "weights.bin"));
    await expect(loadModelFile(modelJson)).rejects.toThrow(
      new Error(
        `loadModelFile: weight file ${path.join(dir, "weights.bin")} listed in ${modelJson} does not exist`,
      ),
    );
  });

  it("rejects weight files shorter or longer than the weight specs need", async () => {
    const { dir, modelJson } = await savedModel("wrong-size");
    const weights = path.join(dir, "weights.bin");
    const bytes = readFileSync(weights);
    expect(bytes.byteLength).toBe(88); // (3·4 + 4 + 4·1 + 1) float32, and Adam's step count
    writeFileSync(weights, bytes.subarray(0, 84));
    await expect(loadModelFile(modelJson)).rejects.toThrow(
      new Error(
        `loadModelFile: ${modelJson}: the weight files weights.bin hold 84 bytes, but their 5 weight specs need 88`,
      ),
    );
    writeFileSync(weights, Buffer.concat([bytes, Buffer.alloc(4)]));
    await expect(loadModelFile(modelJson)).rejects.toThrow(
      new Error(
        `loadModelFile: ${modelJson}: the weight files weights.bin hold 92 bytes, but their 5 weight specs need 88`,
      ),
    );
  });
});
