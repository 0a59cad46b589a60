import { describe, expect, it } from "vitest";
import { constant } from "../families/constant.js";
import { cosine } from "../families/cosine.js";
import { expectThrow, expectValues } from "../test/expect.js";
import { warmup } from "./warmup.js";

describe("warmup", () => {
  const cos = cosine({ lr: 0.3, steps: 25, minLr: 0.01 });

  it("ramps to the schedule's first value, then runs it counted from the end of the warmup", () => {
    const s = warmup(cos, { steps: 5, from: 0 });
    expectValues(s, [0, 0.06, 0.12, 0.18, 0.24, 0.3], [0, 1, 2, 3, 4, 5]);
    for (const t of [5, 6, 17, 30, 40]) expect(s(t)).toBe(cos(t - 5));
    expect(s.horizon).toBe(30);
  });

  it("never starts at zero by default: the ramp is evenly spaced from lr / (steps + 1)", () => {
    const s = warmup(cos, { steps: 5 });
    expectValues(s, [0.05, 0.1, 0.15, 0.2, 0.25, 0.3], [0, 1, 2, 3, 4, 5]);
  });

  it("eats into the schedule's horizon with includeInHorizon, as timm's warmup_prefix=False", () => {
    const s = warmup(cos, { steps: 5, from: 0.01, includeInHorizon: true });
    expect(s(5)).toBe(cos(5));
    expect(s.horizon).toBe(25);
  });

  it("has constant, cosine, exponential and 1-sqrt ramps", () => {
    const c = constant({ lr: 1 });
    expect(warmup(c, { steps: 4, from: 0.1, mode: "constant" })(3)).toBe(0.1);
    expect(warmup(c, { steps: 4, from: 0, mode: "cosine" })(2)).toBeCloseTo(0.5, 15);
    expect(warmup(c, { steps: 4, from: 0.01, mode: "exponential" })(2)).toBeCloseTo(0.1, 15);
    expect(warmup(c, { steps: 4, from: 0, mode: "1-sqrt" })(3)).toBeCloseTo(0.5, 15);
    expect(warmup(c, { steps: 4, startRatio: 0.5 })(0)).toBe(0.5);
  });

  it("rejects both from and startRatio, an exponential ramp from 0, and a warmup as long as the horizon it counts in", () => {
    expectThrow(
      () => warmup(cos, { steps: 5, from: 0, startRatio: 0.1 }),
      TypeError,
      "warmup: startRatio cannot be given together with from, got 0.1",
    );
    expectThrow(
      () => warmup(cos, { steps: 5, from: 0, mode: "exponential" }),
      RangeError,
      'warmup: from must be positive for mode "exponential", got 0',
    );
    expectThrow(
      () => warmup(cos, { steps: 25, includeInHorizon: true }),
      RangeError,
      "warmup: steps must be shorter than the schedule's horizon (25), got 25",
    );
    expectThrow(
      () => warmup(((t: number) => t) as never, { steps: 5 }),
      TypeError,
      "warmup: schedule must be a schedule, got a function",
    );
  });
});
