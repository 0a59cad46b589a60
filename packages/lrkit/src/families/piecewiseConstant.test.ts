import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { piecewiseConstant } from "./piecewiseConstant.js";

describe("piecewiseConstant", () => {
  it('switches at the boundary with closed "left" (Optax) and just after it with "right" (Keras)', () => {
    const left = piecewiseConstant({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
    const right = piecewiseConstant({ boundaries: [100, 200], values: [1, 0.5, 0.1], closed: "right" });
    expect([99, 100, 101, 200, 201].map(left)).toEqual([1, 0.5, 0.5, 0.1, 0.1]);
    // Keras PiecewiseConstantDecay docstring: step <= 100000 -> 1.0, 100000 < step <= 110000 -> 0.5, later 0.1.
    expect([99, 100, 101, 200, 201].map(right)).toEqual([1, 1, 0.5, 0.5, 0.1]);
  });

  it("gives values[number of boundaries passed] for any boundaries, side and step (fractional, on and next to a boundary)", () => {
    const sorted = fc
      .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 24 })
      .map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(sorted, fc.boolean(), fc.double({ min: -2e6, max: 2e6, noNaN: true }), (bs, left, x) => {
        const values = Array.from({ length: bs.length + 1 }, (_, i) => i + 0.5);
        const s = piecewiseConstant({ boundaries: bs, values, closed: left ? "left" : "right" });
        for (const t of [x, ...bs, ...bs.map((b) => b + Math.abs(b) * 2 ** -52 + Number.MIN_VALUE)]) {
          const passed = bs.filter((b) => (left ? b <= t : b < t)).length;
          expect(s(t)).toBe(values[passed]);
        }
        expect(s(NaN)).toBeNaN();
      }),
    );
  });

  it("rejects a wrong number of values and unsorted boundaries", () => {
    expectThrow(
      () => piecewiseConstant({ boundaries: [1, 2], values: [1, 2] }),
      RangeError,
      "piecewiseConstant: values must hold boundaries.length + 1 = 3 values, got [1,2]",
    );
    expectThrow(
      () => piecewiseConstant({ boundaries: [2, 1], values: [1, 2, 3] }),
      RangeError,
      "piecewiseConstant: boundaries must be sorted in increasing order, got [2,1]",
    );
  });
});
