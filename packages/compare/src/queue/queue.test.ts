import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { compareSchedules, type CompareOptions } from "../compareSchedules.js";
import type { CompareResults } from "../results/schema.js";
import { redisMissing, startRedis, type TestRedis } from "../test/redis.js";

// compareSchedules on a real Redis queue with real worker processes: the same numbers as the
// worker threads, also when a worker is killed mid-run (its run continues elsewhere from its
// checkpoint). The test module's blobs: 960 examples, 60 updates an epoch, well under a second.

const MODULE = new URL("../test/blobsExperiment.ts", import.meta.url).href;
const WORKER = fileURLToPath(new URL("../test/queueWorker.ts", import.meta.url));
const OPTIONS: CompareOptions = {
  module: MODULE,
  moduleOptions: { n: 960 },
  schedules: [
    { name: "constant", schedule: "constant(lr=0.01)" },
    { name: "step", schedule: "step(lr=0.02, stepSize=2, gamma=0.5)" },
    { name: "cosine per update", schedule: "cosine(lr=0.02, steps=240)", unit: "batch" },
  ],
  epochs: 4,
  batchSize: 16,
  seed: 3,
  backend: "cpu",
};

/** What must be equal between two compares of the same experiment: all but timings. */
const numbers = (r: CompareResults) =>
  r.runs.map((run) => ({
    name: run.name,
    status: run.status,
    init: run.init,
    epochs: run.epochs.map((e) => ({ epoch: e.epoch, lr: e.lr, metrics: e.metrics })),
  }));

const missing = redisMissing();
let redis: TestRedis;
let local: CompareResults;
const workers: ChildProcess[] = [];

