import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Table from "cli-table3";
import { fromSpec, parseSchedule, registry, sample } from "lrkit";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";
import { bin, streamed } from "../test/streamed.js";

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
    const out = execFileSync(
      process.execPath,
      [bin, "sample", "constant(lr=0.25)", "--steps", "2", "--json"],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual([0.25, 0.25]);
  });

  it("prints the table cli-table3 printed, its columns as wide as the longest step and value", async () => {
    // NaN before t = 3, -Infinity at 3; steps 95..104 cross from two digits to three.
    const spec = 'formula("log(t - 3) / 10")';
    const { code, out } = await runCli(["sample", spec, "--steps", "10", "--start", "95"]);
    expect(code).toBe(0);
    const before = new Table({ head: ["step", "lr"], style: { head: [], border: [], compact: true } });
    sample(parseSchedule(spec), 10, 95).forEach((v, i) => before.push([95 + i, String(v)]));
    expect(out).toBe(`${before.toString()}\n`);
    const nan = await runCli(["sample", spec, "--steps", "5"]);
    expect(nan.out).toMatch(/│ 2 {4}│ NaN +│\n│ 3 {4}│ -Infinity │\n│ 4 {4}│ 0 +│/);
  });

  it("refuses sizes it cannot serve with one line naming the option, the limit and the value", async () => {
    const huge = await runCli(["sample", "constant(lr=1)", "--steps", "1e12"]);
    expect(huge).toEqual({
      code: 2,
      out: "",
      err: "lrkit: sample: --steps must be at most 1,000,000,000 (a billion rows already take 5 to 25 minutes), got 1,000,000,000,000\n",
    });
    const late = await runCli(["sample", "constant(lr=1)", "--steps", "3", "--start", String(2 ** 53 - 2)]);
    expect(late.code).toBe(2);
    expect(late.err).toBe(
      "lrkit: sample: --start must be at most 9,007,199,254,740,989 (the last step must stay below 2^53), got 9,007,199,254,740,990\n",
    );
    const inexact = await runCli(["sample", "constant(lr=1)", "--steps", "3", "--start", "1e300"]);
    expect(inexact.code).toBe(2);
    expect(inexact.err.split("\n")[0]).toBe(
      `error: option '--start <t>' argument '1e300' is invalid. expected a non-negative integer up to 9007199254740991, got "1e300"`,
    );
    const zero = await runCli(["sample", "constant(lr=1)", "--steps", "0"]);
    expect(zero.err.split("\n")[0]).toMatch(/argument '0' is invalid. expected a positive integer up to/);
  });

  it("streams 10 million rows as a table and as JSON, in under 200 MB", async () => {
    const spec = "cosine(lr=0.3, steps=10000000)";
    const table = await streamed(["sample", spec, "--steps", "10000000"]);
    expect(table.err).toBe("");
    expect(table.code).toBe(0);
    expect(table.lines).toBe(10_000_000 + 4);
    const last = String(parseSchedule(spec)(9_999_999)).replace(/\./g, "\\.");
    expect(table.tail).toMatch(new RegExp(`\\n│ 9999999 │ ${last} +│\\n└─{9}┴─+┘\\n$`));
    expect(table.peakMb).toBeLessThan(200);
    const json = await streamed(["sample", spec, "--steps", "10000000", "--json"]);
    expect(json.code).toBe(0);
    expect(json.tail.endsWith(`,${parseSchedule(spec)(9_999_999)}]\n`)).toBe(true);
    expect(json.peakMb).toBeLessThan(200);
  }, 180_000);

  it("ends quietly, with exit code 0, when the reader stops reading (| head)", async () => {
    const run = await streamed(["sample", "cosine(lr=0.3, steps=10000000)", "--steps", "10000000"], 100_000);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.lines).toBeLessThan(1_000_000);
  });
});
