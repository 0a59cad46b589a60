import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../../tfjs/src/test/backends.js";
import { compareSchedules, type CompareOptions } from "../compareSchedules.js";
import type { CompareResults } from "../results/schema.js";
import { parseResults } from "../results/files.js";
import * as blobs from "../test/blobsExperiment.js";

// compareSchedules with successive halving, in this thread on the test blobs: the runs ranked at
// each rung by val_acc, the survivors continued from their rung's checkpoint.

beforeAll(() => useBackend("cpu"));
const dir = mkdtempSync(join(tmpdir(), "lrkit-halving-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MODULE = new URL("../test/blobsExperiment.ts", import.meta.url);

/** What must be the same: statuses, every epoch's lr and values, the rungs; no timings. */
const numbers = (r: CompareResults) => ({
  runs: r.runs.map((run) => ({
    status: run.status,
    prunedAfter: run.prunedAfter,
    epochs: run.epochs.map((e) => [e.epoch, e.lr, e.metrics]),
  })),
  halving: r.halving,
});

const options = (): CompareOptions => ({
  model: () => blobs.model(),
  data: () => blobs.data({ n: 96 }),
  validation: () => blobs.validation(),
  schedules: [0.3, 0.001, 0.05, 0.0001].map((lr) => ({
    name: `lr ${lr}`,
    schedule: { type: "constant", lr },
  })),
  epochs: 4,
  batchSize: 16,
  seed: 1,
});

describe("compareSchedules with successive halving", () => {
  it("prunes the worst half at each rung, records it, and the survivors end as in the full comparison", async () => {
    const full = await compareSchedules(options());
    const halved = await compareSchedules({ ...options(), halving: { minEpochs: 1, eta: 2 } });
    expect(parseResults(JSON.parse(JSON.stringify(halved)))).toBeTruthy();
    const h = halved.halving!;
    expect(h.metric).toBe("val_acc");
    expect(h.rungs.map((r) => r.epoch)).toEqual([1, 2]);
    // Each rung keeps the best by the full comparison's val_acc at that epoch.
    const at = (name: string, epoch: number) =>
      full.runs.find((r) => r.name === name)!.epochs[epoch - 1]!.metrics.val_acc!;
    for (const rung of h.rungs) {
      const values = rung.ranked.map((r) => r.value!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(rung.ranked.map((r) => r.value)).toEqual(rung.ranked.map((r) => at(r.name, rung.epoch)));
      expect(rung.kept).toHaveLength(rung.ranked.length / 2);
    }
    const [first, second] = h.rungs;
    expect(second!.ranked.map((r) => r.name).sort()).toEqual([...first!.kept].sort());
    const survivor = second!.kept[0]!;
    for (const run of halved.runs) {
      const twin = full.runs.find((r) => r.name === run.name)!;
      // Every epoch trained, continued from checkpoints at the rungs, is the full run's.
      expect(run.epochs.map((e) => [e.lr, e.metrics])).toEqual(
        twin.epochs.slice(0, run.epochs.length).map((e) => [e.lr, e.metrics]),
      );
      if (run.name === survivor) expect(run).toMatchObject({ status: "completed", final: { epochs: 4 } });
      else expect(run).toMatchObject({ status: "pruned", prunedAfter: run.epochs.length });
    }
    expect(halved.runs.map((r) => r.epochs.length).sort()).toEqual([1, 1, 2, 4]);
    expect([h.epochsTrained, h.epochsWithout]).toEqual([8, 16]);
    expect(halved.stopped).toBe("completed");
  }, 60_000);

  it("on worker threads, and stopped and started again on its checkpoints, decides and trains as in this thread", async () => {
    const halving = { minEpochs: 1, eta: 2 };
    const inThread = await compareSchedules({ ...options(), halving });
    const { model: _m, data: _d, validation: _v, ...rest } = options();
    const threaded = {
      ...rest,
      module: MODULE,
      moduleOptions: { n: 96 },
      workers: 2,
      backend: "cpu",
      halving,
    };
    const checkpoints = join(dir, "pool");
    const stop = new AbortController();
    let seen = 0;
    const cut = await compareSchedules({
      ...threaded,
      checkpoints,
      signal: stop.signal,
      listener: { epoch: () => ++seen === 3 && stop.abort() },
    });
    expect(cut.stopped).toBe("interrupted");
    const resumed = await compareSchedules({ ...threaded, checkpoints });
    expect(resumed.stopped).toBe("completed");
    expect(numbers(resumed)).toEqual(numbers(inThread));
    expect(resumed.runs.some((r) => r.resumedFrom !== undefined && r.resumedFrom > 0)).toBe(true);
  }, 120_000);

  it("refuses bad halving options before any training, naming the option", async () => {
    await expect(compareSchedules({ ...options(), halving: { minEpochs: 0 } })).rejects.toThrow(
      "halving: minEpochs must be a positive integer, got 0",
    );
  });
});
