import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { sgdr } from "./sgdr.js";

describe("sgdr", () => {
  it("gives the same value at a step whatever was evaluated before (a pure function of the step)", () => {
    const options = fc.record({
      period: fc.double({ min: 0.5, max: 50, noNaN: true }),
      periodMult: fc.oneof(
        fc.constantFrom(1, 2, 2.4, 1.0000000000000002, 1e308),
        fc.double({ min: 1, max: 4, noNaN: true }),
      ),
      decay: fc.double({ min: 0.1, max: 1, noNaN: true }),
    });
    const step = fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.double({ min: 0, max: 5000, noNaN: true }),
      fc.constantFrom(0.25, 1e20, 1e300),
    );
    fc.assert(
      fc.property(options, fc.array(step, { minLength: 1, maxLength: 40 }), (o, steps) => {
        const warm = sgdr({ lr: 0.1, minLr: 0.001, ...o });
        for (const t of steps) expect(warm(t)).toBe(sgdr({ lr: 0.1, minLr: 0.001, ...o })(t));
      }),
    );
  });

  it("restarts after T_0 * T_mult^i steps (PyTorch 1.13.1 CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=0.001))", () => {
    // Expected: the lr read before each step() of the real scheduler, t = 0..39, torch 1.13.1.
    expectValues(
      sgdr({ lr: 0.1, period: 5, periodMult: 2, minLr: 0.001 }),
      [
        0.1, 0.0905463412215599, 0.0657963412215599, 0.03520365877844011, 0.010453658778440109, 0.1,
        0.09757729755661011, 0.0905463412215599, 0.07959536998847742, 0.0657963412215599, 0.0505,
        0.03520365877844011, 0.021404630011522586, 0.010453658778440109, 0.0034227024433899004, 0.1,
        0.09939057285945932, 0.09757729755661011, 0.09460482294732421, 0.0905463412215599, 0.0855017856687341,
        0.07959536998847742, 0.07297252973710756, 0.0657963412215599, 0.05824350601949144, 0.0505,
        0.04275649398050859, 0.03520365877844011, 0.02802747026289244, 0.021404630011522586,
        0.0154982143312659, 0.010453658778440109, 0.0063951770526757944, 0.0034227024433899004,
        0.001609427140540686, 0.1, 0.09984740801978985, 0.09939057285945932, 0.098632311059685,
        0.09757729755661011,
      ],
    );
  });

  it("restarts exactly on integer cycle starts that float64 misses (period 15, periodMult 2.4: 15, 51)", () => {
    // 15 * (2.4 - 1) / (2.4 - 1) is 15.000000000000002 in float64; the cycles start at 15 and
    // 15 + 15 * 2.4 = 51.
    const s = sgdr({ lr: 0.1, period: 15, periodMult: 2.4 });
    expect([s(15), s(51)]).toEqual([0.1, 0.1]);
    expect(s(14)).toBeLessThan(0.01);
    expect(s(50)).toBeLessThan(0.01);
  });

  it("answers at once at a huge step whatever the multiplier (no loop over cycles)", () => {
    // With periodMult 1 + 2^-52, step 1e20 lies some 3.5e16 cycles in; a loop over them never ends.
    for (const periodMult of [1.0000000000000002, 1.1, 1e308]) {
      const s = sgdr({ lr: 0.1, period: 10, periodMult, minLr: 0.001 });
      for (const t of [1e20, 1e300]) {
        expect(s(t)).toBeGreaterThanOrEqual(0.001);
        expect(s(t)).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it("finds the right cycle where logarithms round down (period 1, periodMult 3: cycle 5 starts at 121)", () => {
    const s = sgdr({ lr: 1, period: 1, periodMult: 3 });
    expect(s(121)).toBe(1);
    expect(s(120)).toBeLessThan(0.01);
  });

  it("decays the peak per restart (timm cycle_decay) or the amplitude (Keras m_mul)", () => {
    const peak = sgdr({ lr: 1, period: 10, minLr: 0.1, decay: 0.5 });
    const amplitude = sgdr({ lr: 1, period: 10, minLr: 0.1, decay: 0.5, decayMode: "amplitude" });
    expect(peak(10)).toBe(0.5);
    expect(amplitude(10)).toBeCloseTo(0.1 + 0.9 * 0.5, 15);
  });

  it("holds minLr after cycleLimit cycles (timm cycle_limit)", () => {
    const s = sgdr({ lr: 1, period: 10, minLr: 0.1, cycleLimit: 2 });
    expect([s(10), s(20), s(35)]).toEqual([1, 0.1, 0.1]);
    expect(s.horizon).toBe(20);
  });

  it("follows timm's k-decay within a cycle (CosineLRScheduler(t_initial=20, lr_min=0.001, k_decay=2, cycle_limit=1))", () => {
    // Expected: timm/scheduler/cosine_lr.py _get_lr's formula with k=2, evaluated in CPython.
    expectValues(
      sgdr({ lr: 0.1, period: 20, minLr: 0.001, k: 2, cycleLimit: 1 }),
      [0.1, 0.09904887137995991, 0.0855017856687341, 0.04084302906020166, 0.001],
      [0, 5, 10, 15, 20],
    );
  });

  it("rejects shrinking periods", () => {
    expectThrow(
      () => sgdr({ lr: 1, period: 10, periodMult: 0.5 }),
      RangeError,
      "sgdr: periodMult must be at least 1, got 0.5",
    );
  });
});
