import { lint, parseSchedule } from "lrkit";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

const BLOG_LAMBDA = "recipes.warm_up_cosine_lr_scheduler(lr=1e-4, warm_up_epochs=30, eta_min=1e-9)";

describe("lrkit lint", () => {
  it("prints each diagnostic with its fix, and exits 0 when nothing is an error", async () => {
    const { code, out, err } = await runCli(["lint", BLOG_LAMBDA, "--steps", "100", "--unit", "epoch"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^warning start-near-zero \(step 0\)\n {2}lr at step 0 is 1e-13, 1e-9 of the peak/);
    expect(out).toMatch(/\n {2}fix: Start the ramp at a fraction of the peak/);
    expect(out.endsWith("\n1 problem (1 warning)\n")).toBe(true);
    const clean = await runCli([
      "lint",
      "recipes.WarmupCosineLR(lr_min=1e-9, lr_max=1e-3, warm_up=5, T_max=100)",
      "-n",
      "100",
    ]);
    expect(clean).toEqual({ code: 0, out: "no problems found\n", err: "" });
  });

  it("prints a JSON array of {code, severity, step, message, fix} with --json, as lint() returns it", async () => {
    const spec = "oneCycle(maxLr=0.1, steps=100)";
    const { code, out, err } = await runCli(["lint", spec, "--steps", "120", "--json"]);
    const ds = JSON.parse(out) as unknown[];
    expect(ds).toEqual(lint(parseSchedule(spec), { steps: 120 }));
    expect(ds).toHaveLength(1);
    expect(Object.keys(ds[0] as object)).toEqual(["code", "severity", "step", "message", "fix"]);
    expect(code).toBe(1);
    expect(err).toBe("lrkit: lint found 1 error\n");
    const none = await runCli(["lint", "constant(lr=0.1)", "--steps", "10", "--json"]);
    expect(none).toEqual({ code: 0, out: "[]\n", err: "" });
  });

  it("takes the plan's unit, steps per epoch and epochs", async () => {
    const { code, out } = await runCli([
      "lint",
      "cosine(lr=0.1, steps=100, minLr=0.001)",
      "--steps",
      "39000",
      "--steps-per-epoch",
      "390",
      "--epochs",
      "100",
      "--json",
    ]);
    expect(code).toBe(1);
    expect((JSON.parse(out) as { code: string }[]).map((d) => d.code)).toEqual(["horizon-in-epochs"]);
  });

  it("rejects a missing --steps, a bad unit and an inconsistent plan with exit code 2", async () => {
    expect((await runCli(["lint", "constant(lr=1)"])).code).toBe(2);
    expect((await runCli(["lint", "constant(lr=1)", "-n", "5", "--unit", "week"])).code).toBe(2);
    const inconsistent = await runCli([
      "lint",
      "constant(lr=1)",
      "-n",
      "5",
      "--steps-per-epoch",
      "2",
      "--epochs",
      "3",
    ]);
    expect(inconsistent.code).toBe(2);
    expect(inconsistent.err).toBe(
      'lrkit: lint: steps must equal epochs * stepsPerEpoch (6) when unit is "batch", got 5\n',
    );
  });

  it("refuses more steps than it can hold, with one line naming --steps and the limit", async () => {
    const huge = await runCli(["lint", "constant(lr=0.1)", "--steps", "1e9"]);
    expect(huge).toEqual({
      code: 2,
      out: "",
      err: "lrkit: lint: --steps must be at most 100,000,000 (lint holds every step's value in memory), got 1,000,000,000\n",
    });
  });
});
