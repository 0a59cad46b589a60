import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromSpec } from "../spec/fromSpec.js";
import { expectThrow, expectValues } from "../test/expect.js";
import { cosine } from "./cosine.js";

describe("cosine", () => {
  it("anneals from lr to minLr and holds there (d2l CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01))", () => {
    // Expected: the chapter's formula final + (base - final) * (1 + cos(pi t / 20)) / 2, evaluated in CPython.
    const s = cosine({ lr: 0.3, steps: 20, minLr: 0.01 });
    expectValues(
      s,
      [0.3, 0.29821480938629497, 0.155, 0.011785190613705039, 0.01, 0.01],
      [0, 1, 10, 19, 20, 30],
    );
  });

  it('rises again past the horizon with after: "periodic", as PyTorch\'s closed form', () => {
    const s = cosine({ lr: 0.1, steps: 10, after: "periodic" });
    expect(s(10)).toBe(0);
    expect(s(20)).toBeCloseTo(0.1, 15);
    expect(s(15)).toBeCloseTo(0.05, 15);
  });

  it("raises the cosine factor to `exponent` (Optax cosine_decay_schedule(1.0, 10, alpha=0.1, exponent=2))", () => {
    // Optax: init * ((1 - alpha) * (0.5 * (1 + cos(pi t / T))) ** exponent + alpha)
    const s = cosine({ lr: 1, steps: 10, minLr: 0.1, exponent: 2 });
    const optax = (t: number) => 0.9 * (0.5 * (1 + Math.cos((Math.PI * Math.min(t, 10)) / 10))) ** 2 + 0.1;
    expectValues(s, [0, 3, 5, 10, 12].map(optax), [0, 3, 5, 10, 12]);
  });

  it("keeps the lr higher for longer with k-decay (timm k_decay)", () => {
    const plain = cosine({ lr: 1, steps: 100 });
    const damped = cosine({ lr: 1, steps: 100, k: 2 });
    expect(damped(50)).toBeGreaterThan(plain(50));
    expect(damped(50)).toBeCloseTo(0.5 * (1 + Math.cos(Math.PI * 0.25)), 15);
    expect(damped(100)).toBe(0);
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => cosine({ lr: 0.1, steps: 0 }),
      RangeError,
      "cosine: steps must be a positive number, got 0",
    );
    expectThrow(
      () => cosine({ lr: -1, steps: 10 }),
      RangeError,
      "cosine: lr must be a non-negative number, got -1",
    );
    expectThrow(
      () => cosine({ lr: NaN, steps: 10 }),
      TypeError,
      "cosine: lr must be a finite number, got NaN",
    );
    expectThrow(
      () => cosine({ lr: 0.1, steps: 10, minLr: 0.2 }),
      RangeError,
      "cosine: minLr must not exceed lr (0.1), got 0.2",
    );
    expectThrow(
      () => cosine({ lr: 0.1, steps: 10, after: "wrap" as never }),
      RangeError,
      'cosine: after must be one of "hold", "periodic", got "wrap"',
    );
  });

  it("stays within [minLr, lr], never increases before the horizon, and survives a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom("hold" as const, "periodic" as const),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        (lr, ratio, steps, after, k) => {
          const s = cosine({ lr, steps, minLr: lr * ratio, after, k });
          const copy = fromSpec(JSON.parse(JSON.stringify(s.spec)));
          let previous = Infinity;
          for (let t = 0; t <= 2 * steps; t++) {
            const v = s(t);
            expect(v).toBeGreaterThanOrEqual(lr * ratio * (1 - 1e-15));
            expect(v).toBeLessThanOrEqual(lr * (1 + 1e-15));
            if (t <= steps) expect(v).toBeLessThanOrEqual(previous);
            previous = v;
            expect(copy(t)).toBe(v);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("cosine with a large k-decay", () => {
  it("does not overflow: t ** k / steps ** k is computed as (t / steps) ** k where the powers overflow", () => {
    // (19 / 20) ** 300 = 2.07e-7, so the phase is ~0 and the value ~lr: 0.3 * (1 + cos(pi * 2.07e-7)) / 2.
    const expected = (0.3 * (1 + Math.cos(Math.PI * 2.0709e-7))) / 2;
    expect(cosine({ lr: 0.3, steps: 20, k: 300 })(19)).toBeCloseTo(expected, 12);
  });
});
