import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromSpec, parseSchedule, registry, sample } from "lrkit";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

describe("lrkit sample", () => {
  it("prints a JSON array of the values for t = 0..N-1 in full double precision", async () => {
    const { code, out } = await runCli([
      "sample",
      "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)",
      "--steps",
      "31",
      "--json",
    ]);
    expect(code).toBe(0);
    const values = JSON.parse(out) as number[];
    const expected = Array.from(
      sample(
        fromSpec({ type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 25, minLr: 0.01 }, steps: 5 }),
        31,
      ),
    );
    expect(values).toEqual(expected);
  });

  it("takes JSON and @file specs, and prints a table without --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lrkit-"));
    const file = join(dir, "spec.json");
    writeFileSync(file, JSON.stringify({ type: "step", lr: 0.1, stepSize: 2, gamma: 0.5 }));
    const fromFile = await runCli(["sample", `@${file}`, "-n", "4", "--json"]);
    expect(JSON.parse(fromFile.out)).toEqual([0.1, 0.1, 0.05, 0.05]);
    const fromJson = await runCli(["sample", '{"type": "constant", "lr": 0.5}', "-n", "2", "--start", "10"]);
    expect(fromJson.out).toMatch(/│ 10 +│ 0\.5 +│\n│ 11 +│ 0\.5 +│/);
  });

  it("exits non-zero with the spec error on stderr", async () => {
    const bad = await runCli(["sample", "cosine(lr=0.3, steps=0)", "--steps", "3", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toBe(
      "lrkit: spec error at $.steps (line 1, column 22): cosine: steps must be a positive number, got 0\n",
    );
    const missing = await runCli(["sample", "@/nonexistent/spec.json", "--steps", "3"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^lrkit: cannot read spec file \/nonexistent\/spec.json: ENOENT/);
    const noSteps = await runCli(["sample", "constant(lr=1)"]);
    expect(noSteps.code).toBe(2);
    expect(noSteps.err).toMatch(/required option '-n, --steps <n>' not specified/);
    const badSteps = await runCli(["sample", "constant(lr=1)", "--steps", "-3"]);
    expect(badSteps.code).toBe(2);
  });

  it("works for every family, combinator and preset: each registered example samples as the library does", async () => {
    const listed = (await runCli(["types"])).out;
    for (const family of registry.values()) {
      expect(listed).toContain(`${family.type}(`);
      const { code, out, err } = await runCli(["sample", family.example, "--steps", "60", "--json"]);
      expect(err, family.type).toBe("");
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual(Array.from(sample(parseSchedule(family.example), 60)));
    }
  });

  it("runs as the built executable", () => {
    const bin = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
    const out = execFileSync(
      process.execPath,
      [bin, "sample", "constant(lr=0.25)", "--steps", "2", "--json"],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual([0.25, 0.25]);
  });
});
