import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { factor } from "./factor.js";

describe("factor", () => {
  it("equals d2l's iterative factor rule eta <- max(eta_min, eta * alpha), applied every stepSize steps", () => {
    // The chapter's update rule, iterated (repeated multiplication): the closed form agrees to rounding.
    const expected: number[] = [];
    let eta = 2.0;
    for (let t = 0; t < 120; t++) {
      expected.push(eta);
      if ((t + 1) % 3 === 0) eta = Math.max(0.01, eta * 0.9);
    }
    expectValues(factor({ lr: 2, factor: 0.9, stepSize: 3, minLr: 0.01 }), expected);
  });

  it("holds at the floor", () => {
    expect(factor({ lr: 1, factor: 0.5, minLr: 0.1 })(100)).toBe(0.1);
  });

  it("rejects a factor above 1 (it would grow, not decay)", () => {
    expectThrow(
      () => factor({ lr: 1, factor: 1.1 }),
      RangeError,
      "factor: factor must be in (0, 1], got 1.1",
    );
  });
});
