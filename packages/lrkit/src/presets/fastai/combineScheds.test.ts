import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosine } from "../../families/cosine.js";
import { exponential } from "../../families/exponential.js";
import { linear } from "../../families/linear.js";
import { parseSchedule } from "../../spec/parse.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import { combine_scheds, combined_cos, SchedCos, SchedExp, SchedLin, SchedNo, SchedPoly } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: fastai/fastai fastai/callback/schedule.py (combine_scheds, combined_cos and the
// annealers, with fastai.torch_core.tensor's float64 -> float32 conversion) copied into a CPython
// scratch script (not committed) and run with PyTorch 1.13 at pos = min(t, steps) / steps. Cases
// named "the notebook's" are the tests of nbs/14_callback.schedule.ipynb, which checks them to 5
// digits.

const STEPS = [0, 1, 2, 3, 5, 6, 7, 10, 13, 14, 19, 20, 21, 299, 300, 301, 999, 1000, 5000];

const notebook = () =>
  combine_scheds({
    pcts: [0.3, 0.2, 0.5],
    scheds: [SchedLin({ start: 0, end: 1 }), SchedNo({ start: 1, end: 1 }), SchedCos({ start: 1, end: 0 })],
    steps: 20,
  });

describe("fastai.combine_scheds", () => {
  it("runs each schedule over its fraction of training (the notebook's [0.3, 0.2, 0.5] linear, flat, cosine)", () => {
    const s = notebook();
    expectValues(s, [0.0, 0.5, 1.0, 1.0, 1.0, 0.6545085328052083, 0.0, 0.0], [0, 3, 6, 8, 10, 14, 20, 25]);
    expect(s.horizon).toBe(20);
  });

  it("carries the float32 rounding of fastai's tensor positions, not the float64 values", () => {
    const s = combine_scheds({
      pcts: [0.3, 0.7],
      scheds: [SchedLin({ start: 0, end: 1 }), SchedLin({ start: 1, end: 0 })],
      steps: 20,
    });
    const t = [0, 1, 3, 5, 6, 7, 13, 19, 20];
    expectValues(
      s,
      [
        0.0, 0.1666666567325592, 0.5, 0.8333333134651184, 1.0, 0.928571455180645, 0.5000000298023224,
        0.07142859697341919, 0.0,
      ],
      t,
    );
    // The same lines in float64 differ by ~1e-8 relative: the quirk is real, and reproduced.
    expect(s(1)).not.toBe(1 / 20 / 0.3);
    expect(Math.abs(s(1) - 0.16666666666666669)).toBeGreaterThan(1e-9);
  });

  it("runs any fastai annealer as a phase (SchedExp, then SchedPoly)", () => {
    const s = combine_scheds({
      pcts: [0.25, 0.75],
      scheds: [SchedExp({ start: 0.01, end: 1 }), SchedPoly({ start: 1, end: 0, power: 2 })],
      steps: 8,
    });
    expectValues(s, [0.01, 0.1, 1.0, 0.9722222205665376, 0.75, 0.0, 0.0], [0, 1, 2, 3, 5, 8, 9]);
  });

  it("nests: a combine_scheds runs as a phase of another, with its own float32 positions", () => {
    const inner = combine_scheds({
      pcts: [0.5, 0.5],
      scheds: [SchedLin({ start: 0, end: 1 }), SchedCos({ start: 1, end: 0.5 })],
    });
    const s = combine_scheds({
      pcts: [0.4, 0.6],
      scheds: [inner, SchedExp({ start: 0.5, end: 0.05 })],
      steps: 10,
    });
    expectValues(
      s,
      [0.0, 0.5, 1.0, 0.75, 0.5, 0.34064604232096163, 0.1581139047087234, 0.0733899768109559, 0.05],
      [0, 1, 2, 3, 4, 5, 7, 9, 10],
    );
  });

  it("ignores the phases' own steps: a phase sees only its position", () => {
    const a = combine_scheds({
      pcts: [0.5, 0.5],
      scheds: [SchedLin({ start: 0, end: 1, steps: 7 }), SchedCos({ start: 1, end: 0, steps: 1000 })],
      steps: 40,
    });
    const b = combine_scheds({
      pcts: [0.5, 0.5],
      scheds: [SchedLin({ start: 0, end: 1 }), SchedCos({ start: 1, end: 0 })],
      steps: 40,
    });
    expectSame(a, b, [0, 1, 7, 19, 20, 21, 33, 39, 40, 41]);
  });

  it("skips a zero-length phase in the middle, as fastai does", () => {
    const s = combine_scheds({
      pcts: [0.5, 0, 0.5],
      scheds: [
        SchedLin({ start: 0, end: 1 }),
        SchedNo({ start: 3, end: 3 }),
        SchedCos({ start: 1, end: 0.5 }),
      ],
      steps: 4,
    });
    expectValues(s, [0.0, 0.5, 1.0, 0.75, 0.5], [0, 1, 2, 3, 4]);
  });

  it("holds the end of the last non-empty phase where fastai divides 0 by 0 for an empty final phase", () => {
    // fastai: f(0.999) = 0.5000049346589002; f(1.0) = 3 (SchedNo ignores its NaN position).
    const s = combine_scheds({
      pcts: [0.5, 0.5, 0],
      scheds: [
        SchedLin({ start: 0, end: 1 }),
        SchedCos({ start: 1, end: 0.5 }),
        SchedNo({ start: 3, end: 3 }),
      ],
      steps: 1000,
    });
    expectValues(s, [1.0, 0.5000049346589002, 0.5, 0.5], [500, 999, 1000, 2000]);
  });

  it("runs other lrkit schedules over their horizon, an lrkit extension", () => {
    const s = combine_scheds({
      pcts: [0.5, 0.5],
      scheds: [linear({ from: 0, to: 1, steps: 3 }), cosine({ lr: 1, steps: 10 })],
      steps: 4,
    });
    expectValues(s, [0, 0.5, 1, 0.5, 0, 0], [0, 1, 2, 3, 4, 9]);
  });

  it("rejects what fastai asserts against, naming the preset, the parameter and the value", () => {
    const two = [SchedNo({ start: 1, end: 1 }), SchedNo({ start: 1, end: 1 })];
    expectThrow(
      () => combine_scheds({ pcts: [0.5, 0.4], scheds: two }),
      RangeError,
      "fastai.combine_scheds: pcts must sum to exactly 1 (fastai asserts it; the sum is 0.9), got [0.5,0.4]",
    );
    // Ten times 0.1 sums to 0.9999999999999999 in Python too: AssertionError there.
    expectThrow(
      () => combine_scheds({ pcts: Array(10).fill(0.1), scheds: Array(10).fill(two[0]) }),
      RangeError,
      /^fastai\.combine_scheds: pcts must sum to exactly 1 \(fastai asserts it; the sum is 0\.9999999999999999\)/,
    );
    expectThrow(
      () => combine_scheds({ pcts: [1.2, -0.2], scheds: two }),
      RangeError,
      "fastai.combine_scheds: pcts[1] must be non-negative, got -0.2",
    );
    expectThrow(
      () => combine_scheds({ pcts: [1], scheds: two }),
      RangeError,
      /^fastai\.combine_scheds: scheds must hold one schedule per pct \(1\), got /,
    );
    expectThrow(
      () => combine_scheds({ pcts: [0.5, 0.5], scheds: [two[0]!, exponential({ lr: 1, gamma: 0.5 })] }),
      TypeError,
      "fastai.combine_scheds: scheds[1] must be a fastai schedule or a schedule with a horizon, got a schedule",
    );
    expectThrow(
      () => combine_scheds({ pcts: [1], scheds: [0.1] } as never),
      TypeError,
      "fastai.combine_scheds: scheds[0] must be a schedule, got 0.1",
    );
  });

  it("rebuilds from its spec, in JSON and in the text syntax", () => {
    const s = notebook();
    expect(s.spec.type).toBe("fastai.combine_scheds");
    expectSame(roundTrip(s), s, STEPS);
    const text = parseSchedule(
      "fastai.combine_scheds([0.3, 0.2, 0.5], [fastai.SchedLin(0, 1), fastai.SchedNo(1, 1), fastai.SchedCos(1, 0)], 20)",
    );
    expectSame(text, s, STEPS);
    const mixed = combine_scheds({
      pcts: [0.25, 0.75],
      scheds: [linear({ from: 0.01, to: 0.1, steps: 5 }), SchedCos({ start: 0.1, end: 0 })],
      steps: 100,
    });
    expectSame(roundTrip(mixed), mixed, STEPS);
  });
});

