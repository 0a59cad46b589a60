import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { expectCloseAt, expectThrow, expectValues } from "../../test/expect.js";
import { expectPresetAsData } from "../../test/roundTrip.js";
import { WarmupCosineLR, warm_up_cosine_lr_scheduler } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: the blog's own code (shared/seeds/warmup-cosine-custom-scheduler.txt:
// warm_up_cosine_lr_scheduler and class WarmupCosineLR) run with PyTorch 1.13 in CPython on a dummy
// SGD optimizer (scratch script, not committed), recording optimizer.param_groups[0]['lr'] before each
// scheduler.step(), as the blog's plotting loops do.

describe("recipes.warm_up_cosine_lr_scheduler", () => {
  it("gives the first epoch lr * eta_min, the blog's bug (LR=1e-4, warm_up_epochs=30, epochs=100)", () => {
    const s = warm_up_cosine_lr_scheduler({ lr: 1e-4, warm_up_epochs: 30, eta_min: 1e-9 });
    expectValues(
      s,
      [
        1.0000000000000002e-13, 3.3333334333333333e-6, 6.666666766666667e-6, 5.00000001e-5,
        9.666666676666667e-5, 0.00010000000010000001, 9.994965332706573e-5, 5e-5, 5.034667293425943e-8, 0.0,
        5.034667293426498e-8, 8.117449009293667e-5, 0.0001,
      ],
      [0, 1, 2, 15, 29, 30, 31, 65, 99, 100, 101, 150, 170],
    );
    expect(s(0) / 1e-4).toBeLessThan(1e-8);
    expect(s.horizon).toBe(100);
  });

  it("defaults to epochs=100, warm_up_epochs=5, eta_min=1e-9", () => {
    expectValues(
      warm_up_cosine_lr_scheduler({ lr: 0.1 }),
      [
        1.0000000000000002e-10, 0.020000000100000002, 0.08000000010000001, 0.10000000010000001,
        0.09997266286704631, 0.05082669723831793, 2.7337132953692e-5, 0.0, 2.7337132953692e-5,
      ],
      [0, 1, 4, 5, 6, 52, 99, 100, 101],
    );
  });

  it("is CosineAnnealingLR(T_max=epochs, eta_min) without warmup, periodic past epochs", () => {
    expectValues(
      warm_up_cosine_lr_scheduler({ lr: 0.01, epochs: 20, warm_up_epochs: 0 }),
      [
        0.01, 0.009938441709131518, 0.008535534052379347, 0.005000000500000001, 6.155929086848201e-5, 1e-9,
        6.155929086848145e-5, 0.005000000499999998, 0.009938441709131515, 0.009999999999999997,
        0.009938441709131515, 0.0014644669476206506,
      ],
      [0, 1, 5, 10, 19, 20, 21, 30, 39, 40, 41, 55],
    );
    expectValues(
      warm_up_cosine_lr_scheduler({ lr: 0.5, epochs: 10, warm_up_epochs: 0, eta_min: 0.05 }),
      [
        0.5, 0.40725168176580645, 0.06101228383359046, 0.05, 0.06101228383359046, 0.275000000000001,
        0.5000000000000021,
      ],
      [0, 3, 9, 10, 11, 15, 20],
    );
  });

  it("equals the blog's lambda times lr, for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 150 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        (lr, epochs, warmupShare, eta_min) => {
          const w = Math.max(1, Math.floor(warmupShare * (epochs - 1)));
          const s = warm_up_cosine_lr_scheduler({ lr, epochs, warm_up_epochs: w, eta_min });
          const lambda = (t: number) =>
            t <= w ? eta_min + t / w : 0.5 * (Math.cos(((t - w) / (epochs - w)) * Math.PI) + 1);
          for (let t = 0; t <= 2 * epochs; t++) expectCloseAt(s(t), lr * lambda(t), t, 1e-20);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects a warmup as long as epochs (the blog divides by zero) and eta_min above lr without warmup", () => {
    expectThrow(
      () => warm_up_cosine_lr_scheduler({ lr: 0.1, epochs: 10, warm_up_epochs: 10 }),
      RangeError,
      "recipes.warm_up_cosine_lr_scheduler: warm_up_epochs must be less than epochs (10), got 10",
    );
    expectThrow(
      () => warm_up_cosine_lr_scheduler({ lr: 0.01, warm_up_epochs: 0, eta_min: 0.1 }),
      RangeError,
      "recipes.warm_up_cosine_lr_scheduler: eta_min must not exceed lr (0.01) without warmup, got 0.1",
    );
    expectThrow(
      () => warm_up_cosine_lr_scheduler({ lr: 0.1, warm_up_epochs: -1 }),
      RangeError,
      "recipes.warm_up_cosine_lr_scheduler: warm_up_epochs must be a non-negative integer, got -1",
    );
    expectThrow(
      // @ts-expect-error lr, the optimizer's lr, is required
      () => warm_up_cosine_lr_scheduler({ epochs: 10 }),
      TypeError,
      "recipes.warm_up_cosine_lr_scheduler: lr is required",
    );
  });
});

