import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readResults, type FindReport } from "@lrkit/compare";
import { runCli } from "../test/runCli.js";
import { epochsIn, ROOT, spawnLrkit } from "../test/spawnLrkit.js";

// Nothing lost, nothing silently wrong: lrkit compare and find under stop signals, with an --out
// they cannot write, and with a report that fails. The signals go to the real command, started
// from the sources as `lrkit` runs (tsx), on the compare package's test module: a small classifier
// on 2,400 seeded examples, a second or so per epoch on one worker.

const MODULE = join(ROOT, "packages/compare/src/test/blobsExperiment.ts");

const dir = mkdtempSync(join(tmpdir(), "lrkit-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A compare config of two runs of `epochs` epochs on the test module; returns its path. */
function config(name: string, epochs: number): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      module: MODULE,
      moduleOptions: { n: 2400 },
      epochs,
      batchSize: 16,
      seed: 1,
      schedules: [
        { name: "constant", spec: "constant(lr=0.01)" },
        { name: "step", spec: "step(lr=0.01, stepSize=2, gamma=0.5)" },
      ],
    }),
  );
  return file;
}

/** Every epoch the progress display reported finished, as "run epoch" (from 0). */
function reportedEpochs(err: string): string[] {
  return [...err.matchAll(/^\[(\w+)\] epoch (\d+)\/\d+ lr /gm)]
    .map((m) => `${m[1]} ${Number(m[2]) - 1}`)
    .sort();
}

describe("lrkit compare keeps every finished epoch", () => {
  it.each(["SIGTERM", "SIGHUP"] as const)(
    "stops on %s as on Ctrl-C: exit code 130, and results.json holds every epoch that finished",
    async (signal) => {
      const out = join(dir, signal);
      const json = join(out, "results.json");
      const run = spawnLrkit([
        "compare",
        "--config",
        config(signal, 50),
        "--workers",
        "1",
        "--backend",
        "cpu",
        "--out",
        out,
      ]);
      await run.until(() => epochsIn(json) >= 1);
      run.child.kill(signal);
      expect(await run.closed, run.output.err).toEqual({ code: 130, signal: null });
      const results = readResults(json); // validated against the results schema
      expect(results.stopped).toBe("interrupted");
      expect(results.runs.map((r) => r.status)).toEqual(["aborted", "skipped"]);
      const kept = results.runs.flatMap((r) => r.epochs.map((e) => `${r.name} ${e.epoch}`)).sort();
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept).toEqual(reportedEpochs(run.output.err));
      expect(run.output.err).toContain(`stopping on ${signal}: the runs end before their next update`);
      expect(run.output.err).toContain(
        "lrkit: interrupted: the finished epochs are in the results and the report\n",
      );
      expect(readFileSync(join(out, "report.html"), "utf8")).toContain("<strong>Interrupted</strong>");
    },
    60_000,
  );

  it("writes results.json before the report: a report that cannot be written is reported, exit code 1", async () => {
    const out = join(dir, "report-fails");
    const json = join(out, "results.json");
    const run = spawnLrkit([
      "compare",
      "--config",
      config("report-fails", 3),
      "--workers",
      "1",
      "--backend",
      "cpu",
      "--out",
      out,
    ]);
    await run.until(() => epochsIn(json) >= 1);
    // While the runs go on, something takes the report's place.
    mkdirSync(join(out, "report.html"));
    expect(await run.closed, run.output.err).toEqual({ code: 1, signal: null });
    const results = readResults(json);
    expect(results.stopped).toBe("completed");
    expect(results.runs.map((r) => [r.name, r.status, r.epochs.length])).toEqual([
      ["constant", "completed", 3],
      ["step", "completed", 3],
    ]);
    expect(run.output.err).toMatch(
      new RegExp(
        `\nlrkit: the report ${join(out, "report.html")} could not be written \\(E[A-Z]+: [^\n]*\\); the results are in ${json} \\(lrkit compare --from ${json} --out ${out} tries again\\)\n$`,
      ),
    );
    expect(run.output.out).toMatch(/│ constant +│ +3 │/);
    expect(run.output.out).toContain(`results: ${json}\n`);
    expect(run.output.out).not.toContain("report: ");
  }, 60_000);
});

