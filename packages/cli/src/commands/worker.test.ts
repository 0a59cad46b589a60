import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults } from "@lrkit/compare";
import { redisMissing, startRedis, type TestRedis } from "../../../compare/src/test/redis.js";
import { runCli } from "../test/runCli.js";
import { ROOT, spawnLrkit } from "../test/spawnLrkit.js";

// lrkit compare --queue and lrkit worker, the real commands on a private redis-server: an
// unreachable queue, and a worker whose experiment differs from the coordinator's (its module file
// changed), refused with both hashes while a worker with the same files trains the runs (both at
// once: --concurrency 2) to the numbers of a compare on worker threads.

const BLOBS = pathToFileURL(join(ROOT, "packages/compare/src/test/blobsExperiment.ts")).href;

const dir = mkdtempSync(join(tmpdir(), "lrkit-worker-"));
const moduleFile = join(dir, "experiment.mjs");
const MODULE_TEXT = `export * from ${JSON.stringify(BLOBS)};\n`;
const config = join(dir, "experiment.json");
writeFileSync(moduleFile, MODULE_TEXT);
writeFileSync(
  config,
  JSON.stringify({
    module: "experiment.mjs",
    moduleOptions: { n: 480 },
    epochs: 2,
    batchSize: 16,
    seed: 1,
    schedules: [
      { name: "constant", spec: "constant(lr=0.01)" },
      { name: "step", spec: "step(lr=0.02, stepSize=1, gamma=0.5)" },
    ],
  }),
);

const missing = redisMissing();
let server: TestRedis;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lrkit compare --queue and lrkit worker, on a queue where nothing answers", () => {
  it("fail at once with one line naming the URL (exit 2)", async () => {
    const url = "redis://127.0.0.1:1";
    const compare = await runCli(["compare", "--config", config, "--queue", url, "--out", join(dir, "none")]);
    expect(compare.code).toBe(2);
    expect(compare.err).toMatch(
      /^lrkit: cannot reach the queue at redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1 \(is redis-server running there\?\)$/m,
    );
    const worker = await runCli(["worker", "--queue", url]);
    expect(worker).toEqual({
      code: 2,
      out: "",
      err: compare.err.slice(compare.err.indexOf("lrkit: cannot")),
    });
  });
});

describe.skipIf(missing !== null)(
  `lrkit worker on a real queue${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    beforeAll(async () => {
      server = await startRedis();
    });
    afterAll(async () => {
      await server?.close();
    });

    it("refuses a comparison whose experiment differs from its own, with both hashes; a worker with the same files trains it as worker threads do", async () => {
      const out = join(dir, "out");
      const coordinator = runCli([
        "compare",
        "--config",
        config,
        "--queue",
        server.url,
        "--out",
        out,
        "--backend",
        "cpu",
      ]);
      // Once the comparison is enqueued (its hash taken), this machine's module changes.
      const redis = new Redis(server.url);
      while ((await redis.keys("lrkit:compare:*:weights")).length === 0)
        await new Promise((r) => setTimeout(r, 50));
      redis.disconnect();
      appendFileSync(moduleFile, "// changed\n");
      const refusing = spawnLrkit(["worker", "--queue", server.url]);
      expect((await refusing.closed).code).toBe(2);
      const refusal =
        /^lrkit: this worker's experiment differs from the coordinator's: its hash is ([0-9a-f]{64}), the coordinator's ([0-9a-f]{64}) \(every machine needs the same module, model\.json and CSV files at the same paths\)$/m.exec(
          refusing.output.err,
        );
      expect(refusal, refusing.output.err).not.toBeNull();
      expect(refusal![1]).not.toBe(refusal![2]);

      writeFileSync(moduleFile, MODULE_TEXT);
      const worker = spawnLrkit([
        "worker",
        "--queue",
        server.url,
        "--lock-seconds",
        "2",
        "--concurrency",
        "2",
      ]);
      try {
        const done = await coordinator;
        expect(done.code, done.err).toBe(0);
        expect(done.err).toContain(`refused the runs: ${refusal![0].slice("lrkit: ".length)}`);
        expect(done.err).toContain(`the runs go to the queue at ${server.url}`);
        const results = readResults(join(out, "results.json"));
        expect(results.runs.map((r) => [r.status, r.epochs.length])).toEqual([
          ["completed", 2],
          ["completed", 2],
        ]);
        expect(results.command).toContain(`--queue ${server.url}`);
        expect(readFileSync(join(out, "report.html"), "utf8")).toContain("step");
        // Both runs at once in the one worker process: the numbers of a compare on worker threads.
        const local = await runCli([
          "compare",
          "--config",
          config,
          "--out",
          join(dir, "local"),
          "--backend",
          "cpu",
        ]);
        expect(local.code, local.err).toBe(0);
        const numbers = (file: string) =>
          readResults(file).runs.map((r) => ({
            init: r.init,
            epochs: r.epochs.map((e) => [e.lr, e.metrics]),
          }));
        expect(numbers(join(out, "results.json"))).toEqual(numbers(join(dir, "local", "results.json")));
      } finally {
        worker.child.kill("SIGTERM");
      }
      expect((await worker.closed).code).toBe(0);
      expect(worker.output.err).toMatch(/: constant done \(2 epochs\)$/m);
      // Stopped on purpose: its own disconnection is no lost connection.
      expect(worker.output.err).not.toContain("lost the connection");
      // Both runs taken before either ended.
      const lines = worker.output.err.split("\n");
      const taken = lines.flatMap((l, i) => (/ \(run \d, comparison /.test(l) ? [i] : []));
      expect(taken).toHaveLength(2);
      expect(taken[1]).toBeLessThan(lines.findIndex((l) => / done \(/.test(l)));
    }, 120_000);
  },
);
