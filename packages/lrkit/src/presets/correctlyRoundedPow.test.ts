import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctlyRoundedPow } from "./correctlyRoundedPow.js";

describe("correctlyRoundedPow", () => {
  it("gives CPython's x ** y where V8's ** is off by an ulp", () => {
    // Expected: CPython 3.11.7 (glibc 2.36) `repr(x ** y)`; V8's x ** y differs in the last bit on
    // each. The first ones are "nice" inputs, the rest drawn at random (Python's random, seed 7).
    const cases: [number, number, number][] = [
      [2, -0.5, 0.7071067811865476],
      [2, 1.5, 2.8284271247461903],
      [2, 3.5, 11.313708498984761],
      [3, 2.4, 13.966610165238235],
      [5, -0.7, 0.3241313193385525],
      [5, 1.6, 13.132639022018838],
      [5.317202465801857, 0.3333333333333333, 1.7453976992796074],
      [4.64146756493834e-8, 1.0798757287305971, 1.2047559214126743e-8],
      [4052441949.532268, -2, 6.089286320793691e-20],
      [2.855448683407448, 3, 23.282149788382302],
      [9.441427682986243, -0.7703440475434729, 0.1773721923553425],
      [3.351836908112035, 0.25, 1.353071416466434],
      [4.060137798783139e-9, -0.09941973608717092, 6.827735076608296],
      [55946302.76171845, 0.567318757192175, 24857.41921698896],
      [0.00009231566981322543, 0.6451612903225806, 0.002494318381456291],
      [0.00033257096655426433, 0.06234718826405868, 0.6069449016406331],
    ];
    for (const [x, y, expected] of cases) expect(correctlyRoundedPow(x, y), `${x} ** ${y}`).toBe(expected);
  });

  it("rounds an exact midpoint to even, for an integer exponent and for 1.5 on a perfect square", () => {
    // Expected: CPython. (2^27 - 1)^2 = 18014398241046529 and 262143^3 = 18014192351838207 are
    // halfway between two doubles.
    expect(correctlyRoundedPow(134217727, 2)).toBe(18014398241046528);
    expect(correctlyRoundedPow(262143 ** 2, 1.5)).toBe(18014192351838208);
  });

  it("is within an ulp of Math.pow, with the same sign, everywhere", () => {
    const finite = fc.double({ min: 1e-300, max: 1e300, noNaN: true });
    fc.assert(
      fc.property(finite, fc.double({ min: -40, max: 40, noNaN: true }), (x, y) => {
        const exact = correctlyRoundedPow(x, y);
        const fast = x ** y;
        if (!Number.isFinite(fast) || fast === 0 || fast < 1e-300) return;
        expect(Math.abs(exact - fast)).toBeLessThanOrEqual(Math.abs(fast) * 2 ** -52);
      }),
      { numRuns: 300 },
    );
  });

  it("follows C's pow on special values and a negative base", () => {
    expect(correctlyRoundedPow(NaN, 2)).toBeNaN();
    expect(correctlyRoundedPow(-8, 1 / 3)).toBeNaN(); // CPython gives a complex number
    expect(correctlyRoundedPow(-1.5, -3)).toBe(-0.2962962962962963);
    expect(correctlyRoundedPow(-2, 3)).toBe(-8);
    expect([correctlyRoundedPow(0, 0.5), correctlyRoundedPow(5, 0), correctlyRoundedPow(1, 1e300)]).toEqual([
      0, 1, 1,
    ]);
    expect(correctlyRoundedPow(10, 400)).toBe(Infinity); // CPython raises OverflowError
  });
});
