import { describe, expect, it } from "vitest";
import { plateau, type PlateauOptions } from "./plateau.js";
import { expectCloseArray, expectThrow } from "./test/expect.js";

/** The lr after each metric, for a constant base lr driven by the policy. */
function run(metrics: readonly number[], options: PlateauOptions, lr = 0.1): number[] {
  const policy = plateau(options);
  let state = policy.init();
  return metrics.map((m) => {
    state = policy.update(state, m, lr * policy.factor(state));
    return lr * policy.factor(state);
  });
}

// Expected: the group lr after each ReduceLROnPlateau.step(metric), real PyTorch 1.13.1 (torch/optim/lr_scheduler.py).
const M = [
  1.0,
  0.9,
  0.9,
  0.9,
  0.9,
  0.9,
  0.85,
  0.85,
  0.85,
  0.85,
  0.85,
  0.85,
  0.85,
  0.85,
  0.85,
  NaN,
  0.8,
  0.8,
  0.8,
  0.8,
];

describe("plateau", () => {
  it("cuts after more than `patience` bad epochs, counting NaN as bad (PyTorch, patience=2, factor=0.5)", () => {
    expectCloseArray(
      run(M, { patience: 2, factor: 0.5 }),
      [
        0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125,
        0.00625, 0.00625, 0.00625, 0.00625, 0.003125,
      ],
    );
  });

  it("waits `cooldown` epochs after a cut and never goes below minLr (patience=1, factor=0.3, cooldown=2, min_lr=0.005)", () => {
    expectCloseArray(
      run(M, { patience: 1, factor: 0.3, cooldown: 2, minLr: 0.005 }),
      [
        0.1, 0.1, 0.1, 0.03, 0.03, 0.03, 0.03, 0.03, 0.009, 0.009, 0.009, 0.009, 0.005, 0.005, 0.005, 0.005,
        0.005, 0.005, 0.005, 0.005,
      ],
    );
  });

  it("maximises with an absolute threshold (mode='max', threshold=0.05, threshold_mode='abs', patience=1)", () => {
    const metrics = [0.1, 0.2, 0.25, 0.26, 0.26, 0.27, 0.27, 0.27, 0.3, 0.3, 0.3];
    expectCloseArray(
      run(metrics, { mode: "max", threshold: 0.05, thresholdMode: "abs", patience: 1, factor: 0.5 }),
      [0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125],
    );
  });

  it("skips cuts smaller than eps, so the lr stalls above minLr (PyTorch's eps rule)", () => {
    const lrs = run(Array(30).fill(1), { patience: 0, factor: 0.5, eps: 1e-8 }, 1e-7);
    expectCloseArray(lrs.slice(0, 5), [1e-7, 5e-8, 2.5e-8, 1.25e-8, 1.25e-8]);
    expect(lrs[29]).toBeCloseTo(1.25e-8, 20);
  });

  it("keeps its whole state as plain JSON", () => {
    const policy = plateau({ patience: 1 });
    let state = policy.init();
    expect(state.best).toBe("Infinity");
    for (const m of [3, 2, -Infinity, 5]) state = policy.update(state, m, 0.1);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.best).toBe("-Infinity");
  });

  it("rejects bad options", () => {
    expectThrow(() => plateau({ factor: 1 }), RangeError, "plateau: factor must be in (0, 1), got 1");
    expectThrow(
      () => plateau({ patience: 1.5 }),
      RangeError,
      "plateau: patience must be a non-negative integer, got 1.5",
    );
    expectThrow(
      () => plateau({ mode: "up" as never }),
      RangeError,
      'plateau: mode must be one of "min", "max", got "up"',
    );
  });
});
