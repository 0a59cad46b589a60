import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleOf, cycleStart, locateCycle } from "./math.js";

/**
 * The reference: cycle i of `period * (k/10)^i` steps starts at `S_i = period * sum_{j<i} (k/10)^j`,
 * summed as exact fractions `S_i = n / 10^(i-1)`. Returns `[n, 10^(i-1)]` (`[0, 1]` for i = 0).
 */
function exactStart(i: number, period: number, k: number): [bigint, bigint] {
  let n = 0n;
  for (let j = 0; j < i; j++) n += BigInt(period) * BigInt(k) ** BigInt(j) * 10n ** BigInt(i - 1 - j);
  return [n, i === 0 ? 1n : 10n ** BigInt(i - 1)];
}

/** The cycle of integer step `t` by the reference: the last i with `S_i <= t`. */
function exactCycle(t: number, period: number, k: number): number {
  let i = 0;
  for (;;) {
    const [n, d] = exactStart(i + 1, period, k);
    if (BigInt(t) * d < n) return i;
    i++;
  }
}

const period = fc.integer({ min: 1, max: 60 });
const tenths = fc.integer({ min: 11, max: 40 }); // one-decimal multipliers 1.1 ... 4.0

describe("cycleOf", () => {
  it("finds the cycle of an integer step as exact rational arithmetic does (one-decimal multipliers)", () => {
    fc.assert(
      fc.property(period, tenths, fc.integer({ min: 0, max: 20_000 }), (p, k, t) => {
        expect(cycleOf(t, p, k / 10)).toBe(exactCycle(t, p, k));
      }),
      { numRuns: 2000 },
    );
  });

  it("starts a cycle exactly on its start whenever that start is an integer, and not a step before", () => {
    fc.assert(
      fc.property(period, tenths, fc.integer({ min: 1, max: 14 }), (p, k, i) => {
        const [n, d] = exactStart(i, p, k);
        if (n % d === 0n) {
          const start = Number(n / d);
          expect(cycleOf(start, p, k / 10)).toBe(i);
          expect(cycleOf(start - 1, p, k / 10)).toBe(i - 1);
        } else {
          expect(cycleOf(Number(n / d), p, k / 10)).toBe(i - 1); // the integer below the start
          expect(cycleOf(Number(n / d) + 1, p, k / 10)).toBe(i);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("restarts on the exact starts that float64 misses by an ulp (15 at 2.4, 7 at 2.7, 28 at 1.6)", () => {
    // In float64, 15 * (2.4 - 1) / (2.4 - 1) is 15.000000000000002 and 7 * (2.7 - 1) / (2.7 - 1)
    // is 7.000000000000001.
    expect([cycleOf(14, 15, 2.4), cycleOf(15, 15, 2.4)]).toEqual([0, 1]);
    expect([cycleOf(50, 15, 2.4), cycleOf(51, 15, 2.4)]).toEqual([1, 2]);
    expect([cycleOf(6, 7, 2.7), cycleOf(7, 7, 2.7)]).toEqual([0, 1]);
    expect([cycleOf(27, 28, 1.6), cycleOf(28, 28, 1.6)]).toEqual([0, 1]);
  });

  it("restarts where logarithms round down (integer multipliers: log(243) / log(3) < 5)", () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 15 }), (p, m, i) => {
        const start = (p * (m ** i - 1)) / (m - 1); // exact: below 2^53
        expect(cycleOf(start, p, m)).toBe(i);
        expect(cycleOf(start - 1, p, m)).toBe(i - 1);
      }),
    );
  });

  it("answers at once at any step, for any multiplier (no loop over cycles)", () => {
    const multipliers = [1, 1.0000000000000002, 1.1, 3, 1e10, 1e308];
    for (const mult of multipliers) {
      for (const t of [0, 0.25, 1e6, 1e20, 1e300, Number.MAX_VALUE]) {
        const cycle = cycleOf(t, 10, mult);
        expect(Number.isInteger(cycle), `mult ${mult}, t ${t}: ${cycle}`).toBe(true);
        expect(cycle).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("reads a decimal period as written with multiplier 1 (0.3 is the start of cycle 3 of 0.1)", () => {
    // 0.3 / 0.1 is 2.9999999999999996 in float64.
    expect(cycleOf(0.3, 0.1, 1)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 10_000 }), (k, j) => {
        expect(cycleOf(j / 10, k / 10, 1)).toBe(Math.floor(j / k));
      }),
    );
  });

  it("gives NaN for a NaN step and Infinity for an infinite one", () => {
    expect(cycleOf(NaN, 10, 2)).toBeNaN();
    expect(cycleOf(Infinity, 10, 2)).toBe(Infinity);
    expect(cycleOf(Infinity, 10, 1)).toBe(Infinity);
  });
});

describe("cycleStart", () => {
  it("is the exact start where that is an integer, whatever float64 gives", () => {
    expect(cycleStart(1, 15, 2.4)).toBe(15);
    expect(cycleStart(2, 15, 2.4)).toBe(51);
    expect(cycleStart(1, 7, 2.7)).toBe(7);
    fc.assert(
      fc.property(period, tenths, fc.integer({ min: 0, max: 14 }), (p, k, i) => {
        const [n, d] = exactStart(i, p, k);
        const s = cycleStart(i, p, k / 10);
        if (n % d === 0n) expect(s).toBe(Number(n / d));
        else expect(Math.abs(s - Number(n) / Number(d))).toBeLessThan(1e-12 * s);
      }),
    );
  });
});

describe("locateCycle", () => {
  it("gives the cycle, the steps into it from its start and its length", () => {
    expect(locateCycle(51, 15, 2.4)).toEqual({ cycle: 2, offset: 0, length: 15 * 2.4 ** 2 });
    expect(locateCycle(50, 15, 2.4)).toEqual({ cycle: 1, offset: 35, length: 15 * 2.4 });
    expect(locateCycle(25, 10, 1)).toEqual({ cycle: 2, offset: 5, length: 10 });
  });
});
