import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { compileFormula, PythonError } from "./formula.js";
import { SpecSyntaxError } from "./syntaxError.js";

describe("compileFormula", () => {
  it("evaluates numbers, the variable, pi, + - * / ** with JavaScript precedence, and the math functions", () => {
    const f = (src: string, x = 3) => compileFormula(src)(x);
    expect(f("2 + 3 * t ** 2")).toBe(29);
    expect(f("-(t ** 2)")).toBe(-9);
    expect(f("(1 - t) / 4")).toBe(-0.5);
    expect(f("floor(t / 2) + ceil(t / 2) + abs(-t)")).toBe(6);
    expect(f("min(t, 2, 5) + max(t, 1)")).toBe(5);
    expect(f("cos(pi) + sin(0) + tanh(0) + exp(0) + sqrt(t * t) + log(1)")).toBe(3);
    expect(f("log(8, 2)")).toBe(3);
    expect(compileFormula("epoch * 2", { variable: "epoch" })(4)).toBe(8);
  });

  it("gives IEEE results at the edges by default, and raises what CPython raises with python semantics", () => {
    expect(compileFormula("1 / t")(0)).toBe(Infinity);
    expect(compileFormula("log(t)")(-1)).toBeNaN();
    const py = (src: string) => compileFormula(src, { variable: "epoch", semantics: "python" });
    const raises = (src: string, x: number, type: string) => {
      let error: unknown;
      try {
        py(src)(x);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PythonError);
      expect((error as PythonError).pythonType).toBe(type);
    };
    raises("1 / epoch", 0, "ZeroDivisionError");
    raises("0.0 ** -epoch", 1, "ZeroDivisionError");
    raises("log(epoch)", 0, "ValueError");
    raises("sqrt(epoch)", -1, "ValueError");
    raises("exp(epoch)", 1000, "OverflowError");
    raises("10.0 ** epoch", 400, "OverflowError");
    raises("floor(epoch / 0.0 * 0 + 1 / 0.0)", 1, "ZeroDivisionError");
    // Python's max compares pairwise: max(1, nan) is 1 while max(nan, 1) is nan.
    expect(py("max(1, epoch)")(NaN)).toBe(1);
    expect(py("max(epoch, 1)")(NaN)).toBeNaN();
    expect(py("0.95 ** epoch")(10)).toBe(0.95 ** 10);
  });

  it("rejects anything outside the language with a SyntaxError naming the column", () => {
    const rejects = (src: string, message: string | RegExp) =>
      expectThrow(() => compileFormula(src), SpecSyntaxError, message);
    rejects("t +", "Unexpected token at column 4\nt +\n   ^");
    rejects(
      "foo(t)",
      "Unknown function (allowed: floor ceil min max abs cos sin tanh exp sqrt log) at column 1\nfoo(t)\n^",
    );
    rejects("x * 2", 'Unknown name "x" (the variable is "t"; constants: pi) at column 1\nx * 2\n^');
    rejects("t % 2", "Operator % is not allowed (use + - * / **) at column 1\nt % 2\n^");
    rejects("cos(t, 1)", "cos takes 1 argument at column 1\ncos(t, 1)\n^");
    rejects("'a' + t", "Only numbers are allowed, not the literal 'a' at column 1\n'a' + t\n^");
    rejects("-2 ** t", /^Unexpected token \(write -\(a \*\* b\) or \(-a\) \*\* b\) at column 4/);
    rejects("t 2", /^Unexpected text after the expression at column 3/);
  });

  it("never evaluates code: arbitrary input either compiles to a pure arithmetic function or throws a SyntaxError", () => {
    const attacks = [
      "globalThis.pwned = 1",
      "(() => { globalThis.pwned = 1 })()",
      "this.constructor.constructor('globalThis.pwned = 1')()",
      "t.constructor.constructor('return process')().exit()",
      "`${globalThis.pwned = 1}`",
      "eval('globalThis.pwned = 1')",
      "Function('globalThis.pwned = 1')()",
      "import('node:fs')",
      "new Function('x')",
      "t = 1",
      "[t][0]",
      "{}.toString",
      "t, globalThis.pwned = 1",
      "cos.constructor('globalThis.pwned = 1')()",
    ];
    const source = fc.oneof(
      fc.constantFrom(...attacks),
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            "t",
            "1",
            "(",
            ")",
            "+",
            "*",
            "**",
            "cos",
            ".",
            "constructor",
            "'x'",
            "=",
            "=>",
            "[",
            "]",
            ",",
          ),
          { maxLength: 12 },
        )
        .map((xs) => xs.join(" ")),
    );
    fc.assert(
      fc.property(source, fc.double(), (src, x) => {
        let f: ((x: number) => number) | undefined;
        try {
          f = compileFormula(src);
        } catch (e) {
          expect(e).toBeInstanceOf(SpecSyntaxError);
          return;
        }
        expect(typeof f(x)).toBe("number");
      }),
      { numRuns: 3000 },
    );
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });
});

describe("parenthesised formulas", () => {
  it("parse whole, outer parentheses included", () => {
    expect(compileFormula("(0.1 * t)")(2)).toBe(0.2);
    expect(compileFormula("((t + 1)) * (2)")(1)).toBe(4);
  });
});
