import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loopDecay } from "./loopDecay.js";

describe("loopDecay", () => {
  it("is the anchors' loop lr = max(floor, lr * factor), k times, at any k in any order", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.constantFrom(0, 1e-8, 1e-3),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 20 }),
        (base, factor, floor, ks) => {
          const decayed = loopDecay(base, factor, floor);
          for (const k of ks) {
            let lr = base;
            for (let i = 0; i < k; i++) lr = Math.max(floor, lr * factor);
            expect(decayed(k), `k = ${k}`).toBe(lr);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("holds the value the loop settles at, and gives NaN for NaN", () => {
    const decayed = loopDecay(1, 0.5, 0.01);
    expect([decayed(6), decayed(7), decayed(8), decayed(1e12)]).toEqual([0.015625, 0.01, 0.01, 0.01]);
    expect(decayed(NaN)).toBeNaN();
  });
});