describe("recipes.WarmupCosineLR", () => {
  it("starts at start_ratio of the first warmup epoch (the blog's WarmupCosineLR(optimizer, 1e-9, 1e-3, 5, 100, 0.1))", () => {
    const s = WarmupCosineLR({ lr_min: 1e-9, lr_max: 1e-3, warm_up: 5, T_max: 100, start_ratio: 0.1 });
    expectValues(
      s,
      [
        2.0000980000000002e-5, 0.0002000008, 0.00040000060000000006, 0.0008000002000000001, 0.001,
        0.0009997266289438346, 0.0005412901314464936, 2.743710561655905e-7, 1e-9, 2.743710561655905e-7,
        0.0005412901314464936, 0.001, 0.0009997266289438346,
      ],
      [0, 1, 2, 4, 5, 6, 50, 99, 100, 101, 150, 195, 196],
    );
    expect(s.horizon).toBe(100);
  });

  it("starts at lr_max without warmup and defaults to T_max=10, periodic past it", () => {
    expectValues(
      WarmupCosineLR({ lr_min: 1e-5, lr_max: 1e-2 }),
      [
        0.01, 0.009755527298894293, 0.005005, 0.0002544727011057076, 1e-5, 0.00025447270110570816,
        0.005004999999999999, 0.01,
      ],
      [0, 1, 5, 9, 10, 11, 15, 20],
    );
  });

  it("starts at lr_min with start_ratio 0, and at the peak with start_ratio 1 and a one-epoch warmup", () => {
    expectValues(
      WarmupCosineLR({ lr_min: 0.0, lr_max: 0.4, warm_up: 4, T_max: 12, start_ratio: 0.0 }),
      [0.0, 0.1, 0.30000000000000004, 0.4, 0.38477590650225735, 0.2, 0.0, 0.015224093497742654, 0.4],
      [0, 1, 3, 4, 5, 8, 12, 13, 20],
    );
    expectValues(
      WarmupCosineLR({ lr_min: 0.01, lr_max: 0.1, warm_up: 1, T_max: 5, start_ratio: 1.0 }),
      [0.1, 0.1, 0.08681980515339464, 0.01, 0.023180194846605356],
      [0, 1, 2, 5, 6],
    );
  });

  it("equals the blog's get_lr for any valid parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (minShare, lr_max, T_max, warmupShare, start_ratio) => {
          const lr_min = lr_max * minShare;
          const warm_up = Math.floor(warmupShare * (T_max - 1));
          const s = WarmupCosineLR({ lr_min, lr_max, warm_up, T_max, start_ratio });
          const getLr = (cur: number) => {
            if (warm_up === 0 && cur === 0) return lr_max;
            if (warm_up !== 0 && cur <= warm_up)
              return lr_min + ((lr_max - lr_min) * (cur === 0 ? cur + start_ratio : cur)) / warm_up;
            return (
              lr_min +
              (lr_max - lr_min) * 0.5 * (Math.cos(((cur - warm_up) / (T_max - warm_up)) * Math.PI) + 1)
            );
          };
          for (let t = 0; t <= 2 * T_max; t++) expectCloseAt(s(t), getLr(t), t, 1e-20);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects T_max <= warm_up (the blog divides by zero), swapped bounds and a start_ratio above 1", () => {
    expectThrow(
      () => WarmupCosineLR({ lr_min: 0, lr_max: 0.1, warm_up: 10, T_max: 10 }),
      RangeError,
      "recipes.WarmupCosineLR: T_max must be greater than warm_up (10), got 10",
    );
    expectThrow(
      () => WarmupCosineLR({ lr_min: 0.2, lr_max: 0.1 }),
      RangeError,
      "recipes.WarmupCosineLR: lr_min must not exceed lr_max (0.1), got 0.2",
    );
    expectThrow(
      () => WarmupCosineLR({ lr_min: 0, lr_max: 0.1, warm_up: 2, start_ratio: 1.5 }),
      RangeError,
      "recipes.WarmupCosineLR: start_ratio must be in [0, 1], got 1.5",
    );
    expectThrow(
      // @ts-expect-error lr_max is required
      () => WarmupCosineLR({ lr_min: 0 }),
      TypeError,
      "recipes.WarmupCosineLR: lr_max is required",
    );
  });
});

describe("recipes presets as data", () => {
  it("are rebuilt from their JSON specs and from the text syntax, and give NaN for a NaN step", () => {
    const cases: [Schedule, string][] = [
      [
        warm_up_cosine_lr_scheduler({ lr: 1e-4, warm_up_epochs: 30, eta_min: 1e-9 }),
        "recipes.warm_up_cosine_lr_scheduler(1e-4, warm_up_epochs=30, eta_min=1e-9)",
      ],
      [
        warm_up_cosine_lr_scheduler({ lr: 0.01, epochs: 20, warm_up_epochs: 0 }),
        "recipes.warm_up_cosine_lr_scheduler(0.01, 20, 0)",
      ],
      [
        WarmupCosineLR({ lr_min: 1e-9, lr_max: 1e-3, warm_up: 5, T_max: 100, start_ratio: 0.1 }),
        "recipes.WarmupCosineLR(1e-9, 1e-3, 5, 100, 0.1)",
      ],
    ];
    for (const [s, text] of cases) expectPresetAsData("recipes", s, text, 130);
  });
});