/** A worker process on the queue; its stderr is kept. */
function startWorker(url: string, checkpointDir?: string) {
  const args = [
    "--import",
    "tsx",
    "--conditions=@lrkit/source",
    WORKER,
    url,
    ...(checkpointDir ? [checkpointDir] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log = { err: "" };
  child.stderr!.on("data", (d: Buffer) => (log.err += d));
  workers.push(child);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, log, exited };
}

/** Resolves once every worker says it is waiting for runs. */
async function ready(...started: ReturnType<typeof startWorker>[]): Promise<void> {
  while (!started.every((w) => w.log.err.includes("waiting for runs"))) {
    const ended = started.find((w) => w.child.exitCode !== null);
    if (ended) throw new Error(`a worker ended first:\n${ended.log.err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(missing !== null)(
  `compareSchedules on a Redis queue${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    beforeAll(async () => {
      redis = await startRedis();
      local = await compareSchedules({ ...OPTIONS, workers: 2 });
      expect(local.runs.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
    });
    afterEach(async () => {
      for (const w of workers.splice(0)) {
        if (w.exitCode === null && w.signalCode === null) {
          const exited = new Promise((r) => w.once("exit", r));
          w.kill("SIGKILL");
          await exited;
        }
      }
    });
    afterAll(async () => {
      await redis?.close();
    });

    it("gives the same results on 2 worker processes as on worker threads", async () => {
      startWorker(redis.url);
      startWorker(redis.url);
      const started = new Set<number>();
      const results = await compareSchedules({
        ...OPTIONS,
        queue: { url: redis.url },
        listener: { started: (_, w) => started.add(w) },
      });
      expect(numbers(results)).toEqual(numbers(local));
      expect(results.stopped).toBe("completed");
      expect(results.experiment).toEqual(local.experiment);
      expect(started.size).toBe(2);
      // Nothing of the comparison is left in Redis: its weights and checkpoints are gone.
      const client = new Redis(redis.url);
      expect(await client.keys("lrkit:*")).toEqual([]);
      client.disconnect();
    }, 120_000);

    it("ends every run with the uninterrupted numbers when a worker is killed (SIGKILL) mid-run", async () => {
      // The checkpoints in a directory both workers share (--checkpoint-dir) rather than in Redis.
      const shared = mkdtempSync(join(tmpdir(), "lrkit-shared-"));
      onTestFinished(() => rmSync(shared, { recursive: true, force: true }));
      const a = startWorker(redis.url, shared);
      await ready(a, startWorker(redis.url, shared));
      const notices: string[] = [];
      let killed = false;
      const results = await compareSchedules({
        ...OPTIONS,
        queue: { url: redis.url },
        listener: {
          // A is killed once its run has finished (and checkpointed) its second epoch.
          epoch: (run, record) => {
            const taken = [...a.log.err.matchAll(/\(run (\d+),/g)].at(-1);
            if (killed || !taken || Number(taken[1]) - 1 !== run || record.epoch < 1) return;
            killed = true;
            a.child.kill("SIGKILL");
          },
          notice: (m) => notices.push(m),
        },
      });
      expect(killed).toBe(true);
      expect(await a.exited).toBe(null);
      expect(numbers(results)).toEqual(numbers(local));
      expect(results.stopped).toBe("completed");
      // The killed worker's run went back to the queue and continued from its last checkpoint.
      expect(notices.join("\n")).toMatch(/continues it from its checkpoint after epoch [2-3]/);
      // Every run finished: its checkpoints removed from the directory.
      expect(readdirSync(shared)).toEqual([]);
    }, 120_000);

    it("passes over a damaged checkpoint: the run taken over continues from the one before, and the results say so", async () => {
      const a = startWorker(redis.url);
      await ready(a);
      const client = new Redis(redis.url);
      let damaged: Promise<void> | undefined;
      const results = await compareSchedules({
        ...OPTIONS,
        schedules: OPTIONS.schedules.slice(0, 1),
        queue: { url: redis.url },
        listener: {
          // After the run's second epoch: A is killed, its newest checkpoint (epoch 2) damaged, B started.
          epoch: (_, record) => {
            if (damaged || record.epoch < 1) return;
            damaged = (async () => {
              a.child.kill("SIGKILL");
              await a.exited;
              const [key] = await client.keys("lrkit:checkpoint:*-0");
              const newest = await client.lindexBuffer(key!, 0);
              newest![newest!.length - 1]! ^= 0xff;
              await client.lset(key!, 0, newest!);
              startWorker(redis.url);
            })();
          },
        },
      });
      await damaged;
      client.disconnect();
      expect(numbers(results)).toEqual(numbers(local).slice(0, 1));
      expect(results.runs[0]!.damagedCheckpoints?.map((d) => d.epoch)).toEqual([2]);
      expect(results.runs[0]!.damagedCheckpoints?.[0]!.reason).toMatch(
        /^not a valid checkpoint: its SHA-256 does not match/,
      );
    }, 120_000);

    it("goes on when Redis restarts mid-comparison (empty): reconnects, enqueues the lost runs again, the same numbers", async () => {
      const pair = [startWorker(redis.url), startWorker(redis.url)];
      await ready(...pair);
      const notices: string[] = [];
      let restarted: Promise<void> | undefined;
      const results = await compareSchedules({
        ...OPTIONS,
        queue: { url: redis.url },
        listener: {
          epoch: () => void (restarted ??= redis.restart()),
          notice: (m) => notices.push(m),
        },
      });
      await restarted;
      expect(numbers(results)).toEqual(numbers(local));
      const said = notices.join("\n");
      expect(said).toMatch(/^lost the connection to the queue at redis:\/\/127\.0\.0\.1:\d+; reconnecting$/m);
      expect(said).toMatch(/^reconnected to the queue at redis:\/\/127\.0\.0\.1:\d+ after [\d.]+ s$/m);
      expect(said).toMatch(/: Redis lost its job; enqueued again$/m);
      // The workers reconnected too, and said so.
      for (const w of pair)
        expect(w.log.err).toMatch(/: reconnected to the queue at redis:\/\/127\.0\.0\.1:\d+ after/);
    }, 120_000);

    it("halves on the queue as locally: the same runs pruned at the same rungs, the same numbers", async () => {
      const halving = { minEpochs: 1, eta: 2 };
      const alone = await compareSchedules({ ...OPTIONS, workers: 2, halving });
      await ready(startWorker(redis.url), startWorker(redis.url));
      const results = await compareSchedules({ ...OPTIONS, halving, queue: { url: redis.url } });
      expect(numbers(results)).toEqual(numbers(alone));
      expect(results.runs.map((r) => r.status)).toContain("pruned");
      expect(results.halving).toEqual(alone.halving);
    }, 120_000);

    it("stops on its signal: the run under way keeps its epochs, its worker drops it, Redis is left clean", async () => {
      const worker = startWorker(redis.url);
      await ready(worker);
      const stop = new AbortController();
      const results = await compareSchedules({
        ...OPTIONS,
        queue: { url: redis.url },
        signal: stop.signal,
        listener: { epoch: () => stop.abort() },
      });
      expect(results.stopped).toBe("interrupted");
      expect(results.runs.map((r) => r.status)).toEqual(["aborted", "skipped", "skipped"]);
      expect(results.runs[0]!.epochs.length).toBeGreaterThanOrEqual(1);
      // The worker stops the run after its next epoch and removes its checkpoints.
      const client = new Redis(redis.url);
      const keys = () => client.keys("lrkit:*");
      for (let i = 0; i < 100 && (await keys()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await keys()).toEqual([]);
      client.disconnect();
      expect(worker.child.exitCode).toBe(null);
      expect(worker.log.err).toMatch(/: constant dropped after [1-3] epochs: its comparison has ended$/m);
      expect(worker.log.err).not.toMatch(/ done \(/);
    }, 120_000);

    it("fails fast on a queue URL where nothing answers, naming it", async () => {
      await expect(compareSchedules({ ...OPTIONS, queue: { url: "redis://127.0.0.1:1" } })).rejects.toThrow(
        /^cannot reach the queue at redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1/,
      );
    });
  },
);
