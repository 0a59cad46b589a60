import { describe, expect, it } from "vitest";
import { constant } from "./families/constant.js";
import { cosine } from "./families/cosine.js";
import { interpolate } from "./families/interpolate.js";
import { multiStep } from "./families/multiStep.js";
import { define, isSchedule, sample } from "./schedule.js";
import { expectThrow } from "./test/expect.js";

describe("define and sample", () => {
  it("define decorates a function with its frozen spec", () => {
    const s = define(() => 0.5, { type: "constant", lr: 0.5 }, { horizon: 0 });
    expect(s(3)).toBe(0.5);
    expect(isSchedule(s)).toBe(true);
    expect(Object.isFrozen(s.spec)).toBe(true);
    expect(s.horizon).toBe(0);
    expectThrow(
      () => define(s, { type: "constant", lr: 1 }),
      TypeError,
      "define: fn is already a schedule; pass a fresh function",
    );
  });

  it("sample returns a Float64Array of n values from `start`", () => {
    const values = sample(constant({ lr: 0.25 }), 3, 10);
    expect(values).toBeInstanceOf(Float64Array);
    expect(Array.from(values)).toEqual([0.25, 0.25, 0.25]);
    expectThrow(
      () => sample(constant({ lr: 1 }), 1.5),
      RangeError,
      "sample: n must be a non-negative integer, got 1.5",
    );
  });

  it("a NaN step gives NaN; nothing throws after construction", () => {
    expect(cosine({ lr: 1, steps: 10 })(NaN)).toBeNaN();
    expect(multiStep({ lr: 1, milestones: [3] })(NaN)).toBeNaN();
    expect(constant({ lr: 1 })(NaN)).toBeNaN();
    // interpolate has no test for NaN: it falls through to its last segment, which gives NaN.
    for (const n of [2, 3, 4, 5])
      for (const mode of ["linear", "cos"] as const) {
        const knots = Array.from({ length: n }, (_, i) => 10 * i);
        const values = knots.map((k) => 1 / (1 + k));
        expect(interpolate({ knots, values, mode })(NaN)).toBeNaN();
      }
    expect(isSchedule((t: number) => t)).toBe(false);
  });
});
