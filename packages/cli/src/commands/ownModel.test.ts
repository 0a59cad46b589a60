import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { CompareResults } from "@lrkit/compare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveModel } from "../../../compare/src/test/saveModel.js";
import { useBackend } from "../../../tfjs/src/test/backends.js";
import { runCli } from "../test/runCli.js";
import { ROOT, spawnLrkit } from "../test/spawnLrkit.js";

// The command line on a user's own model and data, without code: a Layers model saved with
// model.save() and CSV files written here, and an experiment module. The files live under
// node_modules/.cache so that the module can import TensorFlow.js as a user's would.

const SPECIES = ["setosa", "versicolor", "virginica"];

/** Iris-like rows: four measurements around a centre per species, seeded. */
function csv(n: number, seed: number): string {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const centres = [
    [5.0, 3.4, 1.5, 0.2],
    [5.9, 2.8, 4.3, 1.3],
    [6.6, 3.0, 5.6, 2.0],
  ];
  const rows = Array.from({ length: n }, (_, i) => {
    const k = i % 3;
    return [...centres[k]!.map((c) => (c + 0.3 * rand()).toFixed(2)), SPECIES[k]].join(",");
  });
  return `sepal_length,sepal_width,petal_length,petal_width,species\n${rows.join("\n")}\n`;
}

