import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Probe } from "../experiment/probe.js";
import type { WorkerStart } from "../runner/protocol.js";
import { resolvedExperimentHash } from "./resolvedExperimentHash.js";

// The hash a queue's coordinator and workers compare: it follows what the files hold and how the
// runs train, not where lrkit runs them.

const dir = mkdtempSync(join(tmpdir(), "lrkit-hash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const module = pathToFileURL(file("experiment.mjs", "export const model = () => null;\n")).href;
const csv = file("train.csv", "x,y\n1,a\n2,b\n");
const modelJson = file(
  "model.json",
  JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ["weights.bin"], weights: [] }] }),
);
file("weights.bin", "0123");

const PROBE: Probe = {
  describe: { model: "m", data: "d", validation: null },
  trainExamples: 2,
  validationExamples: null,
  stepsPerEpoch: 1,
  metrics: ["loss"],
  loss: "meanSquaredError",
  optimizer: "sgd",
  classes: null,
  weights: [Float32Array.of(1, 2)],
  parameters: 2,
};
const START: WorkerStart = {
  setup: { epochs: 3, batchSize: 2, seed: 0, backend: "auto" },
  module,
  moduleOptions: { model: modelJson, data: { csv, label: "y" } },
};
const hash = (start: WorkerStart = START, probe: Probe = PROBE) => resolvedExperimentHash(start, probe);

describe("resolvedExperimentHash", () => {
  it("is the same for the same files and setup, whatever the backend and the initial weights", () => {
    expect(hash()).toMatch(/^[0-9a-f]{64}$/);
    expect(hash({ ...START, setup: { ...START.setup, backend: "cpu" } })).toBe(hash());
    expect(hash(START, { ...PROBE, weights: [Float32Array.of(3, 4)] })).toBe(hash());
  });

  it("changes with the contents of the module, a CSV file, a model.json's weight file", () => {
    const before = hash();
    const changes: [string, string][] = [
      ["experiment.mjs", "export const model = () => 1;\n"],
      ["train.csv", "x,y\n1,a\n2,a\n"],
      ["weights.bin", "0124"],
    ];
    const seen = new Set([before]);
    for (const [name, text] of changes) {
      file(name, text);
      seen.add(hash());
    }
    expect(seen.size).toBe(4);
  });

  it("changes with how the runs train and what the probe found", () => {
    const base = hash();
    expect(hash({ ...START, setup: { ...START.setup, epochs: 4 } })).not.toBe(base);
    expect(hash({ ...START, setup: { ...START.setup, seed: 1 } })).not.toBe(base);
    expect(hash({ ...START, moduleOptions: { ...(START.moduleOptions as object), trainSize: 1 } })).not.toBe(
      base,
    );
    expect(hash(START, { ...PROBE, trainExamples: 3 })).not.toBe(base);
  });
});