describe("lrkit compare and find check --out before any training", () => {
  const file = join(dir, "a-file");
  writeFileSync(file, "");
  const compareArgs = ["compare", "--config", config("out", 2), "--workers", "1", "--backend", "cpu"];
  const findArgs = ["find", "--module", MODULE, "--iterations", "20", "--backend", "cpu"];

  it.each([
    ["compare", compareArgs],
    ["find", findArgs],
  ])(
    "%s: an --out under a file is refused at once, with one line naming the path (exit code 2)",
    async (_, args) => {
      const out = join(file, "out");
      // No training output, no stack: only the one line.
      expect(await runCli([...args, "--out", out])).toEqual({
        code: 2,
        out: "",
        err: `lrkit: --out ${out}: cannot write there: ENOTDIR: not a directory, mkdir '${out}'\n`,
      });
    },
  );

  it.each([
    ["compare", compareArgs],
    ["find", findArgs],
  ])(
    "%s: a directory where no file can be created (sysfs, read-only even for root) is refused at once (exit code 2)",
    async (_, args) => {
      const result = await runCli([...args, "--out", "/sys"]);
      expect(result.code).toBe(2);
      expect(result.out).toBe("");
      expect(result.err).toMatch(
        /^lrkit: --out \/sys: cannot write there: E(ACCES|PERM|ROFS)\b[^\n]*'\/sys[^\n]*\n$/,
      );
    },
  );

  it("compare: a directory in the report's place is refused at once (exit code 2)", async () => {
    const out = join(dir, "taken");
    mkdirSync(join(out, "report.html"), { recursive: true });
    expect(await runCli([...compareArgs, "--out", out])).toEqual({
      code: 2,
      out: "",
      err: `lrkit: --out ${out}: cannot write there: ${join(out, "report.html")} is not a file\n`,
    });
  });
});

describe("lrkit find under a stop signal", () => {
  it("stops on SIGTERM as on Ctrl-C: the partial curve written, exit code 130", async () => {
    const out = join(dir, "find-sigterm");
    const run = spawnLrkit([
      "find",
      "--module",
      MODULE,
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
    run.child.kill("SIGTERM");
    expect(await run.closed, run.output.err).toEqual({ code: 130, signal: null });
    const report = JSON.parse(run.output.out) as { stoppedBy: string; lrs: number[] };
    expect(report.stoppedBy).toBe("aborted");
    expect(JSON.parse(readFileSync(join(out, "lr-finder.json"), "utf8")).lrs).toEqual(report.lrs);
    expect(existsSync(join(out, "lr-finder.svg"))).toBe(true);
  }, 60_000);
  it("keeps every finished sweep: lr-finder.json is written after each, so a SIGKILL loses only the sweep under way", async () => {
    // Three sweeps of 2,000 steps at lrs too small to diverge: about two seconds each.
    const out = join(dir, "find-sigkill");
    const json = join(out, "lr-finder.json");
    const run = spawnLrkit([
      "find",
      "--module",
      MODULE,
      "--seeds",
      "1,2,3",
      "--start",
      "1e-9",
      "--end",
      "1e-8",
      "--iterations",
      "2000",
      "--batch",
      "8",
      "--backend",
      "cpu",
      "--out",
      out,
    ]);
    // Written atomically: once it is there, it is whole.
    await run.until(() => existsSync(json));
    run.child.kill("SIGKILL");
    expect(await run.closed, run.output.err).toEqual({ code: null, signal: "SIGKILL" });
    const kept = JSON.parse(readFileSync(json, "utf8")) as FindReport;
    const seeds = kept.sweeps.map((s) => s.seed);
    expect([[1], [1, 2]]).toContainEqual(seeds);
    for (const s of kept.sweeps)
      expect([s.lrs.length, s.losses.length, s.smoothed.length, s.stoppedBy]).toEqual([
        2000,
        2000,
        2000,
        "end",
      ]);
    expect(kept.lrs).toEqual(kept.sweeps[0]!.lrs);
    expect(kept.iterations).toBe(2000 * seeds.length);
    expect(kept.restored).toBe(true);
    expect(existsSync(join(out, "lr-finder.svg"))).toBe(false);
  }, 60_000);
});
