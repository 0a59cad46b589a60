import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { linear } from "./linear.js";

describe("linear", () => {
  it("ramps from `from` to `to` over `steps`, then holds", () => {
    const s = linear({ from: 0, to: 0.3, steps: 5 });
    expect([0, 1, 2, 3, 4, 5, 9].map(s)).toEqual([0, 0.06, 0.12, 0.18, 0.24, 0.3, 0.3]);
    expect(s.horizon).toBe(5);
  });

  it("decays just as well", () => {
    expect(linear({ from: 1, to: 0.5, steps: 2 })(1)).toBe(0.75);
  });

  it("rejects a negative end and a zero length", () => {
    expectThrow(
      () => linear({ from: 0, to: -1, steps: 5 }),
      RangeError,
      "linear: to must be a non-negative number, got -1",
    );
    expectThrow(
      () => linear({ from: 0, to: 1, steps: 0 }),
      RangeError,
      "linear: steps must be a positive number, got 0",
    );
  });
});
