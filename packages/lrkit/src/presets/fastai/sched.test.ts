import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../spec/parse.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, expectSame, roundTrip } from "../../test/roundTrip.js";
import { SchedCos, SchedExp, SchedLin, SchedNo, SchedPoly } from "./index.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: fastai/fastai fastai/callback/schedule.py (sched_lin, sched_cos, sched_no,
// sched_exp, SchedPoly) copied into a CPython scratch script (not committed) and evaluated at
// pos = min(t, steps) / steps; the first case of each preset is the test of
// nbs/14_callback.schedule.ipynb (pos 0, 0.25, 0.5, 0.75, 1), whose values it checks to 5 digits.

const STEPS = [0, 1, 2, 3, 4, 5, 7, 10, 37, 50, 99, 100, 101, 150, 1e6];

describe("fastai.SchedLin", () => {
  it("goes linearly from start to end over steps, then holds (the notebook's SchedLin(0, 2))", () => {
    const s = SchedLin({ start: 0, end: 2, steps: 4 });
    expectValues(s, [0.0, 0.5, 1.0, 1.5, 2.0, 2.0], [0, 1, 2, 3, 4, 6]);
    expect(s.horizon).toBe(4);
  });

  it("gives fastai's sched_lin at t / steps (SchedLin(1e-3, 1e-2) over 100 steps)", () => {
    const s = SchedLin({ start: 1e-3, end: 1e-2, steps: 100 });
    expectValues(
      s,
      [
        0.001, 0.00109, 0.0043300000000000005, 0.0055000000000000005, 0.009910000000000002,
        0.010000000000000002, 0.010000000000000002,
      ],
      [0, 1, 37, 50, 99, 100, 150],
    );
  });

  it("is fastai's function of pos itself with the default steps = 1", () => {
    const s = SchedLin({ start: 0, end: 2 });
    expectValues(s, [0.0, 0.5, 1.0, 1.5, 2.0, 2.0], [0, 0.25, 0.5, 0.75, 1, 3]);
  });
});

describe("fastai.SchedCos", () => {
  it("follows half a cosine from start to end (the notebook's SchedCos(0, 2))", () => {
    const s = SchedCos({ start: 0, end: 2, steps: 4 });
    expectValues(s, [0.0, 0.29289321881345254, 1.0, 1.7071067811865475, 2.0, 2.0], [0, 1, 2, 3, 4, 6]);
  });

  it("falls (SchedCos(0.1, 0.001)) and rises (SchedCos(1e-3, 0.1)) in fastai's operation order", () => {
    const down = SchedCos({ start: 0.1, end: 0.001, steps: 100 });
    expectValues(
      down,
      [
        0.1, 0.09997557473810371, 0.07015882058642164, 0.0505, 0.0010244252618962918, 0.0010000000000000009,
        0.0010000000000000009,
      ],
      [0, 1, 37, 50, 99, 100, 150],
    );
    const up = SchedCos({ start: 1e-3, end: 0.1, steps: 100 });
    expectValues(
      up,
      [0.001, 0.0010244252618962857, 0.030841179413578366, 0.0505, 0.09997557473810371, 0.1, 0.1],
      [0, 1, 37, 50, 99, 100, 150],
    );
  });
});

describe("fastai.SchedNo", () => {
  it("stays at start and ignores end (the notebook's SchedNo(0, 2))", () => {
    const s = SchedNo({ start: 0, end: 2, steps: 4 });
    expectValues(s, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0, 1, 2, 3, 4, 6]);
    expectValues(SchedNo({ start: 0.3, end: 0, steps: 10 }), [0.3, 0.3, 0.3], [0, 5, 20]);
  });
});

describe("fastai.SchedExp", () => {
  it("grows geometrically from start to end (the notebook's SchedExp(1, 2))", () => {
    const s = SchedExp({ start: 1, end: 2, steps: 4 });
    expectValues(
      s,
      [1.0, 1.189207115002721, 1.4142135623730951, 1.681792830507429, 2.0, 2.0],
      [0, 1, 2, 3, 4, 6],
    );
  });

  it("sweeps like the LR finder (SchedExp(1e-7, 10) over 100 steps)", () => {
    const s = SchedExp({ start: 1e-7, end: 10, steps: 100 });
    expectValues(
      s,
      [1e-7, 1.202264434617413e-7, 9.120108393559096e-5, 0.001, 8.317637711026709, 10.0, 10.0],
      [0, 1, 37, 50, 99, 100, 150],
    );
  });

  it("gives CPython's bits where V8's ** is off by an ulp (SchedExp(1e-7, 10) over 100 steps)", () => {
    // Expected: CPython 3.11.7 `1e-7 * (10/1e-7) ** (t/100)`; V8's ** differs in the last bit at
    // t = 13, 47, 73 and 88 (of 101 steps).
    const s = SchedExp({ start: 1e-7, end: 10, steps: 100 });
    expect([13, 47, 73, 88].map((t) => s(t))).toEqual([
      1.096478196143185e-6, 0.0005754399373371565, 0.06918309709189363, 1.096478196143185,
    ]);
  });

  it("accepts end = 0 as fastai does: start at step 0, then 0", () => {
    expectValues(SchedExp({ start: 0.1, end: 0, steps: 100 }), [0.1, 0, 0, 0], [0, 1, 50, 150]);
  });
});

