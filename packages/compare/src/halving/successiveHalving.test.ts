import { describe, expect, it } from "vitest";
import { segmentPlan } from "./segmentPlan.js";
import { halvingRungs, rungSurvivors } from "./successiveHalving.js";

describe("halvingRungs", () => {
  it("are minEpochs·etaᵏ below the epochs", () => {
    expect(halvingRungs(10, { minEpochs: 1, eta: 2 })).toEqual([1, 2, 4, 8]);
    expect(halvingRungs(10, { minEpochs: 1 })).toEqual([1, 2, 4, 8]);
    expect(halvingRungs(20, { minEpochs: 2, eta: 3 })).toEqual([2, 6, 18]);
    expect(halvingRungs(10, { minEpochs: 3, eta: 1.5 })).toEqual([3, 4, 6, 9]);
    expect(halvingRungs(4, { minEpochs: 4, eta: 2 })).toEqual([]);
  });

  it("refuse bad parameters, naming them and the value", () => {
    expect(() => halvingRungs(10, { minEpochs: 0 })).toThrow(
      "halving: minEpochs must be a positive integer, got 0",
    );
    expect(() => halvingRungs(10, { minEpochs: 1.5 })).toThrow(
      "halving: minEpochs must be a positive integer, got 1.5",
    );
    expect(() => halvingRungs(10, { minEpochs: 1, eta: 1 })).toThrow(
      "halving: eta must be a number above 1, got 1",
    );
    expect(() => halvingRungs(10, { minEpochs: 1, eta: Number.NaN })).toThrow(
      "halving: eta must be a number above 1, got null",
    );
  });
});

describe("rungSurvivors", () => {
  const scores = [
    { run: 0, value: 0.7 },
    { run: 1, value: 0.9 },
    { run: 2, value: null },
    { run: 3, value: 0.8 },
    { run: 4, value: 0.9 },
  ];
  it("keep the best floor(n / eta) by the headline, higher accuracy or lower loss, ties in run order", () => {
    expect(rungSurvivors(scores, "val_acc", 2)).toEqual([1, 4]);
    expect(rungSurvivors(scores, "val_acc", 5)).toEqual([1]);
    expect(rungSurvivors(scores, "val_loss", 2)).toEqual([0, 3]);
    expect(rungSurvivors(scores, "val_acc", 1.25)).toEqual([0, 1, 3, 4]);
  });
  it("rank a null or non-finite value last and keep at least one run", () => {
    expect(
      rungSurvivors(
        [
          { run: 0, value: Number.NaN },
          { run: 1, value: 5 },
        ],
        "loss",
        2,
      ),
    ).toEqual([1]);
    expect(rungSurvivors([{ run: 0, value: null }], "loss", 3)).toEqual([0]);
  });
});

describe("segmentPlan", () => {
  it("without halving, trains every run to the end in one segment", () => {
    const plan = segmentPlan(3, 5, "val_acc");
    expect(plan.first()).toEqual([0, 1, 2].map((run) => ({ run, untilEpoch: 5 })));
    expect(plan.reached(0, [0.1, 0.2, 0.3, 0.4, 0.5])).toEqual({ next: [], pruned: [] });
  });

  it("decides a rung once every run still in has reached it, whatever the order they arrive in", () => {
    const values = [
      [0.5, 0.6, 0.7, 0.8],
      [0.6, 0.5, 0.9, 0.95],
      [0.4, 0.7, 0.6, 0.9],
      [0.3, 0.4, 0.5, 0.6],
    ];
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
    ]) {
      const plan = segmentPlan(4, 4, "val_acc", { minEpochs: 1, eta: 2 });
      expect(plan.rungs).toEqual([1, 2]);
      expect(plan.first().map((s) => s.untilEpoch)).toEqual([1, 1, 1, 1]);
      const steps = order.map((run) => plan.reached(run, values[run]!.slice(0, 1)));
      expect(steps.slice(0, 3)).toEqual([0, 1, 2].map(() => ({ next: [], pruned: [] })));
      // Rung 1 (epoch index 0): runs 1 (0.6) and 0 (0.5) go on to epoch 2.
      expect(steps[3]).toEqual({
        next: [
          { run: 0, untilEpoch: 2 },
          { run: 1, untilEpoch: 2 },
        ],
        pruned: [
          { run: 2, epoch: 1 },
          { run: 3, epoch: 1 },
        ],
      });
      expect(plan.reached(1, values[1]!.slice(0, 2))).toEqual({ next: [], pruned: [] });
      // Rung 2: run 0 (0.6 against 0.5) trains to the end.
      expect(plan.reached(0, values[0]!.slice(0, 2))).toEqual({
        next: [{ run: 0, untilEpoch: 4 }],
        pruned: [{ run: 1, epoch: 2 }],
      });
      expect(plan.decisions.map((d) => [d.epoch, d.kept])).toEqual([
        [1, [0, 1]],
        [2, [0]],
      ]);
    }
  });

  it("leaves out of a rung a run that failed before it", () => {
    const plan = segmentPlan(3, 4, "loss", { minEpochs: 2, eta: 2 });
    plan.first();
    plan.reached(1, null);
    plan.reached(0, [3, 2]);
    expect(plan.reached(2, [3, 1])).toEqual({
      next: [{ run: 2, untilEpoch: 4 }],
      pruned: [{ run: 0, epoch: 2 }],
    });
  });
});
