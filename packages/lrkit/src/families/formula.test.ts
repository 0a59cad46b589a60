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

describe("formula from outside", () => {
  it("gives NaN at a NaN step, also when it does not read t", () => {
    expect(formula("0.1")(NaN)).toBeNaN();
    expect(formula("0.1 * 0.9 ** t")(NaN)).toBeNaN();
  });

  it("fails at construction, naming the parameter, when the engine cannot evaluate it at all", () => {
    expectThrow(
      () => formula(`max(${"t,".repeat(130000)}t)`),
      RangeError,
      /^formula: expr cannot be evaluated \(Maximum call stack size exceeded\), got "max\(t,t/,
    );
  });
});
