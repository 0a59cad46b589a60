import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

describe("lrkit find", () => {
  it("runs the range test on a real model and prints the curve, the suggestions and the recommendation as JSON", async () => {
    const out = mkdtempSync(join(tmpdir(), "lrkit-find-"));
    const args = [
      "find",
      "--model",
      "mlp",
      "--batch",
      "32",
      "--start",
      "1e-4",
      "--end",
      "100",
      "--iterations",
      "60",
    ];
    const { code, out: stdout, err } = await runCli([...args, "--backend", "cpu", "--json", "--out", out]);
    expect(code, err).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & {
      lrs: number[];
      losses: number[];
      smoothed: number[];
      suggestions: Record<string, number | null>;
      recommended: string;
      recommendedLr: number;
    };
    for (const key of [
      "lrs",
      "losses",
      "smoothed",
      "stoppedBy",
      "suggestions",
      "recommended",
      "agreement",
      "restored",
    ]) {
      expect(report, key).toHaveProperty(key);
    }
    expect(report.restored).toBe(true);
    expect(report.lrs[0]).toBe(1e-4);
    expect(report.losses).toHaveLength(report.lrs.length);
    expect(report.recommendedLr).toBe(report.suggestions[report.recommended]);
    expect(Object.keys(report.suggestions)).toEqual([
      "valley",
      "steepest",
      "slide",
      "minimum",
      "ruleOfThumb",
    ]);
    const svg = readFileSync(join(out, "lr-finder.svg"), "utf8");
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    expect(svg).toContain(`${report.recommended} (recommended):`);
    expect(existsSync(join(out, "lr-finder.json"))).toBe(true);
    expect(err).toMatch(/lr range test \d+\/60/);
  });

  it("prints a readable summary without --json", async () => {
    const { code, out } = await runCli([
      "find",
      "--model",
      "mlp",
      "--batch",
      "32",
      "--iterations",
      "30",
      "--backend",
      "cpu",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^\d+ steps in [\d.]+ s on cpu, stopped by (end|divergence); the model was restored\./,
    );
    expect(out).toMatch(/valley .*\n.*steepest/s);
    expect(out).toContain("oneCycle: oneCycle(maxLr=");
  });

  it("rejects an unknown model and bad options with a clear message", async () => {
    const model = await runCli(["find", "--model", "resnet"]);
    expect(model.code).toBe(2);
    expect(model.err).toBe(
      'lrkit: model: a bundled model (lenet, mlp) or the path of a saved model\'s model.json, got "resnet"\n',
    );
    const smoothing = await runCli(["find", "--model", "mlp", "--smoothing", "median", "--backend", "cpu"]);
    expect(smoothing.code).toBe(2);
    expect(smoothing.err).toBe(
      'lrkit: rangeTest: smoothing must be one of "ema", "runningMean", got "median"\n',
    );
  });
});

describe("lrkit find refuses sizes it cannot serve, in one line", () => {
  const MODULE = fileURLToPath(new URL("../../../compare/src/test/blobsExperiment.ts", import.meta.url));
  const why = "each sweep's curve is kept, written and plotted";

  it.each([
    [["--iterations", "2147483647"], `find: --iterations must be at most 10,000 (${why}), got 2,147,483,647`],
    [
      ["--seeds", Array.from({ length: 101 }, (_, i) => i).join(",")],
      "find: the number of --seeds must be at most 100 (one sweep each), got 101",
    ],
  ])("%j: before anything is loaded (exit code 2)", async (args, message) => {
    // A model that does not exist: the limit is checked before it is looked for.
    expect(await runCli(["find", "--model", "missing/model.json", ...args])).toEqual({
      code: 2,
      out: "",
      err: `lrkit: ${message}\n`,
    });
  });

  it("counts the steps --multiplier makes from the start to the end, before the sweep (exit code 2)", async () => {
    // ln(10 / 1e-5) / ln(1.0001) = 138,162.6: the lr reaches 10 at the 138,163rd step.
    const args = ["find", "--module", MODULE, "--start", "1e-5", "--end", "10", "--backend", "cpu"];
    expect(await runCli([...args, "--multiplier", "1.0001"])).toEqual({
      code: 2,
      out: "",
      err: `lrkit: find: the steps of --multiplier 1.0001 from 0.00001 to 10 must be at most 10,000 (${why}), got 138,163\n`,
    });
  });
});
