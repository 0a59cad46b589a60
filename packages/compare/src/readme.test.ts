import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readResults } from "./results/files.js";

// The README's "Your own model" example, run as a user would paste it: the first TypeScript block
// of that section, in a file of its own (under node_modules/.cache, so that its imports resolve as
// in a user's project), run by tsx in a fresh process.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(ROOT, "node_modules/.cache/lrkit-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ownModelBlock(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Your own model\n"));
  const block = /```ts\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error("README.md: no TypeScript block under ## Your own model");
  return block[1]!;
}

describe("the README's own-model example", () => {
  it("runs as written: the range test, a fit stretched by horizon fit, a compare with its report", () => {
    writeFileSync(join(dir, "own-model.mts"), ownModelBlock());
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=@lrkit/source", "own-model.mts"],
      {
        cwd: dir,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^recommended lr [\d.e-]+ \(\w+\), stopped by (divergence|end)$/m);
    // Ten epochs of 25 updates (800 examples after the validation split, batch 32): the stretched
    // cosine ends at the run's last update, not before.
    const lrs = /^lr per epoch: (.*)$/m.exec(run.stdout)![1]!.split(", ").map(Number);
    expect(lrs).toHaveLength(10);
    expect(lrs[9]!).toBeLessThan(0.01 * Math.max(...lrs));
    expect(lrs[8]!).toBeGreaterThan(lrs[9]!);
    expect(readFileSync(join(dir, "lr-finder.svg"), "utf8")).toContain("(recommended)");
    const results = readResults(join(dir, "my-report", "results.json"));
    expect(results.runs.map((r) => [r.name, r.status])).toEqual([
      ["constant", "completed"],
      ["warmup + cosine", "completed"],
      ["one-cycle", "completed"],
    ]);
    expect(results.experiment.metrics).toEqual(["loss", "acc", "val_loss", "val_acc"]);
    expect(results.runs.every((r) => r.lint.length === 0)).toBe(true);
    expect(existsSync(join(dir, "my-report", "report.html"))).toBe(true);
  }, 150_000);
});
