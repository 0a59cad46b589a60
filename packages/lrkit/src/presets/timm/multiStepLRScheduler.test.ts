import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt } from "../../test/roundTrip.js";
import { MultiStepLRScheduler } from "./multiStepLRScheduler.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/pytorch-image-models timm/scheduler/multistep_lr.py (and
// scheduler.py), run in CPython with PyTorch 1.13 on an SGD optimizer: the group's lr after
// `scheduler.step(t)`.
describe("timm.MultiStepLRScheduler", () => {
  it("decays one step before each milestone, counted after the warmup", () => {
    const s = MultiStepLRScheduler({
      lr: 0.1,
      decay_t: [30, 60, 90],
      decay_rate: 0.1,
      warmup_t: 5,
      warmup_lr_init: 1e-4,
    });
    expectValues(
      s,
      [
        0.0001, 0.02008, 0.08002000000000001, 0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002,
        0.0010000000000000002, 0.0010000000000000002, 0.00010000000000000003, 0.00010000000000000003,
        0.00010000000000000003,
      ],
      [0, 1, 4, 5, 6, 33, 34, 35, 64, 65, 94, 95, 200],
    );
    expect(s.horizon).toBe(94);
  });

  it("applies repeated milestones twice, and at t = milestone - 1", () => {
    const s = MultiStepLRScheduler({ lr: 1.0, decay_t: [2, 4, 4], decay_rate: 0.5 });
    expectValues(s, [1.0, 0.5, 0.5, 0.125, 0.125, 0.125, 0.125]);
  });

  it("warms up to lr even when milestones 0 and 1 decay the step after it (no warmup_prefix)", () => {
    const s = MultiStepLRScheduler({
      lr: 0.1,
      decay_t: [0, 1, 5],
      decay_rate: 0.5,
      warmup_t: 3,
      warmup_lr_init: 0.01,
      warmup_prefix: false,
    });
    expectValues(s, [0.01, 0.04, 0.07, 0.025, 0.0125, 0.0125, 0.0125]);
  });

  it("is constant with no milestones", () => {
    const s = MultiStepLRScheduler({ lr: 0.1, decay_t: [], decay_rate: 0.5, warmup_t: 2 });
    expectValues(s, [0, 0.05, 0.1, 0.1], [0, 1, 2, 1000]);
    expect(s.horizon).toBe(2);
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => MultiStepLRScheduler({ lr: 0.1, decay_t: [60, 30] }),
      RangeError,
      "timm.MultiStepLRScheduler: decay_t must be sorted in increasing order, got [60,30]",
    );
    expectThrow(
      // @ts-expect-error a number, not a list
      () => MultiStepLRScheduler({ lr: 0.1, decay_t: 30 }),
      TypeError,
      "timm.MultiStepLRScheduler: decay_t must be a list of numbers, got 30",
    );
  });

  it("survives a JSON round trip and is built by the text syntax", () => {
    const s = MultiStepLRScheduler({ lr: 0.1, decay_t: [30, 60], decay_rate: 0.1, warmup_t: 5 });
    expectRebuilt(s, "timm.MultiStepLRScheduler(0.1, [30, 60], 0.1, warmup_t=5)", 80);
  });
});
