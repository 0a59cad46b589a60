import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { batchSourceOf, objectiveOf, train } from "@lrkit/tfjs";
import { fromSpec, type ScheduleSpec } from "lrkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../../tfjs/src/test/backends.js";
import { directoryStore } from "../checkpoint/directoryStore.js";
import type { Experiment } from "../experiment/experiment.js";
import { probeExperiment } from "../experiment/probe.js";
import * as blobs from "../test/blobsExperiment.js";
import type { RunSetup } from "./protocol.js";
import { trainRun, weightsDigest, type RunResumed } from "./trainRun.js";

// A run interrupted after an epoch and continued from its checkpoint, in a new model and optimizer,
// ends with the same numbers as the run never interrupted, bit for bit, on the cpu backend.

let experiment: Experiment;
beforeAll(async () => {
  await useBackend("cpu");
  experiment = {
    model: async () => blobs.model(),
    data: blobs.data({ n: 96 }),
    validation: blobs.validation(),
    describe: blobs.describe() as Experiment["describe"],
  };
});

const dir = mkdtempSync(join(tmpdir(), "lrkit-trainrun-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EPOCHS = 5;
// Adam (the module's compiled optimizer: accumulators and accBeta1/2) and momentum SGD (named).
const SETUPS: Record<string, RunSetup> = {
  adam: { epochs: EPOCHS, batchSize: 16, seed: 3, backend: "cpu" },
  momentum: {
    epochs: EPOCHS,
    batchSize: 16,
    optimizer: "momentum",
    optimizerOptions: { momentum: 0.9 },
    seed: 3,
    backend: "cpu",
  },
};
// Per update, with a plateau policy (state beyond the step count) on top.
const SPEC: ScheduleSpec = { type: "cosine", lr: 0.05, steps: 30, minLr: 0.001 };
const order = async (setup: RunSetup) => ({
  spec: SPEC,
  unit: "batch" as const,
  weights: (await probeExperiment(experiment, setup)).weights,
});
let n = 0;
const checkpoints = () => ({ store: directoryStore(dir), key: `run ${++n}`, experiment: "e1" });

describe("trainRun in segments, with checkpoints", () => {
  for (const [name, setup] of Object.entries(SETUPS)) {
    it(`interrupted after epoch 2 and continued from its checkpoint, ends as the run never interrupted (${name})`, async () => {
      const tensors = tf.memory().numTensors;
      const o = await order(setup);
      const whole: { epochs: unknown[]; first?: number; started?: string } = { epochs: [] };
      const straight = await trainRun(experiment, setup, o, {
        started: (sha) => (whole.started = sha),
        epoch: (r, first) => {
          whole.epochs.push(r);
          whole.first ??= first;
        },
      });

      // Stopped by the signal in the middle of epoch 2 (from 0): epochs 0 and 1 are checkpointed.
      const at = checkpoints();
      const stop = new AbortController();
      const parts: unknown[] = [];
      const cut = await trainRun(
        experiment,
        setup,
        o,
        { batch: (e) => e.epoch === 2 && e.batch === 2 && stop.abort(), epoch: (r) => parts.push(r) },
        stop.signal,
        at,
      );
      expect(cut).toMatchObject({ stopped: "aborted", epochs: 2 });
      let resumed: RunResumed | undefined;
      let started: string | undefined;
      const rest = await trainRun(
        experiment,
        setup,
        o,
        { resumed: (r) => (resumed = r), started: (sha) => (started = sha), epoch: (r) => parts.push(r) },
        undefined,
        at,
      );
      expect(resumed).toMatchObject({ epoch: 2, damaged: [] });
      // The digest of the initial weights, kept in the checkpoint, not of the weights resumed.
      expect(started).toBe(whole.started);
      expect(rest).toMatchObject({
        stopped: "completed",
        epochs: EPOCHS,
        weightsSha256: straight.weightsSha256,
      });
      const numbers = (rs: unknown[]) =>
        (rs as { epoch: number; lr: number; metrics: unknown }[]).map(({ epoch, lr, metrics }) => ({
          epoch,
          lr,
          metrics,
        }));
      expect(numbers(parts)).toEqual(numbers(whole.epochs));
      expect(numbers(resumed!.history as unknown[])).toEqual(numbers(whole.epochs.slice(0, 2)));
      // The two newest checkpoints are kept.
      expect(readdirSync(join(dir, encodeURIComponent(at.key)))).toEqual([
        "epoch-000004.ckpt",
        "epoch-000005.ckpt",
      ]);
      expect(tf.memory().numTensors).toBe(tensors);
    }, 60_000);
  }

  it("trains epoch by epoch exactly as one call of train() over every epoch", async () => {
    const setup = SETUPS.adam!;
    const o = await order(setup);
    const model = await experiment.model();
    tf.tidy(() => model.setWeights(o.weights.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape))));
    const result = await train({
      model,
      data: experiment.data,
      validation: experiment.validation!,
      epochs: EPOCHS,
      batchSize: 16,
      schedule: fromSpec(SPEC),
      unit: "batch",
      seed: 3,
    });
    const digest = weightsDigest(model).sha256;
    model.dispose();
    const epochs: { lr: number | null; metrics: unknown }[] = [];
    const end = await trainRun(experiment, setup, o, { epoch: (r) => epochs.push(r) });
    expect(end.weightsSha256).toBe(digest);
    expect(epochs.map((e) => [e.lr, e.metrics])).toEqual(result.history.map((e) => [e.lr, e.metrics]));
  }, 60_000);

  it("passes over a damaged newest checkpoint, says so, and continues from the one before", async () => {
    const setup = SETUPS.momentum!;
    const o = await order(setup);
    const at = checkpoints();
    const full = await trainRun(experiment, setup, o, {}, undefined, at, 3);
    expect(full).toMatchObject({ stopped: "completed", epochs: 3 });
    const folder = join(dir, encodeURIComponent(at.key));
    const newest = join(folder, "epoch-000003.ckpt");
    const bytes = readFileSync(newest);
    bytes[bytes.length >> 1]! ^= 1;
    writeFileSync(newest, bytes);
    let resumed: RunResumed | undefined;
    const epochs: number[] = [];
    const end = await trainRun(
      experiment,
      setup,
      o,
      { resumed: (r) => (resumed = r), epoch: (r) => epochs.push(r.epoch) },
      undefined,
      at,
      3,
    );
    expect(resumed!.epoch).toBe(2);
    expect(resumed!.damaged).toEqual([
      { epoch: 3, reason: "not a valid checkpoint: its SHA-256 does not match its content (damaged)" },
    ]);
    expect(epochs).toEqual([2]);
    expect(end.weightsSha256).toBe(full.weightsSha256);
  }, 60_000);

  it("refuses a checkpoint of another experiment, naming both hashes", async () => {
    const setup = SETUPS.momentum!;
    const o = await order(setup);
    const at = checkpoints();
    await trainRun(experiment, setup, o, {}, undefined, at, 1);
    await expect(trainRun(experiment, setup, o, {}, undefined, { ...at, experiment: "e2" })).rejects.toThrow(
      `compare: the checkpoint of run "${at.key}" after epoch 1 belongs to experiment e1 (run "${at.key}"), this one is e2`,
    );
  }, 60_000);
});

describe("the data order", () => {
  it("of an epoch depends on the seed and the epoch only: epoch 2 read first is epoch 2 read after 0 and 1", async () => {
    const model = await experiment.model();
    const objective = objectiveOf("test", model, {});
    const order = async (epochs: number[]) => {
      const source = batchSourceOf("test", "data", experiment.data, objective);
      let last: number[] = [];
      for (const epoch of epochs) {
        last = [];
        for await (const b of source.pass({ batchSize: 16, seed: 3, epoch })) {
          last.push(...(b.xs[0]!.dataSync() as Float32Array));
          tf.dispose([...b.xs, ...b.ys]);
        }
      }
      source.dispose();
      return last;
    };
    const alone = await order([2]);
    expect(await order([0, 1, 2])).toEqual(alone);
    expect(await order([1])).not.toEqual(alone);
    model.dispose();
  });
});
