import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt } from "../../test/roundTrip.js";
import { floorDiv } from "../../families/math.js";
import { StepLRScheduler } from "./stepLRScheduler.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/pytorch-image-models timm/scheduler/step_lr.py (and scheduler.py),
// run in CPython with PyTorch 1.13 on an SGD optimizer: the group's lr after `scheduler.step(t)`.
describe("timm.StepLRScheduler", () => {
  it("counts the decays from the end of the warmup (warmup_prefix defaults to true)", () => {
    const s = StepLRScheduler({ lr: 0.1, decay_t: 30, decay_rate: 0.1, warmup_t: 5, warmup_lr_init: 1e-4 });
    expectValues(
      s,
      [
        0.0001, 0.02008, 0.08002000000000001, 0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002,
        0.010000000000000002, 0.0010000000000000002, 0.00010000000000000003,
      ],
      [0, 1, 4, 5, 6, 34, 35, 36, 64, 65, 100],
    );
    expect(s.horizon).toBeUndefined();
  });

  it("decays every 2.4 steps in timm's EfficientNet recipe", () => {
    const s = StepLRScheduler({
      lr: 0.048,
      decay_t: 2.4,
      decay_rate: 0.97,
      warmup_t: 3,
      warmup_lr_init: 1e-6,
    });
    expectValues(
      s,
      [
        1e-6, 0.016000666666666667, 0.03200033333333333, 0.048, 0.048, 0.043808304, 0.03761968125300941,
        0.014194189795158359, 0.0005975454883825351, 0.0005975454883825351,
      ],
      [0, 1, 2, 3, 5, 12, 24, 100, 349, 350],
    );
  });

  it("floors t / decay_t exactly, as Python's // does (11 // 1.1 is 9)", () => {
    const s = StepLRScheduler({ lr: 0.1, decay_t: 1.1, decay_rate: 0.5 });
    expectValues(
      s,
      [
        0.1, 0.0001953125, 0.0001953125, 9.765625e-5, 1.9073486328125e-7, 1.9073486328125e-7,
        9.5367431640625e-8, 1.6940658945086008e-22, 1.6940658945086008e-22, 8.470329472543004e-23,
      ],
      [0, 10, 11, 12, 21, 22, 23, 76, 77, 78],
    );
    expect(floorDiv(11, 1.1)).toBe(9);
    expect(Math.floor(11 / 1.1)).toBe(10);
  });

  it("counts the decays from step 0 without warmup_prefix", () => {
    const s = StepLRScheduler({ lr: 0.1, decay_t: 2, decay_rate: 0.5, warmup_t: 3, warmup_prefix: false });
    expectValues(s, [0.0, 0.03333333333333333, 0.06666666666666667, 0.05, 0.025, 0.025, 0.0125]);
  });

  it("floorDiv is Math.floor of the quotient wherever that quotient is exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        expect(floorDiv(a, b)).toBe(Math.floor(a / b));
      }),
    );
    expect(floorDiv(1, 0.1)).toBe(9);
    expect(floorDiv(-1, 0.1)).toBe(-10);
    expect(floorDiv(NaN, 2)).toBeNaN();
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => StepLRScheduler({ lr: 0.1, decay_t: 0 }),
      RangeError,
      "timm.StepLRScheduler: decay_t must be a positive number, got 0",
    );
    expectThrow(
      () => StepLRScheduler({ lr: 0.1, decay_t: 2, decay_rate: -0.5 }),
      RangeError,
      "timm.StepLRScheduler: decay_rate must be a non-negative number, got -0.5",
    );
    expectThrow(
      // @ts-expect-error a wrong type
      () => StepLRScheduler({ lr: 0.1, decay_t: 2, warmup_prefix: "yes" }),
      TypeError,
      'timm.StepLRScheduler: warmup_prefix must be true or false, got "yes"',
    );
  });

  it("survives a JSON round trip and is built by the text syntax", () => {
    const s = StepLRScheduler({
      lr: 0.048,
      decay_t: 2.4,
      decay_rate: 0.97,
      warmup_t: 3,
      warmup_lr_init: 1e-6,
    });
    expectRebuilt(s, "timm.StepLRScheduler(0.048, 2.4, 0.97, warmup_t=3, warmup_lr_init=1e-6)", 100);
  });
});
