import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { polynomial } from "./polynomial.js";

describe("polynomial", () => {
  it("is PyTorch's PolynomialLR closed form and reaches exactly endLr (total_iters=10, power=2, torch 1.13.1)", () => {
    const s = polynomial({ lr: 0.1, steps: 10, power: 2 });
    expectValues(s, [0.1, 0.08100000000000002, 0.025, 0.0009999999999999996, 0.0, 0.0], [0, 1, 5, 9, 10, 15]);
    expect(s(10)).toBe(0);
  });

  it("restarts with a stretched horizon when cycling (Keras PolynomialDecay(0.1, 10, 0.001, power=0.5, cycle=True))", () => {
    // Expected: learning_rate_schedule.py PolynomialDecay's formula, evaluated in CPython.
    expectValues(
      polynomial({ lr: 0.1, steps: 10, endLr: 0.001, power: 0.5, cycle: true }),
      [
        0.1, 0.09491964650700087, 0.07100357133746821, 0.001, 0.06741121893174376, 0.001, 0.05522453319301145,
        0.036001785668734104,
      ],
      [0, 1, 5, 10, 11, 20, 21, 35],
    );
  });

  it("rejects a zero horizon", () => {
    expectThrow(
      () => polynomial({ lr: 0.1, steps: 0 }),
      RangeError,
      "polynomial: steps must be a positive number, got 0",
    );
  });
});
