import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { formula } from "./formula.js";

describe("formula", () => {
  it("evaluates a safe formula in t", () => {
    expect(formula("0.1 * 0.95 ** floor(t / 10)")(25)).toBe(0.1 * 0.95 ** 2);
    expect(formula({ expr: "0.05 * (1 + cos(pi * min(t, 50) / 50))" })(50)).toBe(0);
    expect(formula("0.1 * 0.95 ** t").spec).toEqual({ type: "formula", expr: "0.1 * 0.95 ** t" });
  });

  it("rejects code, naming the column", () => {
    expectThrow(
      () => formula("t.constructor"),
      RangeError,
      /^formula: expr is not a valid formula \(Formulas allow numbers, "t", pi, \+ - \* \/ \*\* and math functions, not a property access at column 1\)/,
    );
  });
});
