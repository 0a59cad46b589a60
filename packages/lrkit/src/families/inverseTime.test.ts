import { describe, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { inverseTime } from "./inverseTime.js";

describe("inverseTime", () => {
  it("is Keras' InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5), smooth and in stairs", () => {
    // Expected: learning_rate_schedule.py InverseTimeDecay's formula, evaluated in CPython.
    expectValues(
      inverseTime({ lr: 0.1, decayRate: 0.5, decaySteps: 10 }),
      [0.1, 0.08, 0.06666666666666667, 0.044444444444444446],
      [0, 5, 10, 25],
    );
    expectValues(
      inverseTime({ lr: 0.1, decayRate: 0.5, decaySteps: 10, staircase: true }),
      [0.1, 0.1, 0.06666666666666667, 0.05],
      [0, 5, 10, 25],
    );
  });

  it("rejects a negative decayRate", () => {
    expectThrow(
      () => inverseTime({ lr: 0.1, decayRate: -1 }),
      RangeError,
      "inverseTime: decayRate must be a non-negative number, got -1",
    );
  });
});
