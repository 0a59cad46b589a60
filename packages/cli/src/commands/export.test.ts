import {
  closedForm,
  combinators,
  compileFormula,
  coreFamilies,
  exportSchedule,
  parseSchedule,
  sample,
} from "lrkit";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";
import { streamed } from "../test/streamed.js";

describe("lrkit export", () => {
  it("prints a standalone PyTorch script whose lambda is lrkit's closed form", async () => {
    const spec = "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)";
    const { code, out, err } = await runCli(["export", spec, "--to", "pytorch", "--steps", "40"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(exportSchedule(parseSchedule(spec), "pytorch", { steps: 40 }));
    expect(out).toContain("STEPS = 40\n");
    const body = /\n {4}return (.+)\n/.exec(out)![1]!;
    expect(body).toBe(closedForm(parseSchedule(spec).spec, { steps: 40 }));
    const f = compileFormula(body, { semantics: "python" });
    expect(Array.from({ length: 40 }, (_, t) => f(t))).toEqual(Array.from(sample(parseSchedule(spec), 40)));
  });

  it("prints Optax, Keras and TypeScript code", async () => {
    const spec = "step(lr=0.1, stepSize=30)";
    for (const to of ["optax", "keras", "ts"] as const) {
      const { code, out } = await runCli(["export", spec, "--to", to]);
      expect(code).toBe(0);
      expect(out).toBe(exportSchedule(parseSchedule(spec), to));
    }
  });

  it("exports every core family and combinator to every target, presets and noise with --steps", async () => {
    const examples = [...coreFamilies, ...combinators].map((f) => f.example!);
    examples.push("d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)");
    for (const example of examples) {
      for (const to of ["pytorch", "optax", "keras", "ts"]) {
        const { code, err } = await runCli(["export", example, "--to", to, "--steps", "50"]);
        expect(err, `${example} --to ${to}`).toBe("");
        expect(code).toBe(0);
      }
    }
  });

  it("explains what is missing: a target, or --steps for a preset written as its own closure", async () => {
    const noTarget = await runCli(["export", "constant(lr=1)"]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toMatch(/required option '--to <target>' not specified/);
    const badTarget = await runCli(["export", "constant(lr=1)", "--to", "jax"]);
    expect(badTarget.code).toBe(2);
    expect(badTarget.err).toMatch(/Allowed choices are pytorch, optax, keras, ts/);
    const preset = await runCli([
      "export",
      "timm.CosineLRScheduler(lr=0.1, t_initial=30, noise_range_t=[40, 50])",
      "--to",
      "pytorch",
    ]);
    expect(preset.code).toBe(2);
    expect(preset.err).toBe(
      "lrkit: export: the preset timm.CosineLRScheduler has no closed form; pass steps (--steps N) to export its first N values as a table, or write it with core families and combinators\n",
    );
  });

  it("streams a table of 10 million values in under 200 MB, the program's end last", async () => {
    const run = await streamed([
      "export",
      "noise(cosine(lr=0.3, steps=10000000), std=0.01)",
      "--to",
      "pytorch",
      "--steps",
      "10000000",
    ]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.lines).toBeGreaterThan(2_000_000); // about 4 values a line
    expect(run.tail.endsWith("    scheduler.step()\nprint(json.dumps(lrs))\n")).toBe(true);
    expect(run.peakMb).toBeLessThan(200);
  }, 180_000);

  it("refuses a table of values longer than 100,000,000 steps, and only a table", async () => {
    const noise = await runCli([
      "export",
      "noise(cosine(lr=0.3, steps=100), std=0.01)",
      "--to",
      "pytorch",
      "--steps",
      "1000000000",
    ]);
    expect(noise).toEqual({
      code: 2,
      out: "",
      err: "lrkit: export: --steps must be at most 100,000,000 (this schedule is exported as a table of its values), got 1,000,000,000\n",
    });
    // A closed form with too many cycles over those steps falls back to a table too.
    const cycles = await runCli([
      "export",
      "sgdr(lr=0.3, period=1, periodMult=1.0001, minLr=0.01)",
      "--to",
      "keras",
      "--steps",
      "200000000",
    ]);
    expect(cycles.code).toBe(2);
    expect(cycles.err).toMatch(
      /^lrkit: export: --steps must be at most 100,000,000 \(this schedule is exported as a table/,
    );
    // A closed form runs any number of steps: only STEPS changes.
    const closed = await runCli([
      "export",
      "cosine(lr=0.3, steps=100)",
      "--to",
      "pytorch",
      "--steps",
      "1000000000",
    ]);
    expect(closed.code).toBe(0);
    expect(closed.out).toContain("STEPS = 1000000000\n");
  });
});
