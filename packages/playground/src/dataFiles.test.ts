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

  it("reads the runs of `lrkit compare`", () => {
    const epoch = (e: number) => ({
      epoch: e,
      lr: 0.1,
      trainLoss: 1 / e,
      trainAcc: 0.5,
      testAcc: 0.4,
      seconds: 1,
    });
    const file = readDataFile(
      JSON.stringify({
        runs: [
          {
            name: "cosine",
            spec: { type: "cosine", lr: 0.1, steps: 2 },
            epochs: [epoch(1), epoch(2)],
            final: { testAcc: 0.4 },
          },
        ],
      }),
    );
    expect(file).toMatchObject({
      kind: "compare",
      runs: [{ name: "cosine", epochs: [1, 2], trainLoss: [1, 0.5] }],
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
