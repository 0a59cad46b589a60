import { readFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { Ajv2020 } from "ajv/dist/2020.js";
import { cosine, parseSchedule } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../tfjs/src/test/backends.js";
import {
  binaryModel,
  blobs,
  classifier,
  regressionData,
  regressionModel,
  twoOutputModel,
} from "../../tfjs/src/test/userModels.js";
import { compareSchedules, type CompareOptions } from "./compareSchedules.js";
import { parseResults } from "./results/files.js";
import { resultsJsonSchema, type CompareResults } from "./results/schema.js";

// compareSchedules on the models users bring: in this thread with functions, and on worker threads
// with a module. Every run starts from the same weights, only the lr differs, and nothing leaks.

beforeAll(() => useBackend("cpu"));

const SCHEDULES: CompareOptions["schedules"] = [
  { name: "constant", schedule: "constant(lr=0.01)" },
  { name: "cosine per update", schedule: cosine({ lr: 0.02, steps: 16 }), unit: "batch" },
];

/** Runs a compare in this thread and checks what every compare must hold. */
async function compareOn(options: Omit<CompareOptions, "schedules" | "epochs">): Promise<CompareResults> {
  const tensors = tf.memory().numTensors;
  const results = await compareSchedules({ schedules: SCHEDULES, epochs: 2, batchSize: 32, ...options });
  expect(tf.memory().numTensors).toBe(tensors);
  expect(parseResults(JSON.parse(JSON.stringify(results)))).toEqual(JSON.parse(JSON.stringify(results)));
  expect(results.runs.map((r) => r.status)).toEqual(["completed", "completed"]);
  const [a, b] = results.runs.map((r) => r.init!);
  expect(b!.weightsSha256).toBe(a!.weightsSha256);
  expect(b!.firstBatchLoss).toBe(a!.firstBatchLoss);
  for (const run of results.runs) {
    expect(run.epochs.map((e) => Object.keys(e.metrics))).toEqual([
      results.experiment.metrics,
      results.experiment.metrics,
    ]);
    expect(run.final!.best!.metric).toBe(results.experiment.headline);
  }
  // The lr of each epoch's last update: s(e) per epoch, s(8e + 7) per update (8 updates an epoch).
  expect(results.runs[0]!.epochs.map((e) => e.lr)).toEqual([0.01, 0.01]);
  const cos = cosine({ lr: 0.02, steps: 16 });
  expect(results.runs[1]!.epochs.map((e) => e.lr)).toEqual([cos(7), cos(15)]);
  expect(results.machine.workers).toBe(0);
  return results;
}

describe("compareSchedules in this thread, on a user's model and data", () => {
  it("compares on a regression model: losses only, ranked by val_loss, the same start for every run", async () => {
    const data = regressionData(256, 41);
    const held = regressionData(64, 42);
    // Unseeded initialisers would differ per call: every run still starts from the first model's weights.
    const results = await compareOn({
      model: () => regressionModel(Math.random() * 1e6),
      data,
      validation: held,
    });
    expect(results.experiment).toMatchObject({
      metrics: ["loss", "val_loss"],
      headline: "val_loss",
      trainExamples: 256,
      validationExamples: 64,
      stepsPerEpoch: 8,
      optimizer: "sgd",
      loss: "meanSquaredError",
      classes: null,
    });
    tf.dispose([data, held]);
  });

  it("compares on a sigmoid classifier with its compiled accuracy, and a softmax one with categoricalCrossentropy", async () => {
    const two = blobs(256, 2, 43);
    const binary = await compareOn({ model: () => binaryModel(44), data: { xs: two.xs, ys: two.binary } });
    expect(binary.experiment).toMatchObject({
      metrics: ["loss", "acc"],
      headline: "acc",
      classes: 2,
      loss: "binaryCrossentropy",
    });
    const three = blobs(256, 3, 45);
    const softmax = await compareOn({
      model: () => classifier([6], 3, "softmax", 46),
      data: { xs: three.xs, ys: three.oneHot },
      validation: { xs: three.xs, ys: three.oneHot },
      loss: "categoricalCrossentropy",
    });
    expect(softmax.experiment).toMatchObject({
      metrics: ["loss", "acc", "val_loss", "val_acc"],
      headline: "val_acc",
      classes: 3,
    });
    tf.dispose([two, three]);
  });

  it("compares on a tf.data dataset, counting its batches from the data", async () => {
    const data = regressionData(256, 47);
    const xs = tf.unstack(data.xs);
    const ys = tf.unstack(data.ys);
    const dataset = tfd.zip({ xs: tfd.array(xs), ys: tfd.array(ys) });
    const results = await compareOn({ model: () => regressionModel(48), data: () => dataset });
    expect(results.experiment).toMatchObject({ trainExamples: 256, stepsPerEpoch: 8, metrics: ["loss"] });
    tf.dispose([data, xs, ys]);
  });

  it("compares on a two-output model, logging each output's loss", async () => {
    const data = blobs(256, 3, 49);
    const size = tf.sum(data.xs, 1, true);
    const build = (): LayersModel => {
      const model = twoOutputModel(50);
      model.compile({
        optimizer: "adam",
        loss: { kind: "categoricalCrossentropy", size: "meanSquaredError" },
      });
      return model;
    };
    const results = await compareOn({ model: build, data: { xs: data.xs, ys: [data.oneHot, size] } });
    expect(results.experiment).toMatchObject({
      metrics: ["loss", "kind_loss", "size_loss", "kind_acc"],
      headline: "kind_acc",
      optimizer: "adam",
      loss: "kind: categoricalCrossentropy, size: meanSquaredError",
    });
    tf.dispose([data, size]);
  });

  it("refuses bad options before training, naming the option and the value", async () => {
    const data = regressionData(16, 51);
    const base = { model: () => regressionModel(52), data, schedules: SCHEDULES, epochs: 1 };
    await expect(compareSchedules({ ...base, workers: 2 })).rejects.toThrow(
      /^compareSchedules: workers > 1 needs module .* got workers 2$/,
    );
    await expect(compareSchedules({ ...base, module: "./x.mjs" })).rejects.toThrow(
      new TypeError(
        "compareSchedules: give either model and data (runs in this thread) or module (runs in worker threads)",
      ),
    );
    await expect(compareSchedules({ ...base, epochs: 0 })).rejects.toThrow(
      new RangeError("compareSchedules: epochs must be a positive integer, got 0"),
    );
    await expect(
      compareSchedules({ ...base, schedules: [SCHEDULES[0]!, { ...SCHEDULES[1]!, name: "constant" }] }),
    ).rejects.toThrow(new RangeError('compareSchedules: schedules[1].name "constant" is used twice'));
    await expect(
      compareSchedules({ ...base, schedules: [{ name: "bad", schedule: "cosine(lr=0.1)" }] }),
    ).rejects.toThrow(/cosine: steps/);
    tf.dispose(data);
  });

  it("refuses data that does not fit the model before any run, naming both shapes", async () => {
    const data = { xs: tf.zeros([32, 3]), ys: tf.zeros([32, 1]) };
    await expect(
      compareSchedules({ model: () => regressionModel(53), data, schedules: SCHEDULES, epochs: 1 }),
    ).rejects.toThrow(
      /^compare: data has inputs of shape \[32,3\] for the model's input "hidden_input", which takes \[null,4\]$/,
    );
    tf.dispose(data);
  });
});

describe("compareSchedules keeps the results as the runs go", () => {
  it("hands the results so far to onResults after every epoch, each valid: the run under way aborted, the next skipped, then all completed", async () => {
    const data = regressionData(64, 54);
    const kept: CompareResults[] = [];
    const results = await compareSchedules({
      model: () => regressionModel(55),
      data,
      schedules: SCHEDULES,
      epochs: 2,
      onResults: (r) => kept.push(parseResults(JSON.parse(JSON.stringify(r)))),
    });
    // Two epochs and the end of each of the two runs.
    expect(
      kept.map((r) => [r.stopped, ...r.runs.map((run) => `${run.status} ${run.epochs.length}`)]),
    ).toEqual([
      ["interrupted", "aborted 1", "skipped 0"],
      ["interrupted", "aborted 2", "skipped 0"],
      ["interrupted", "completed 2", "skipped 0"],
      ["interrupted", "completed 2", "aborted 1"],
      ["interrupted", "completed 2", "aborted 2"],
      ["completed", "completed 2", "completed 2"],
    ]);
    expect(kept[1]!.runs[0]!.epochs).toEqual(results.runs[0]!.epochs);
    expect({ ...kept.at(-1)!, machine: null }).toEqual({ ...results, machine: null });
    tf.dispose(data);
  });

  it("stops the runs and rejects with onResults' error when the results cannot be kept", async () => {
    const data = regressionData(64, 56);
    let calls = 0;
    let epochs = 0;
    const full = new Error("ENOSPC: no space left on device");
    await expect(
      compareSchedules({
        model: () => regressionModel(57),
        data,
        schedules: SCHEDULES,
        epochs: 5,
        listener: { epoch: () => epochs++ },
        onResults: () => {
          if (++calls === 2) throw full;
        },
      }),
    ).rejects.toBe(full);
    // The first run stopped before its third epoch, the second never started, and nothing more was kept.
    expect([epochs, calls]).toEqual([2, 2]);
    tf.dispose(data);
  });

  it("keeps the runs when lint cannot check a schedule, reporting that as a lint-failed finding", async () => {
    // A plan of 10^12 epochs (stopped after the first): too long for lint to sample, which throws.
    const data = regressionData(64, 58);
    const stop = new AbortController();
    const results = await compareSchedules({
      model: () => regressionModel(59),
      data,
      schedules: SCHEDULES.slice(0, 1),
      epochs: 1e12,
      signal: stop.signal,
      listener: { epoch: () => stop.abort() },
    });
    expect(results.stopped).toBe("interrupted");
    expect(results.runs[0]!.epochs).toHaveLength(1);
    expect(results.runs[0]!.lint).toEqual([
      {
        code: "lint-failed",
        severity: "error",
        step: null,
        message: expect.stringMatching(
          /^lint could not check this schedule against the run's plan of 1000000000000 epochs: .*(length|allocation)/,
        ),
        fix: "the results are unaffected; lint the schedule on its own (`lrkit lint`) to find the cause",
      },
    ]);
    tf.dispose(data);
  });
});

describe("compareSchedules on worker threads, with an experiment module", () => {
  const module = new URL("./test/blobsExperiment.ts", import.meta.url);
  let results: CompareResults;
  beforeAll(async () => {
    results = await compareSchedules({
      module,
      moduleOptions: { unseeded: true },
      schedules: [
        ...SCHEDULES,
        { name: "step", schedule: parseSchedule("step(lr=0.02, stepSize=1, gamma=0.5)") },
      ],
      epochs: 2,
      batchSize: 30,
      workers: 2,
      backend: "cpu",
      seed: 4,
    });
  }, 120_000);

  it("trains every run in the workers from the first model's weights, though the module's initialisers are unseeded", () => {
    expect(results.machine.workers).toBe(2);
    expect(results.runs.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
    expect(new Set(results.runs.map((r) => r.init!.weightsSha256)).size).toBe(1);
    expect(new Set(results.runs.map((r) => r.init!.firstBatchLoss)).size).toBe(1);
    expect(results.experiment).toMatchObject({
      model: "a 6-12-3 softmax classifier",
      data: "three blobs",
      validation: "validation() of blobsExperiment.ts",
      trainExamples: 240,
      stepsPerEpoch: 8,
      optimizer: "adam",
      loss: "categoricalCrossentropy",
      metrics: ["loss", "acc", "val_loss", "val_acc"],
      headline: "val_acc",
      seed: 4,
    });
    expect(results.runs[2]!.epochs.map((e) => e.lr)).toEqual([0.02, 0.01]);
  });

  it("gives results valid against the shipped JSON Schema, which is the zod schema's", () => {
    const shipped = JSON.parse(readFileSync(new URL("../results.schema.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(resultsJsonSchema())));
    const validate = new Ajv2020({ allErrors: true }).compile(shipped);
    const json = JSON.parse(JSON.stringify(results));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, format: "something else" })).toBe(false);
    expect(validate({ ...json, runs: [{ ...json.runs[0], epochs: [{ epoch: 0 }] }] })).toBe(false);
  });

  it("names the module and what is wrong when it cannot be used", async () => {
    const options = { schedules: SCHEDULES, epochs: 1, workers: 1, backend: "cpu" };
    await expect(
      compareSchedules({ ...options, module, moduleOptions: { throwIn: "model" } }),
    ).rejects.toThrow(/^model\(\) of the experiment module .*blobsExperiment\.ts threw: no GPU here$/);
    await expect(
      compareSchedules({ ...options, module: new URL("./results/metrics.ts", import.meta.url) }),
    ).rejects.toThrow(
      /^the experiment module .*metrics\.ts must export a model\(\) function; it exports bestOf, better, headlineOf$/,
    );
    await expect(compareSchedules({ ...options, module: "./no/such/module.mjs" })).rejects.toThrow(
      /^cannot import the experiment module .*no\/such\/module\.mjs: /,
    );
  }, 60_000);
});
