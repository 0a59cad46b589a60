import { describe, expect, it } from "vitest";
import { CheckpointError, decodeCheckpoint, encodeCheckpoint, type RunCheckpoint } from "./checkpoint.js";
import { experimentHash } from "./experimentHash.js";

const STATE: RunCheckpoint = {
  experiment: experimentHash({ epochs: 3 }),
  key: "0 cosine",
  epoch: 2,
  seed: 7,
  scheduleState: { scheduler: { step: 16, plateau: null } } as unknown as RunCheckpoint["scheduleState"],
  init: { weightsSha256: "ab", parameters: 5, firstBatchLoss: 1.25 },
  history: [
    { epoch: 0, lr: 0.1, metrics: { loss: 1, val_loss: null }, seconds: 0.5, examplesPerSecond: 100 },
  ],
  weights: [
    { shape: [2, 2], dtype: "float32", values: Float32Array.of(1.5, -2, 3e-8, Number.NaN) },
    { shape: [1], dtype: "float32", values: Float32Array.of(0.25) },
  ],
  optimizer: {
    name: "adamax",
    iterations: 12,
    lr: 0.002,
    momentum: 0.9,
    weights: [
      { name: "dense/kernel/m", tensor: { shape: [3], dtype: "float32", values: Float32Array.of(1, 2, 3) } },
    ],
    extra: { iteration: { shape: [], dtype: "int32", values: Int32Array.of(12) } },
  },
};

describe("encodeCheckpoint and decodeCheckpoint", () => {
  it("give back every part of a run's state, tensors bit for bit", () => {
    expect(decodeCheckpoint(encodeCheckpoint(STATE))).toEqual(STATE);
  });

  it("detect a changed byte anywhere, and a checkpoint cut short", () => {
    const bytes = encodeCheckpoint(STATE);
    for (const at of [0, 20, bytes.length - 40, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at]! ^= 0x10;
      expect(() => decodeCheckpoint(changed)).toThrow(CheckpointError);
    }
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 1))).toThrow(
      "not a valid checkpoint: its SHA-256 does not match its content (damaged)",
    );
    expect(() => decodeCheckpoint(new Uint8Array(10))).toThrow(
      "not a valid checkpoint: 10 bytes is too short",
    );
  });
});

describe("experimentHash", () => {
  it("is the same for the same parts in any key order, and differs for other parts", () => {
    expect(experimentHash({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(
      experimentHash({ b: { c: [1, 2] }, a: 1 }),
    );
    expect(experimentHash({ a: 1 })).not.toBe(experimentHash({ a: 2 }));
    expect(experimentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
