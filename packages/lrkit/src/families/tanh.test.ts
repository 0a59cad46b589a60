import { describe, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { tanh } from "./tanh.js";

describe("tanh", () => {
  it("is timm's TanhLRScheduler for one cycle (t_initial=20, lr_min=0.001, lb=-7, ub=3)", () => {
    // Expected: timm/scheduler/tanh_lr.py _get_lr's formula, evaluated in CPython.
    expectValues(
      tanh({ lr: 0.1, steps: 20, minLr: 0.001 }),
      [0.09999991767872526, 0.09999977622789451, 0.09821936521375295, 0.0016625922415041995, 0.001, 0.001],
      [0, 1, 10, 19, 20, 25],
    );
  });

  it("rejects ub <= lb", () => {
    expectThrow(
      () => tanh({ lr: 0.1, steps: 20, lb: 3, ub: 3 }),
      RangeError,
      "tanh: ub must exceed lb (3), got 3",
    );
  });
});
