import { describe, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { step } from "./step.js";

describe("step", () => {
  it("multiplies by gamma every stepSize steps (PyTorch 1.13.1 StepLR._get_closed_form_lr, step_size=30, gamma=0.1)", () => {
    // Expected: torch/optim/lr_scheduler.py StepLR._get_closed_form_lr run with torch 1.13.1.
    expectValues(
      step({ lr: 0.1, stepSize: 30, gamma: 0.1 }),
      [
        0.1, 0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002,
        0.0010000000000000002, 0.0010000000000000002, 0.00010000000000000003, 1.0000000000000005e-7,
      ],
      [0, 1, 2, 29, 30, 31, 59, 60, 89, 90, 200],
    );
  });

  it("rejects a non-positive stepSize and a negative gamma", () => {
    expectThrow(
      () => step({ lr: 0.1, stepSize: 0 }),
      RangeError,
      "step: stepSize must be a positive number, got 0",
    );
    expectThrow(
      () => step({ lr: 0.1, stepSize: 3, gamma: -0.5 }),
      RangeError,
      "step: gamma must be a non-negative number, got -0.5",
    );
    expectThrow(
      () => step({ lr: "0.1" as never, stepSize: 3 }),
      TypeError,
      'step: lr must be a finite number, got "0.1"',
    );
  });
});
