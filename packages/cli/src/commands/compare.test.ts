import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSchedule } from "lrkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompareResults } from "@lrkit/compare";
import { runCli } from "../test/runCli.js";

// Two schedules, 300 training and 100 test images, 2 epochs of an MLP: a few seconds, on two real
// worker threads (started from the sources through tsx, see experiment/startWorker.ts).
const CONFIG = {
  model: "mlp",
  data: "fashion-mnist",
  trainSize: 300,
  testSize: 100,
  epochs: 2,
  batchSize: 64,
  optimizer: "sgd",
  seed: 3,
  schedules: [
    { name: "step <per epoch>", spec: "multiStep(lr=0.2, milestones=[1], gamma=0.1)" },
    {
      name: "cosine & batch",
      spec: { type: "cosine", lr: 0.3, steps: 10, minLr: 0.01 },
      unit: "batch",
      note: 'a "note" with <markup>',
    },
  ],
};

describe("lrkit compare --config", () => {
  let dir: string;
  let cli: Awaited<ReturnType<typeof runCli>>;
  let results: CompareResults;
  let report: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lrkit-compare-"));
    writeFileSync(join(dir, "config.json"), JSON.stringify(CONFIG));
    cli = await runCli([
      "compare",
      "--config",
      join(dir, "config.json"),
      "--workers",
      "2",
      "--out",
      join(dir, "out"),
      "--json",
    ]);
    if (cli.code !== 0) throw new Error(cli.err);
    results = JSON.parse(cli.out) as CompareResults;
    report = readFileSync(join(dir, "out", "report.html"), "utf8");
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0, prints the results JSON on stdout and writes the same to results.json", () => {
    expect(cli.code, cli.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"))).toEqual(results);
    expect(Object.keys(results)).toEqual([
      "format",
      "experiment",
      "runs",
      "machine",
      "finder",
      "stopped",
      "command",
    ]);
    expect(results.command).toBe(`lrkit compare --config ${join(dir, "config.json")}`);
    expect(results.stopped).toBe("completed");
    expect(results.finder).toBeNull();
    expect(results.experiment).toEqual({
      model: "an MLP, 784-256-10 (seed 3)",
      data: "Fashion-MNIST",
      validation: "Fashion-MNIST's test split",
      trainExamples: 300,
      validationExamples: 100,
      classes: 10,
      epochs: 2,
      batchSize: 64,
      stepsPerEpoch: 5,
      optimizer: "sgd",
      loss: "softmaxCrossEntropy",
      seed: 3,
      metrics: ["loss", "acc", "val_loss", "val_acc"],
      headline: "val_acc",
      notes: [],
    });
    expect(results.machine.workers).toBe(2);
    expect(results.runs.map((r) => r.name)).toEqual(["step <per epoch>", "cosine & batch"]);
  });

  it("records every epoch of every run with its lr, logged values and time", () => {
    expect(results.runs.map((r) => [r.name, r.unit, r.status])).toEqual([
      ["step <per epoch>", "epoch", "completed"],
      ["cosine & batch", "batch", "completed"],
    ]);
    for (const run of results.runs) {
      expect(run.epochs.map((e) => e.epoch)).toEqual([0, 1]);
      for (const e of run.epochs) {
        expect(Object.keys(e.metrics)).toEqual(["loss", "acc", "val_loss", "val_acc"]);
        expect(e.metrics.loss).toBeGreaterThan(0);
        expect(e.metrics.acc).toBeGreaterThanOrEqual(0);
        expect(e.metrics.val_acc).toBeLessThanOrEqual(1);
        expect(e.seconds).toBeGreaterThan(0);
      }
      expect(run.final).toMatchObject({ epochs: 2, metrics: run.epochs[1]!.metrics });
    }
  });

  it("sets the lr per epoch (s(e)) or per update (the epoch's last update is s(5e + 4))", () => {
    const step = parseSchedule(CONFIG.schedules[0]!.spec as string);
    expect(results.runs[0]!.epochs.map((e) => e.lr)).toEqual([step(0), step(1)]);
    expect(results.runs[0]!.epochs.map((e) => e.lr)).toEqual([0.2, 0.020000000000000004]);
    const cos = parseSchedule(JSON.stringify(CONFIG.schedules[1]!.spec));
    expect(results.runs[1]!.epochs.map((e) => e.lr)).toEqual([cos(4), cos(9)]);
  });

  it("starts every run from the same weights and the same first batch", () => {
    const [a, b] = results.runs.map((r) => r.init!);
    expect(a!.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b!.weightsSha256).toBe(a!.weightsSha256);
    expect(a!.parameters).toBe(784 * 256 + 256 + 256 * 10 + 10);
    expect(b!.firstBatchLoss).toBe(a!.firstBatchLoss);
  });

  it("lints each schedule against its own plan", () => {
    // cosine over 10 updates of a 10-update plan, and a step at epoch 1 of 2: nothing to say.
    expect(results.runs.map((r) => r.lint)).toEqual([[], []]);
  });

  it("writes a self-contained report with every run's chart and table row, escaped", () => {
    expect(report.startsWith("<!doctype html>")).toBe(true);
    for (const name of ["step &lt;per epoch&gt;", "cosine &amp; batch"]) {
      expect(report).toContain(`<tr class="run-row" data-run="${name}">`);
      expect(report).toMatch(new RegExp(`<title id="[^"]+">\\d\\. ${name}</title>`));
    }
    expect(report).toContain("<title id");
    expect(report).toContain("a &quot;note&quot; with &lt;markup&gt;");
    expect(report).not.toContain("<markup>");
    expect(report).not.toMatch(/https?:\/\//);
    expect(report).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(report.match(/\s(?:src|href)="([^"]*)"/g)?.every((a) => /="#/.test(a)) ?? true).toBe(true);
    // The schedules chart, two comparison charts and one chart per run.
    expect(report.match(/<svg /g)).toHaveLength(5);
  });

  it("writes the same report again from results.json with --from, without training", async () => {
    const out = join(dir, "from");
    const { code, out: text } = await runCli([
      "compare",
      "--from",
      join(dir, "out", "results.json"),
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(text).toBe(`report: ${join(out, "report.html")}\n`);
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe(report);
    const bad = await runCli(["compare", "--from", join(dir, "config.json")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      `lrkit: ${join(dir, "config.json")} is not a results file of lrkit compare (lrkit-compare-results/1): $.format: missing (expected "lrkit-compare-results/1") (and 6 more problems)\n`,
    );
    // A results file edited by hand: the problem named by its path (more in compareFrom.test.ts).
    const edited = structuredClone(results) as unknown as { runs: { epochs: { lr: unknown }[] }[] };
    edited.runs[1]!.epochs[0]!.lr = "fast";
    writeFileSync(join(dir, "edited.json"), JSON.stringify(edited));
    const wrong = await runCli(["compare", "--from", join(dir, "edited.json")]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe(
      `lrkit: ${join(dir, "edited.json")} is not a results file of lrkit compare (lrkit-compare-results/1): $.runs[1].epochs[0].lr: expected number, got "fast"\n`,
    );
  });

  it("prints the summary table and the paths without --json; --epochs overrides the config's", async () => {
    const out = join(dir, "again");
    const {
      code,
      out: text,
      err,
    } = await runCli([
      "compare",
      "--config",
      join(dir, "config.json"),
      "--epochs",
      "1",
      "--workers",
      "1",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(text).toMatch(/step <per epoch> +│ +1 │/);
    expect(text).toMatch(/│ run +│ epochs │ +loss │ +acc │ val_loss │ val_acc │ time │ lint +│/);
    expect(text).toContain(`report: ${join(out, "report.html")}`);
    expect(err).toContain("[cosine & batch] epoch 1/1 lr ");
    const again = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as CompareResults;
    expect(again.experiment.notes).toEqual([
      "--epochs 1 overrides the config's 2; the schedules are unchanged.",
    ]);
    expect(again.machine.workers).toBe(1);
    // The same seed gives the same first epoch, whatever the worker.
    expect(again.runs[0]!.epochs[0]!.metrics.loss).toBe(results.runs[0]!.epochs[0]!.metrics.loss);
  }, 120_000);
});