describe("fastai.combined_cos", () => {
  it("anneals start -> middle over pct, then middle -> end (the notebook's combined_cos(0.25, 0.5, 1, 0))", () => {
    const s = combined_cos({ pct: 0.25, start: 0.5, middle: 1, end: 0, steps: 20 });
    // 0.7499999864861414, not 0.75: the float32 local position.
    expectValues(s, [0.5, 0.6727457558584801, 1.0, 0.7499999864861414, 0.0, 0.0], [0, 2, 5, 10, 20, 30]);
    expect(s.horizon).toBe(20);
  });

  it("gives fastai's one-cycle shape step by step (combined_cos(0.3, 0.004, 0.1, 1e-6) over 1000 steps)", () => {
    const s = combined_cos({ pct: 0.3, start: 0.004, middle: 0.1, end: 1e-6, steps: 1000 });
    expectValues(
      s,
      [
        0.004, 0.004002631870582873, 0.052000000000000005, 0.09999736804044153, 0.1, 0.09999949646761329,
        0.08117468043945325, 1.5035263958296241e-6, 1.000000000001e-6, 1.000000000001e-6,
      ],
      [0, 1, 150, 299, 300, 301, 500, 999, 1000, 1200],
    );
  });

  it("starts in the second phase with pct = 0, and holds middle after pct = 1 (where fastai's pos = 1 is NaN)", () => {
    expectValues(
      combined_cos({ pct: 0, start: 0.1, middle: 1, end: 0, steps: 4 }),
      [1.0, 0.8535533905932737, 0.5, 0.0],
      [0, 1, 2, 4],
    );
    // fastai: f(0.999) = 0.9999977793980159; f(1.0) = nan (0/0 in the empty second phase).
    const s = combined_cos({ pct: 1, start: 0.1, middle: 1, end: 0, steps: 1000 });
    expectValues(s, [0.9999977793980159, 1, 1], [999, 1000, 1001]);
  });

  it("equals combine_scheds of two SchedCos, and rebuilds from its spec and the text syntax", () => {
    const s = combined_cos({ pct: 0.3, start: 0.004, middle: 0.1, end: 1e-6, steps: 1000 });
    const composed = combine_scheds({
      pcts: [0.3, 0.7],
      scheds: [SchedCos({ start: 0.004, end: 0.1 }), SchedCos({ start: 0.1, end: 1e-6 })],
      steps: 1000,
    });
    expectSame(s, composed, STEPS);
    expect(s.spec).toEqual({
      type: "fastai.combined_cos",
      pct: 0.3,
      start: 0.004,
      middle: 0.1,
      end: 1e-6,
      steps: 1000,
    });
    expectRebuilt(s, "fastai.combined_cos(0.3, 0.004, 0.1, 1e-6, 1000)", STEPS);
  });

  it("rejects bad parameters, naming the preset, the parameter and the value", () => {
    expectThrow(
      () => combined_cos({ pct: 1.5, start: 0.1, middle: 1, end: 0 }),
      RangeError,
      "fastai.combined_cos: pct must be in [0, 1], got 1.5",
    );
    expectThrow(
      () => combined_cos({ pct: 0.25, start: 0.1, end: 0 } as never),
      TypeError,
      "fastai.combined_cos: middle is required",
    );
  });

  it("stays between its values, peaks at middle and survives a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (pct, a, middle, b, steps) => {
          const s = combined_cos({ pct, start: a * middle, middle, end: b * middle, steps });
          const copy = roundTrip(s);
          for (let t = 0; t <= steps + 2; t++) {
            const v = s(t);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(middle * (1 + 1e-12));
            expect(copy(t)).toBe(v);
          }
          expect(s(steps + 10)).toBe(s(steps));
        },
      ),
      { numRuns: 100 },
    );
  });
});
