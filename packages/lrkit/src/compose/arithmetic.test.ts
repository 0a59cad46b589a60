import { describe, expect, it } from "vitest";
import { constant } from "../families/constant.js";
import { cosine } from "../families/cosine.js";
import { exponential } from "../families/exponential.js";
import { formula } from "../families/formula.js";
import { expectThrow } from "../test/expect.js";
import { clamp } from "./clamp.js";
import { multiply } from "./multiply.js";
import { scale } from "./scale.js";

describe("multiply, scale and clamp", () => {
  it("multiply gives the pointwise product of any number of schedules", () => {
    const s = multiply([constant({ lr: 0.1 }), formula("0.95 ** t")]);
    expect(s(3)).toBe(0.1 * 0.95 ** 3);
    const three = multiply([constant({ lr: 2 }), constant({ lr: 3 }), constant({ lr: 4 })]);
    expect(three(0)).toBe(24);
  });

  it("scale multiplies by a constant", () => {
    expect(scale(cosine({ lr: 1, steps: 100 }), 0.3)(0)).toBe(0.3);
    expectThrow(
      () => scale(constant({ lr: 1 }), -1),
      RangeError,
      "scale: factor must be a non-negative number, got -1",
    );
  });

  it("clamp bounds below and above", () => {
    const s = clamp(exponential({ lr: 0.1, gamma: 0.5 }), { min: 1e-3, max: 0.05 });
    expect([s(0), s(1), s(100)]).toEqual([0.05, 0.05, 1e-3]);
    expectThrow(
      () => clamp(constant({ lr: 1 }), { min: 2, max: 1 }),
      RangeError,
      "clamp: max must be at least min (2), got 1",
    );
  });
});
