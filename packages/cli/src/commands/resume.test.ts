import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readResults, type CompareResults } from "@lrkit/compare";
import { runCli } from "../test/runCli.js";
import { epochsIn, ROOT, spawnLrkit } from "../test/spawnLrkit.js";

// lrkit compare --resume: the real command, stopped by SIGINT mid-run, continued from its
// checkpoints, ends with the numbers of the compare never interrupted. Started from the sources as
// `lrkit` runs (tsx), on the compare package's test module (a small classifier on seeded blobs).

const MODULE = join(ROOT, "packages/compare/src/test/blobsExperiment.ts");

const dir = mkdtempSync(join(tmpdir(), "lrkit-resume-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = join(dir, "config.json");
writeFileSync(
  CONFIG,
  JSON.stringify({
    module: MODULE,
    moduleOptions: { n: 480 },
    epochs: 5,
    batchSize: 16,
    seed: 1,
    optimizer: "momentum",
    optimizerOptions: { momentum: 0.9 },
    schedules: [
      { name: "constant", spec: "constant(lr=0.01)" },
      { name: "cosine", spec: "cosine(lr=0.02, steps=150)", unit: "batch" },
      { name: "step", spec: "step(lr=0.02, stepSize=2, gamma=0.5)" },
    ],
  }),
);

/** `lrkit <args>`, in a process of its own; `stop` says when to send it SIGINT. */
async function lrkit(args: readonly string[], stop?: () => boolean) {
  const run = spawnLrkit(args);
  if (stop) {
    // Signalled even when it ended first (the signal then does nothing).
    await run.until(stop).catch(() => undefined);
    run.child.kill("SIGINT");
  }
  return { code: (await run.closed).code, err: run.output.err };
}

/** What must be the same: every epoch's lr and values, the start, the final figures; no timings. */
const numbers = (r: CompareResults) =>
  r.runs.map((run) => ({
    name: run.name,
    status: run.status,
    epochs: run.epochs.map((e) => ({ epoch: e.epoch, lr: e.lr, metrics: e.metrics })),
    init: run.init,
    final: run.final && { epochs: run.final.epochs, metrics: run.final.metrics, best: run.final.best },
  }));

const base = ["--workers", "2", "--backend", "cpu"];

describe("lrkit compare --resume", () => {
  it("continues a compare stopped by SIGINT, a damaged checkpoint passed over, to the numbers of the compare never stopped", async () => {
    const whole = join(dir, "whole");
    const cut = join(dir, "cut");
    const [straight, stopped] = await Promise.all([
      lrkit(["compare", "--config", CONFIG, "--workers", "1", "--backend", "cpu", "--out", whole]),
      lrkit(
        ["compare", "--config", CONFIG, ...base, "--out", cut],
        () => epochsIn(join(cut, "results.json")) >= 4,
      ),
    ]);
    expect(straight.code, straight.err).toBe(0);
    expect(stopped.code, stopped.err).toBe(130);
    expect(existsSync(join(whole, "checkpoints"))).toBe(false);
    const partial = readResults(join(cut, "results.json"));
    expect(partial.stopped).toBe("interrupted");
    // The newest checkpoint of the first run is damaged on disk.
    const folder = join(cut, "checkpoints", "constant");
    const newest = readdirSync(folder).sort().at(-1)!;
    const bytes = readFileSync(join(folder, newest));
    bytes[100]! ^= 0xff;
    writeFileSync(join(folder, newest), bytes);

    const resumed = await lrkit(["compare", "--resume", cut, ...base]);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toContain("continuing 3 runs of 5 epochs");
    const done = readResults(join(cut, "results.json"));
    const full = readResults(join(whole, "results.json"));
    expect(done.stopped).toBe("completed");
    expect(numbers(done)).toEqual(numbers(full));
    const constant = done.runs[0]!;
    expect(constant.damagedCheckpoints).toEqual([
      {
        epoch: Number(/\d+/.exec(newest)![0]),
        reason: "not a valid checkpoint: its SHA-256 does not match its content (damaged)",
      },
    ]);
    expect(constant.resumedFrom).toBe(Number(/\d+/.exec(newest)![0]) - 1);
    expect(done.command).toBe(`lrkit compare --config ${CONFIG}`);
    expect(existsSync(join(cut, "checkpoints"))).toBe(false);
    expect(existsSync(join(cut, "compare-resume.json"))).toBe(false);
  }, 120_000);

  it("refuses a directory with nothing to resume, and the options of a new compare", async () => {
    const empty = join(dir, "empty");
    const none = await runCli(["compare", "--resume", empty]);
    expect(none.code).toBe(2);
    expect(none.err).toContain(`lrkit: --resume ${empty}: no interrupted compare there (`);
    const both = await runCli(["compare", "--resume", empty, "--epochs", "3"]);
    expect(both.err).toBe(
      "lrkit: --resume continues a compare as it was started: give --epochs to a new compare, not with --resume\n",
    );
  });

  it("refuses a --halving it cannot read, naming the syntax", async () => {
    const bad = await runCli(["compare", "--config", CONFIG, "--halving", "minEpochs=0"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      `option '--halving <params>' argument 'minEpochs=0' is invalid. expected minEpochs=<positive integer>[,eta=<number above 1>], got "minEpochs=0"`,
    );
  });
});
