// Expected values are CPython 3.11's (printed by /usr/bin/python3 on the project's machine).
import { describe, expect, test } from "vitest";
import { div, floordiv, log, mod, pow } from "./arithmetic.js";
import { parsePythonJson } from "./json.js";
import fc from "fast-check";
import { cosine, cosineExact, ln } from "../math/libm.js";
import { createOptimizer } from "./optimizer.js";
import { float, floatRepr, repr, toFloat, truthy } from "./python.js";
import { bindKwargs, REQUIRED } from "./signature.js";

describe("python.ts computes as CPython", () => {
  test("% and // take the sign of the divisor, as float_divmod does", () => {
    expect([floordiv(1, 0.1), mod(1, 0.1)]).toEqual([9, 0.09999999999999995]);
    expect([floordiv(-7, 2), mod(-7, 2), mod(7, -3)]).toEqual([-4, 1, -2]);
    expect([mod(-5, Infinity), floordiv(5, Infinity), floordiv(-5, Infinity)]).toEqual([Infinity, 0, -1]);
    expect([mod(2.5, -1), floordiv(-2.5, 1)]).toEqual([-0.5, -3]);
    expect(Object.is(mod(0.0, -2), -0)).toBe(true);
  });

  test("division by zero is worded by operand type", () => {
    expect(() => div(1, 0)).toThrow("division by zero");
    expect(() => div(1, float(0))).toThrow(/^float division by zero$/);
    expect(() => mod(1, 0)).toThrow(/^integer modulo by zero$/);
    expect(() => mod(1.5, 0)).toThrow(/^float modulo$/);
    expect(() => floordiv(1, 0)).toThrow(/^integer division or modulo by zero$/);
    expect(() => pow(0, -1)).toThrow(/^0.0 cannot be raised to a negative power$/);
    expect(() => pow(10.5, 400)).toThrow("(34, 'Numerical result out of range')");
  });

  test("ln is correctly rounded, as glibc's log (and unlike V8's Math.log(3))", () => {
    expect(ln(3)).toBe(1.0986122886681098);
    expect(ln(10)).toBe(2.302585092994046);
    expect(ln(1e-300)).toBe(-690.7755278982137);
    expect(ln(0.75)).toBe(-0.2876820724517809);
    expect(ln(Math.SQRT2)).toBe(0.3465735902799727);
    expect(log(243, 3)).toBe(4.999999999999999);
    expect(log(27, 3)).toBe(3);
    expect(() => log(0, 2)).toThrow("math domain error");
  });

  test("cosine is correctly rounded, matching glibc's cos where V8's Math.cos is an ulp off", () => {
    // [x, CPython's math.cos(x), V8's Math.cos(x)] for x = pi * i / 10
    const cases = [
      [3.7699111843077517, -0.8090169943749476, -0.8090169943749475],
      [0.6597344572538566, 0.7901550123756903, 0.7901550123756904],
      [1.0995574287564276, 0.4539904997395468, 0.45399049973954686],
    ] as const;
    for (const [x, cpython, v8] of cases) {
      expect(Math.cos(x)).toBe(v8);
      expect(cosine(x)).toBe(cpython);
    }
    expect([cosine(0), cosine(Math.PI), cosine(-2), cosine(1e-30)]).toEqual([1, -1, cosine(2), 1]);
    expect(Number.isNaN(cosine(Infinity))).toBe(true);
  });

  test("cosine's double-double fast path gives the BigInt series' value, at every input tried", () => {
    // The schedules' arguments: pi * e / T (cosine annealing, one-cycle), and near multiples of pi / 2.
    const xs: number[] = [];
    for (let T = 1; T <= 120; T++) for (let e = 0; e <= 2 * T; e++) xs.push((Math.PI * e) / T);
    for (let k = 1; k <= 2000; k++) {
      const x = (k * Math.PI) / 2;
      xs.push(x, x * (1 + 2 ** -52), x * (1 - 2 ** -53));
    }
    xs.push(2 ** 20 - 1, 2 ** 20, 1e6 + 0.5, -3.5, 2 ** -26, 0.7853981633974483);
    for (const x of xs) expect(cosine(x)).toBe(cosineExact(x));
    fc.assert(
      fc.property(fc.double({ min: -2e6, max: 2e6, noNaN: true }), (x) =>
        Object.is(cosine(x), cosineExact(x)),
      ),
      { numRuns: 5000 },
    );
  });

  test("repr prints floats as CPython does", () => {
    expect([1e-4, 1e-5, 123456789.5, 1.5e300, 2.5e-7, 0.1 + 0.2].map(floatRepr)).toEqual([
      "0.0001",
      "1e-05",
      "123456789.5",
      "1.5e+300",
      "2.5e-07",
      "0.30000000000000004",
    ]);
    expect([floatRepr(1e15), floatRepr(9999999999999998), floatRepr(NaN), floatRepr(-Infinity)]).toEqual([
      "1000000000000000.0",
      "9999999999999998.0",
      "nan",
      "-inf",
    ]);
    expect(repr([1, float(2), "it's", null, true, { a: "b" }])).toBe(
      `[1, 2.0, "it's", None, True, {'a': 'b'}]`,
    );
  });

  test("float() and truthiness", () => {
    expect([toFloat(" 1.5 "), toFloat("1_0"), toFloat("-iNF"), toFloat(true)]).toEqual([
      1.5,
      10,
      -Infinity,
      1,
    ]);
    expect(Number.isNaN(toFloat("nan"))).toBe(true);
    expect(() => toFloat("abc")).toThrow("could not convert string to float: 'abc'");
    expect(() => toFloat(null)).toThrow("float() argument must be a string or a real number, not 'NoneType'");
    expect([truthy(NaN), truthy([]), truthy({}), truthy("0"), truthy(0)]).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});

describe("Python's argument binding and JSON", () => {
  test("bindKwargs: defaults, None, and CPython's messages", () => {
    const sig = { a: REQUIRED, b: REQUIRED, c: REQUIRED, d: 1 };
    expect(bindKwargs("f", { a: 1, b: null, c: 3 }, sig)).toEqual({ a: 1, b: null, c: 3, d: 1 });
    expect(() => bindKwargs("f", {}, sig)).toThrow(
      "f() missing 3 required positional arguments: 'a', 'b', and 'c'",
    );
    expect(() => bindKwargs("f", { a: 1, b: 2, c: 3, e: 4 }, sig)).toThrow(
      "f() got an unexpected keyword argument 'e'",
    );
  });

  test("parsePythonJson keeps 10.0 a float and 10 an int", () => {
    const v = parsePythonJson('{"a": 10.0, "b": 10, "c": "10.0", "d": [1e2, 0.5]}') as Record<
      string,
      unknown
    >;
    expect(v.a).toBeInstanceOf(Number);
    expect(Number(v.a)).toBe(10);
    expect([v.b, v.c]).toEqual([10, "10.0"]);
    expect((v.d as unknown[])[0]).toBeInstanceOf(Number);
    expect((v.d as unknown[])[1]).toBe(0.5);
  });

  test("createOptimizer fills in PyTorch's defaults and validates like torch.optim", () => {
    const sgd = createOptimizer("SGD", { lr: 0.1 }, [{ lr: 0.2 }, {}]);
    expect(sgd.param_groups[1]).toEqual({
      lr: 0.1,
      momentum: 0,
      dampening: 0,
      weight_decay: 0,
      nesterov: false,
      maximize: false,
      foreach: null,
      differentiable: false,
      fused: null,
    });
    expect(createOptimizer("Adam").param_groups[0]).toMatchObject({ lr: 0.001, betas: [0.9, 0.999] });
    expect(() => createOptimizer("SGD", { lr: -1 })).toThrow("Invalid learning rate: -1");
    // SGD's lr: 1e-3 by default in 2.x (optimizer_sgd_without_lr), required in 1.13.1.
    expect(createOptimizer("SGD", {}).param_groups[0]!.lr).toBe(0.001);
    expect(() => createOptimizer("SGD", {}, undefined, "1.13")).toThrow(
      "parameter group didn't specify a value of required optimization parameter lr",
    );
    expect(() => createOptimizer("Adam", { betas: [0.9, 1.0] })).toThrow(
      "Invalid beta parameter at index 1: 1",
    );
  });
});
