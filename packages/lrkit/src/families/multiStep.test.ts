import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { multiStep } from "./multiStep.js";

describe("multiStep", () => {
  it("counts milestones: a repeated milestone applies gamma twice (PyTorch 1.13.1 MultiStepLR closed form)", () => {
    // Expected: MultiStepLR(milestones=[10, 20, 20, 40], gamma=0.5, lr=0.05)._get_closed_form_lr, t = 0..49, torch 1.13.1.
    expectValues(
      multiStep({ lr: 0.05, milestones: [10, 20, 20, 40], gamma: 0.5 }),
      [
        0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025,
        0.025, 0.025, 0.025, 0.025, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625,
        0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625, 0.00625,
        0.00625, 0.003125, 0.003125, 0.003125, 0.003125, 0.003125, 0.003125, 0.003125, 0.003125, 0.003125,
        0.003125,
      ],
    );
  });

  it("is d2l's multi-factor schedule: 0.5, halved at 15 and 30", () => {
    const s = multiStep({ lr: 0.5, milestones: [15, 30], gamma: 0.5 });
    expect([s(14), s(15), s(29), s(30)]).toEqual([0.5, 0.25, 0.25, 0.125]);
    expect(s.horizon).toBe(30);
  });

  it("rejects empty, negative and unsorted milestones", () => {
    expectThrow(
      () => multiStep({ lr: 0.1, milestones: [] }),
      RangeError,
      "multiStep: milestones must not be empty, got []",
    );
    expectThrow(
      () => multiStep({ lr: 0.1, milestones: [-1, 5] }),
      RangeError,
      "multiStep: milestones[0] must be non-negative, got -1",
    );
    expectThrow(
      () => multiStep({ lr: 0.1, milestones: [10, 5] }),
      RangeError,
      "multiStep: milestones must be sorted in increasing order, got [10,5]",
    );
    expectThrow(
      () => multiStep({ lr: 0.1, milestones: [1, NaN] }),
      TypeError,
      "multiStep: milestones[1] must be a finite number, got NaN",
    );
  });
});
