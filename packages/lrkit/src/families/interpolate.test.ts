import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { interpolate } from "./interpolate.js";

describe("interpolate", () => {
  it("goes through every knot, linearly or along a half cosine, and is flat outside", () => {
    const lin = interpolate({ knots: [10, 20, 40], values: [1, 3, 2] });
    expect([0, 10, 15, 20, 30, 40, 50].map(lin)).toEqual([1, 1, 2, 3, 2.5, 2, 2]);
    const cos = interpolate({ knots: [0, 10], values: [1, 0], mode: "cos" });
    expect(cos(5)).toBeCloseTo(0.5, 15);
    expect(cos(10)).toBe(0);
  });

  it("rejects a single knot, unsorted knots and a length mismatch", () => {
    expectThrow(
      () => interpolate({ knots: [0], values: [1] }),
      RangeError,
      "interpolate: knots must hold at least two steps, got [0]",
    );
    expectThrow(
      () => interpolate({ knots: [0, 0], values: [1, 2] }),
      RangeError,
      "interpolate: knots must be strictly increasing, got [0,0]",
    );
    expectThrow(
      () => interpolate({ knots: [0, 1], values: [1] }),
      RangeError,
      "interpolate: values must hold one value per knot (2), got [1]",
    );
  });
});
