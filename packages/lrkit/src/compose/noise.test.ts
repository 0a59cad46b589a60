import { describe, expect, it } from "vitest";
import { constant } from "../families/constant.js";
import { expectThrow } from "../test/expect.js";
import { noise } from "./noise.js";

describe("noise", () => {
  const base = constant({ lr: 0.1 });

  it("gives the same values for the same seed, in any order, and others for another seed", () => {
    const a = noise(base, { seed: 7, pct: 0.3 });
    const b = noise(base, { seed: 7, pct: 0.3 });
    const c = noise(base, { seed: 8, pct: 0.3 });
    const forward = Array.from({ length: 50 }, (_, t) => a(t));
    const backward = Array.from({ length: 50 }, (_, t) => b(49 - t)).reverse();
    expect(backward).toEqual(forward);
    expect(forward.filter((v, t) => v !== c(t)).length).toBeGreaterThan(45);
  });

  it("stays within (1 - pct, 1 + pct) of the value and has about the right spread", () => {
    for (const distribution of ["normal", "uniform"] as const) {
      const s = noise(base, { seed: 1, pct: 0.5, distribution });
      const ratios = Array.from({ length: 4000 }, (_, t) => s(t) / 0.1 - 1);
      expect(Math.max(...ratios.map(Math.abs))).toBeLessThan(0.5);
      const mean = ratios.reduce((x, y) => x + y) / ratios.length;
      expect(Math.abs(mean)).toBeLessThan(0.02);
      const sd = Math.sqrt(ratios.reduce((x, y) => x + (y - mean) ** 2, 0) / ratios.length);
      // uniform on (-0.5, 0.5): 0.289; a standard normal truncated to (-0.5, 0.5): 0.284
      expect(sd).toBeGreaterThan(0.26);
      expect(sd).toBeLessThan(0.31);
    }
  });

  it("only perturbs steps in [start, end)", () => {
    const s = noise(base, { seed: 3, start: 10, end: 20 });
    expect([0, 9, 20, 30].map(s)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(s(10)).not.toBe(0.1);
  });

  it("rejects an empty range and a pct too small for rejection sampling", () => {
    expectThrow(
      () => noise(base, { start: 10, end: 5 }),
      RangeError,
      "noise: end must exceed start (10), got 5",
    );
    expectThrow(
      () => noise(base, { pct: 0.001 }),
      RangeError,
      "noise: pct must be at least std / 100 (0.01), got 0.001",
    );
  });
});

describe("noise from outside", () => {
  it("treats a seed of -0 as 0, so the saved spec (JSON writes -0 as 0) gives the same noise", () => {
    const s = noise(constant({ lr: 0.1 }), { seed: -0, pct: 0.5 });
    const t = noise(constant({ lr: 0.1 }), { seed: 0, pct: 0.5 });
    for (let i = 0; i < 20; i++) expect(s(i)).toBe(t(i));
    expect(Object.is(s.spec.seed, 0)).toBe(true);
  });

  it("refuses a pct above 1, which could turn the lr negative", () => {
    expectThrow(
      () => noise(constant({ lr: 0.1 }), { pct: 1.5 }),
      RangeError,
      "noise: pct must be at most 1 (more could turn the lr negative), got 1.5",
    );
  });
});