const MODULE = `
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export function model() {
  const m = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [4], units: 8, activation: "relu" }),
      tfl.layers.dense({ units: 1 }),
    ],
  });
  m.compile({ optimizer: tf.train.sgd(0.01), loss: "meanSquaredError" });
  return m;
}

export function data(options) {
  const n = options?.rows ?? 200;
  const x = Array.from({ length: n }, (_, i) => [Math.sin(i), Math.cos(i), (i % 7) / 7, (i % 3) / 3]);
  const y = x.map((r) => [2 * r[0] - r[1] + 0.5 * r[2] + 1]);
  return { xs: tf.tensor2d(x), ys: tf.tensor2d(y) };
}

export function describe() {
  return { model: "a small regression MLP", data: "a wave" };
}
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(ROOT, "node_modules/.cache/lrkit-own-model-"));
  writeFileSync(join(dir, "train.csv"), csv(150, 7));
  writeFileSync(join(dir, "val.csv"), csv(60, 8));
  writeFileSync(join(dir, "experiment.mjs"), MODULE);
  await useBackend("cpu");
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({
        inputShape: [4],
        units: 16,
        activation: "relu",
        kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }),
      }),
      tfl.layers.dense({
        units: 3,
        activation: "softmax",
        kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }),
      }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  await saveModel(model, join(dir, "iris"));
  model.optimizer.dispose();
  model.dispose();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sweep = ["--start", "1e-4", "--end", "10", "--iterations", "40", "--batch", "16", "--backend", "cpu"];

describe("lrkit find on your own model", () => {
  it("runs the range test on a saved model.json and a CSV file: its compiled loss, one-hot species", async () => {
    const out = join(dir, "find-files");
    const args = ["find", "--model", join(dir, "iris/model.json"), "--data", join(dir, "train.csv")];
    const {
      code,
      out: stdout,
      err,
    } = await runCli([...args, "--label", "species", ...sweep, "--json", "--out", out]);
    expect(code, err).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.restored).toBe(true);
    expect(report.setup).toMatchObject({ optimizer: "adam", batch: 16, backend: "cpu" });
    expect(report.setup.model).toBe(join(dir, "iris/model.json"));
    // Categorical cross-entropy of the saved (seeded) weights on the species, falling before it diverges.
    expect(report.losses[0]).toBeGreaterThan(0.5);
    expect(Math.min(...report.smoothed)).toBeLessThan(report.smoothed[0]);
    expect(report.recommendedLr).not.toBeNull();
    expect(readFileSync(join(out, "lr-finder.svg"), "utf8")).toContain("(recommended)");
  });

  it("records the validation loss with --validation", async () => {
    const args = [
      "find",
      "--model",
      join(dir, "iris"),
      "--data",
      join(dir, "train.csv"),
      "--label",
      "species",
    ];
    const { code, out, err } = await runCli([
      ...args,
      "--validation",
      join(dir, "val.csv"),
      ...sweep,
      "--json",
    ]);
    expect(code, err).toBe(0);
    expect(JSON.parse(out).losses).toHaveLength(JSON.parse(out).lrs.length);
  });

  it("runs the range test on an experiment module", async () => {
    const args = ["find", "--module", join(dir, "experiment.mjs"), ...sweep, "--json"];
    const { code, out, err } = await runCli(args);
    expect(code, err).toBe(0);
    const report = JSON.parse(out);
    expect(report.setup).toMatchObject({
      model: `model() of ${join(dir, "experiment.mjs")}`,
      optimizer: "sgd",
    });
    expect(report.stoppedBy).toMatch(/^(divergence|end)$/);
  });

  it("says what is wrong with a CSV, a model.json or a module, naming the file", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,oops,setosa\n",
    );
    const files = ["find", "--model", join(dir, "iris"), "--label", "species", "--backend", "cpu"];
    const bad = await runCli([...files, "--data", join(dir, "bad.csv")]);
    expect(bad).toMatchObject({
      code: 2,
      err: `lrkit: readCsv: ${join(dir, "bad.csv")} line 2, column "petal_width": "oops" is not a number\n`,
    });
    const missing = await runCli([
      ...files,
      "--data",
      join(dir, "train.csv"),
      "--features",
      "sepal_length,petal_area",
    ]);
    expect(missing.err).toMatch(/petal_area/);
    const noLabel = await runCli(["find", "--model", join(dir, "iris"), "--data", join(dir, "train.csv")]);
    expect(noLabel).toMatchObject({
      code: 2,
      err: `lrkit: --label: the label column of ${join(dir, "train.csv")} is needed\n`,
    });
    const nowhere = await runCli([
      "find",
      "--model",
      join(dir, "nowhere/model.json"),
      "--data",
      join(dir, "train.csv"),
      "--label",
      "species",
      "--backend",
      "cpu",
    ]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/^lrkit: compare: .*nowhere\/model\.json/);
    writeFileSync(join(dir, "empty.mjs"), "export const x = 1;\n");
    const module = await runCli(["find", "--module", join(dir, "empty.mjs"), "--backend", "cpu"]);
    expect(module.code).toBe(2);
    expect(module.err).toContain(
      `the experiment module ${join(dir, "empty.mjs")} must export a model() function; it exports x`,
    );
  });

  it("stops at Ctrl-C (SIGINT), restores the model and writes the partial curve, exit code 130", async () => {
    const out = join(dir, "interrupted");
    const run = spawnLrkit([
      "find",
      "--module",
      join(dir, "experiment.mjs"),
      "--start",
      "1e-9",
      "--end",
      "1e-8",
      "--iterations",
      "10000", // the most a sweep may have
      "--batch",
      "8",
      "--backend",
      "cpu",
      "--json",
      "--out",
      out,
    ]);
    await run.until(() => run.output.err.includes("lr range test 1/"));
    run.child.kill("SIGINT");
    expect((await run.closed).code, run.output.err).toBe(130);
    const stdout = run.output.out;
    const report = JSON.parse(stdout);
    expect(report.stoppedBy).toBe("aborted");
    expect(report.restored).toBe(true);
    expect(report.lrs.length).toBeGreaterThan(0);
    expect(report.lrs.length).toBeLessThan(10000);
    expect(JSON.parse(readFileSync(join(out, "lr-finder.json"), "utf8")).lrs).toEqual(report.lrs);
    expect(existsSync(join(out, "lr-finder.svg"))).toBe(true);
    expect(run.output.err).toContain(
      "lrkit: interrupted: the partial curve is above; the model was restored",
    );
  }, 60_000);
});

describe("lrkit compare on your own model", () => {
  it("compares schedules on a saved model.json with CSV training and validation data, on two workers", async () => {
    const config = {
      model: "iris/model.json",
      data: { csv: "train.csv", label: "species" },
      validation: { csv: "val.csv", label: "species" },
      epochs: 2,
      batchSize: 16,
      schedules: [
        { name: "constant", spec: "constant(lr=0.01)" },
        { name: "one-cycle", spec: "oneCycle(maxLr=0.02, steps=20)", unit: "batch" },
      ],
    };
    writeFileSync(join(dir, "files.json"), JSON.stringify(config));
    const out = join(dir, "compare-files");
    const cli = await runCli([
      "compare",
      "--config",
      join(dir, "files.json"),
      "--workers",
      "2",
      "--backend",
      "cpu",
      "--json",
      "--out",
      out,
    ]);
    expect(cli.code, cli.err).toBe(0);
    const results = JSON.parse(cli.out) as CompareResults;
    expect(results.experiment).toMatchObject({
      data: "train.csv",
      validation: "val.csv",
      trainExamples: 150,
      validationExamples: 60,
      stepsPerEpoch: 10,
      classes: 3,
      optimizer: "adam",
      loss: "categoricalCrossentropy",
      metrics: ["loss", "acc", "val_loss", "val_acc"],
    });
    expect(results.machine.workers).toBe(2);
    expect(new Set(results.runs.map((r) => r.init!.weightsSha256)).size).toBe(1);
    expect(results.runs.every((r) => r.status === "completed" && r.epochs.length === 2)).toBe(true);
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).toContain("iris/model.json (a saved Layers model) on train.csv");
    // The report again from the file, validated against the schema.
    const again = await runCli(["compare", "--from", join(out, "results.json"), "--out", join(dir, "again")]);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, "again", "report.html"), "utf8")).toBe(report);
  }, 120_000);

  it("compares schedules on an experiment module, its options passed to its functions", async () => {
    const config = {
      module: "experiment.mjs",
      moduleOptions: { rows: 96 },
      epochs: 2,
      batchSize: 32,
      schedules: [
        { name: "constant", spec: "constant(lr=0.01)" },
        { name: "cosine", spec: "cosine(lr=0.02, steps=2)" },
      ],
    };
    writeFileSync(join(dir, "module.json"), JSON.stringify(config));
    const cli = await runCli([
      "compare",
      "--config",
      join(dir, "module.json"),
      "--workers",
      "1",
      "--backend",
      "cpu",
      "--json",
      "--out",
      join(dir, "compare-module"),
    ]);
    expect(cli.code, cli.err).toBe(0);
    const results = JSON.parse(cli.out) as CompareResults;
    expect(results.experiment).toMatchObject({
      model: "a small regression MLP",
      data: "a wave",
      trainExamples: 96,
      stepsPerEpoch: 3,
      metrics: ["loss"],
      headline: "loss",
      loss: "meanSquaredError",
    });
    expect(results.runs[1]!.epochs.map((e) => e.lr)).toEqual([0.02, 0.01]);
  }, 120_000);
});
