import { describe, expect, it } from "vitest";
import { readDataFile } from "./dataFiles.js";

describe("readDataFile", () => {
  it("reads an LR range test of `lrkit find --json`, nulls as NaN", () => {
    const file = readDataFile(
      JSON.stringify({
        lrs: [1e-4, 1e-3, 1e-2],
        losses: [2.3, 1.9, null],
        smoothed: [2.3, 2.0, 2.5],
        stoppedBy: "divergence",
        suggestions: { valley: 1e-3, steep: 5e-4 },
        recommended: "valley",
        recommendedLr: 1e-3,
        agreement: 0.5,
        restored: true,
        schedules: { oneCycle: { type: "oneCycle", maxLr: 1e-3, steps: 100 } },
      }),
    );
    expect(file).toMatchObject({
      kind: "finder",
      losses: [2.3, 1.9, NaN],
      smoothed: [2.3, 2.0, 2.5],
      suggestions: { valley: 1e-3, steep: 5e-4 },
      recommendedLr: 1e-3,
      schedules: { oneCycle: { type: "oneCycle", maxLr: 1e-3, steps: 100 } },
    });
  });

  it("reads the runs of `lrkit compare`: every logged value per epoch, by name", () => {
    const epoch = (e: number) => ({
      epoch: e,
      lr: 0.1,
      metrics: { loss: 1 / (e + 1), acc: 0.5, val_loss: null, val_acc: 0.4 },
      seconds: 1,
      examplesPerSecond: 100,
    });
    const file = readDataFile(
      JSON.stringify({
        format: "lrkit-compare-results/1",
        experiment: { metrics: ["loss", "acc", "val_loss", "val_acc"] },
        runs: [
          {
            name: "cosine",
            spec: { type: "cosine", lr: 0.1, steps: 2 },
            epochs: [epoch(0), epoch(1)],
          },
        ],
      }),
    );
    expect(file).toEqual({
      kind: "compare",
      metrics: ["loss", "acc", "val_loss", "val_acc"],
      runs: [
        {
          name: "cosine",
          spec: { type: "cosine", lr: 0.1, steps: 2 },
          epochs: [1, 2],
          lr: [0.1, 0.1],
          curves: { loss: [1, 0.5], acc: [0.5, 0.5], val_loss: [NaN, NaN], val_acc: [0.4, 0.4] },
          final: { loss: 0.5, acc: 0.5, val_loss: NaN, val_acc: 0.4 },
        },
      ],
    });
  });

  it("says what it expected", () => {
    expect(readDataFile("nope")).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/^not JSON/),
    });
    expect(readDataFile("{}")).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/lrkit find --json/),
    });
    expect(readDataFile('{"lrs": [1], "losses": []}')).toMatchObject({ kind: "error" });
  });
});