describe("fastai.SchedPoly", () => {
  it("moves away from start like pos ** power (the notebook's SchedPoly(0, 2, 2))", () => {
    const s = SchedPoly({ start: 0, end: 2, power: 2, steps: 4 });
    expectValues(s, [0.0, 0.125, 0.5, 1.125, 2.0, 2.0], [0, 1, 2, 3, 4, 6]);
  });

  it("falls fast first with power < 1 (SchedPoly(2, 1e-2, 0.5) over 100 steps)", () => {
    const s = SchedPoly({ start: 2, end: 1e-2, power: 0.5, steps: 100 });
    expectValues(
      s,
      [
        2.0, 1.801, 0.7895302564706543, 0.5928575054387704, 0.019975000157826273, 0.010000000000000009,
        0.010000000000000009,
      ],
      [0, 1, 37, 50, 99, 100, 150],
    );
  });

  it("gives CPython's bits where V8's ** is off by an ulp, and the correctly rounded ** where glibc's is not", () => {
    // Expected: CPython 3.11.7 `0.05 + (0.001 - 0.05) * (t/100) ** 1.7` at t = 51 and 88 (V8's **
    // differs in the last bit there). At t = 71 glibc's pow misrounds 0.71 ** 1.7 (0.5586492149739912;
    // mpmath at 400 bits rounds it to 0.5586492149739913): the expected value is CPython's formula with
    // mpmath's power.
    const s = SchedPoly({ start: 0.05, end: 0.001, power: 1.7, steps: 100 });
    expect([51, 88, 71].map((t) => s(t))).toEqual([
      0.034402127019395, 0.01057092191568363, 0.022626188466274427,
    ]);
  });

  it("gives end from step 0 on with power = 0 (0.0 ** 0 = 1 in Python)", () => {
    expectValues(SchedPoly({ start: 0.1, end: 0, power: 0, steps: 100 }), [0, 0, 0], [0, 1, 100]);
  });
});

describe("the fastai annealers", () => {
  it("reject bad parameters, naming the preset, the parameter and the value", () => {
    expectThrow(
      () => SchedLin({ start: -1, end: 1 }),
      RangeError,
      "fastai.SchedLin: start must be a non-negative number, got -1",
    );
    expectThrow(
      () => SchedCos({ start: 1, end: 0, steps: 0 }),
      RangeError,
      "fastai.SchedCos: steps must be a positive integer, got 0",
    );
    expectThrow(
      () => SchedNo({ start: 1, end: 0, steps: 2.5 }),
      RangeError,
      "fastai.SchedNo: steps must be a positive integer, got 2.5",
    );
    // fastai: ZeroDivisionError in sched_exp's end/start.
    expectThrow(
      () => SchedExp({ start: 0, end: 1 }),
      RangeError,
      "fastai.SchedExp: start must be a positive number, got 0",
    );
    // fastai: ZeroDivisionError ("0.0 cannot be raised to a negative power") at the first batch.
    expectThrow(
      () => SchedPoly({ start: 1, end: 0, power: -1 }),
      RangeError,
      "fastai.SchedPoly: power must be a non-negative number, got -1",
    );
    expectThrow(
      () => SchedPoly({ start: 1, end: 0 } as never),
      TypeError,
      "fastai.SchedPoly: power is required",
    );
    expectThrow(
      () => SchedLin({ start: 1, end: 0, lr: 1 } as never),
      TypeError,
      'fastai.SchedLin: unknown parameter "lr" (parameters: start, end, steps)',
    );
  });

  it("carry specs with the preset's type that rebuild them, in JSON and in the text syntax", () => {
    const s = SchedCos({ start: 0.1, end: 0.001, steps: 100 });
    expect(s.spec).toEqual({ type: "fastai.SchedCos", start: 0.1, end: 0.001, steps: 100 });
    expectRebuilt(s, "fastai.SchedCos(0.1, 0.001, 100)", STEPS);
    expectSame(
      parseSchedule("fastai.SchedPoly(2, 0.01, power=0.5, steps=100)"),
      SchedPoly({ start: 2, end: 0.01, power: 0.5, steps: 100 }),
      STEPS,
    );
    expectSame(
      parseSchedule("fastai.SchedExp(start=1e-7, end=10, steps=100)"),
      SchedExp({ start: 1e-7, end: 10, steps: 100 }),
      STEPS,
    );
    expectSame(parseSchedule("fastai.SchedLin(0, 2)"), SchedLin({ start: 0, end: 2 }), [0, 0.25, 0.5, 1, 2]);
    expectSame(roundTrip(SchedNo({ start: 0.2, end: 0 })), SchedNo({ start: 0.2, end: 0 }), STEPS);
  });

  it("stay between start and end, move monotonically, hold after steps and survive a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(SchedLin, SchedCos, SchedExp, SchedNo),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        (make, start, end, steps) => {
          const s = make({ start, end, steps });
          const copy = roundTrip(s);
          // Within a few ulps of the larger value: start + pos*(end-start) rounds at start's scale.
          const hi = Math.max(start, end) * (1 + 1e-12);
          const lo = Math.min(start, end) - 1e-12 * hi;
          const sign = Math.sign(end - start);
          let previous = s(0);
          for (let t = 0; t <= steps + 3; t++) {
            const v = s(t);
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
            expect((v - previous) * sign).toBeGreaterThanOrEqual(-1e-15 * hi);
            if (t >= steps) expect(v).toBe(s(steps));
            expect(copy(t)).toBe(v);
            previous = v;
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
