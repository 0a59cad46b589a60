import { describe, expect, it } from "vitest";
import { runPool, type PoolRun } from "./pool.js";
import type { RunSetup, WorkerStart } from "./protocol.js";

// The test module's blobs: 3 classes, 2,400 examples, so that an epoch takes a while.
const MODULE = new URL("../test/blobsExperiment.ts", import.meta.url).href;
const SETUP: RunSetup = { epochs: 3, batchSize: 16, optimizer: "sgd", seed: 0, backend: "cpu" };
const START: WorkerStart = { setup: SETUP, module: MODULE, moduleOptions: { n: 2400 } };
const start = (setup: Partial<RunSetup>): WorkerStart => ({ ...START, setup: { ...SETUP, ...setup } });
const RUNS: PoolRun[] = [
  { spec: { type: "constant", lr: 0.1 }, unit: "epoch" },
  { spec: { type: "constant", lr: 0.05 }, unit: "epoch" },
];

describe("runPool", () => {
  it("stops cleanly on its signal: the running run keeps its finished epochs, the queued ones are skipped", async () => {
    const stop = new AbortController();
    const result = await runPool(START, RUNS, {
      workers: 1,
      signal: stop.signal,
      listener: { epoch: () => stop.abort() },
    });
    const [first, second] = result.runs;
    expect(first!.status).toBe("aborted");
    expect(first!.epochs.length).toBeGreaterThanOrEqual(1);
    expect(first!.epochs.length).toBeLessThan(3);
    expect(first!.epochs[0]!.epoch).toBe(0);
    expect(first!.seconds).toBeGreaterThan(0);
    expect(second).toEqual({ status: "skipped", epochs: [] });
    expect(result.workers).toBe(1);
    expect(result.backend?.backend).toMatch(/^(wasm|cpu|tensorflow)$/);
  }, 60_000);

  it("starts no worker when its signal is already aborted", async () => {
    const result = await runPool(START, RUNS, { workers: 2, signal: AbortSignal.abort() });
    expect(result).toEqual({
      runs: [
        { status: "skipped", epochs: [] },
        { status: "skipped", epochs: [] },
      ],
      backend: null,
      probe: null,
      headline: "loss",
      plan: null,
      workers: 0,
    });
  });

  it("stops at once on its kill signal, keeping the epochs received", async () => {
    const kill = new AbortController();
    const result = await runPool(START, RUNS, {
      workers: 1,
      kill: kill.signal,
      listener: { epoch: () => kill.abort() },
    });
    expect(result.runs[0]!.status).toBe("aborted");
    expect(result.runs[0]!.epochs.length).toBeGreaterThanOrEqual(1);
    expect(result.runs[1]!.status).toBe("skipped");
  }, 60_000);

  it("marks a run that throws as failed, with the error, and goes on with the next", async () => {
    const finished: number[] = [];
    const result = await runPool(start({ epochs: 1, optimizerOptions: { momentum: 0.9 } }), RUNS, {
      workers: 1,
      listener: { finished: (i) => finished.push(i) },
    });
    expect(finished).toEqual([0, 1]);
    for (const run of result.runs) {
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/createOptimizer: sgd has no option "momentum"/);
      expect(run.epochs).toEqual([]);
    }
  }, 60_000);

  it("rejects when no worker can set up, with the worker's reason", async () => {
    await expect(runPool(start({ backend: "tpu" }), RUNS, { workers: 2 })).rejects.toThrow(
      'compare: backend must be "auto", "tensorflow", "wasm", "cpu", got "tpu"',
    );
    await expect(
      runPool({ ...START, moduleOptions: { throwIn: "data" } }, RUNS, { workers: 1 }),
    ).rejects.toThrow(/^data\(\) of the experiment module .*blobsExperiment\.ts threw: the file is gone$/);
  }, 60_000);
});
