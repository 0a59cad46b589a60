/**
 * CPython's arithmetic where it differs from JavaScript's, so that PyTorch's schedulers compute
 * and fail as in CPython: `%` and `//` with the divisor's sign, `ZeroDivisionError`s worded by
 * operand type, `**` of zero to a negative power, comparisons and arithmetic with a value of the
 * wrong type (`TypeError`), `math.floor`, `math.cos` and `math.log` (correctly rounded, see
 * `libm.ts`).
 *
 * Written by hand because no JavaScript library models CPython's numeric edge cases and messages.
 *
 * @module
 */
import { floorDiv } from "../families/math.js";
import { raise } from "./errors.js";
import { cosine, ln } from "../math/libm.js";
import { isInt, isNumeric, typeName } from "./python.js";

const unsupported = (op: string, a: unknown, b: unknown): never =>
  raise("TypeError", `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);

/**
 * The value of `v` as a number, or the `TypeError` Python raises when `v` meets the operator `op`
 * (with an operand of type `other` on the left). Used where a user-supplied value first enters
 * PyTorch's arithmetic, so that a wrong type fails at the same step as in PyTorch.
 */
export function num(v: unknown, op = "*", other = "float"): number {
  if (isNumeric(v)) return Number(v);
  if ((typeof v === "string" || Array.isArray(v)) && op === "*") {
    return raise("TypeError", `can't multiply sequence by non-int of type '${other}'`);
  }
  return raise("TypeError", `unsupported operand type(s) for ${op}: '${other}' and '${typeName(v)}'`);
}

const isSequence = (v: unknown): boolean => typeof v === "string" || Array.isArray(v);

function operands(op: string, a: unknown, b: unknown): [number, number] {
  if (isNumeric(a) && isNumeric(b)) return [Number(a), Number(b)];
  if (op === "*" && (isSequence(a) || isSequence(b))) {
    const other = isSequence(a) ? b : a;
    // Python repeats a sequence times an int; a scheduler never means that, so it fails here.
    return raise("TypeError", `can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  if (typeof a === "string" && op === "%") {
    return raise("TypeError", "not all arguments converted during string formatting");
  }
  if (isSequence(a) && op === "+") {
    const kind = typeName(a);
    return raise("TypeError", `can only concatenate ${kind} (not "${typeName(b)}") to ${kind}`);
  }
  return unsupported(op === "**" ? "** or pow()" : op, a, b);
}

/** Python's `a + b` on numbers. */
export function add(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a + b;
  const [x, y] = operands("+", a, b);
  return x + y;
}

/** Python's `a - b` on numbers. */
export function sub(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const [x, y] = operands("-", a, b);
  return x - y;
}

/** Python's `a * b` on numbers. */
export function mul(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a * b;
  const [x, y] = operands("*", a, b);
  return x * y;
}

/**
 * Python's true division `a / b`: `ZeroDivisionError` for a zero divisor. `float` says whether
 * Python computes it on floats (it decides the message); by default, unless both are ints.
 */
export function div(a: unknown, b: unknown, float?: boolean): number {
  if (typeof a === "number" && typeof b === "number" && b !== 0) return a / b;
  const [x, y] = operands("/", a, b);
  if (y === 0) {
    const isFloat = float ?? !(isInt(a) && isInt(b));
    raise("ZeroDivisionError", isFloat ? "float division by zero" : "division by zero");
  }
  return x / y;
}

// CPython's `divmod` of two floats (`float_divmod`), exact for integers too, as two functions
// that return numbers (no pair to allocate on a scheduler's every step): the remainder below, the
// quotient the core's `floorDiv`.

/** The remainder of CPython's `divmod(x, y)`: the sign of `y`. */
function pyMod(x: number, y: number): number {
  const mod = x % y;
  if (mod !== 0) return y < 0 !== mod < 0 ? mod + y : mod;
  return y < 0 ? -0 : 0;
}

/** Python's `a % b`: the sign of the divisor; `ZeroDivisionError` for a zero divisor (see {@link div}). */
export function mod(a: unknown, b: unknown, float?: boolean): number {
  if (typeof a === "number" && typeof b === "number" && b !== 0) return pyMod(a, b);
  const [x, y] = operands("%", a, b);
  if (y === 0) {
    const isFloat = float ?? !(isInt(a) && isInt(b));
    raise("ZeroDivisionError", isFloat ? "float modulo" : "integer modulo by zero");
  }
  return pyMod(x, y);
}

/** Python's floor division `a // b`; `ZeroDivisionError` for a zero divisor. */
export function floordiv(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number" && b !== 0) return floorDiv(a, b);
  const [x, y] = operands("//", a, b);
  if (y === 0) {
    raise(
      "ZeroDivisionError",
      isInt(a) && isInt(b) ? "integer division or modulo by zero" : "float floor division by zero",
    );
  }
  return floorDiv(x, y);
}

/**
 * Python's `a ** b`: `ZeroDivisionError` for zero to a negative power, `OverflowError` when a
 * float result overflows. A negative base with a fractional exponent (a complex number in
 * Python) gives NaN.
 */
export function pow(a: unknown, b: unknown): number {
  const [x, y] = operands("**", a, b);
  if (x === 0 && y < 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  const r = x ** y;
  if (Math.abs(r) === Infinity && Number.isFinite(x) && Number.isFinite(y) && !(isInt(a) && isInt(b))) {
    raise("OverflowError", "(34, 'Numerical result out of range')");
  }
  return r;
}

type Comparison = "<" | "<=" | ">" | ">=";

function compare(op: Comparison, a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return order(op, a, b);
  let x: number | string;
  let y: number | string;
  if (isNumeric(a) && isNumeric(b)) [x, y] = [Number(a), Number(b)];
  else if (typeof a === "string" && typeof b === "string") [x, y] = [a, b];
  else {
    return raise(
      "TypeError",
      `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
    );
  }
  return order(op, x, y);
}

function order<T extends number | string>(op: Comparison, x: T, y: T): boolean {
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
  }
}

/** Python's `a < b`. */
export const lt = (a: unknown, b: unknown): boolean => compare("<", a, b);
/** Python's `a <= b`. */
export const le = (a: unknown, b: unknown): boolean => compare("<=", a, b);
/** Python's `a > b`. */
export const gt = (a: unknown, b: unknown): boolean => compare(">", a, b);
/** Python's `a >= b`. */
export const ge = (a: unknown, b: unknown): boolean => compare(">=", a, b);

/** Python's `a == b` for the values above: numbers by value (`1 == 1.0 == True`), others strictly. */
export function eq(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
}

/** Python's `math.floor(x)`. */
export function floor(x: unknown): number {
  if (!isNumeric(x)) return raise("TypeError", `must be real number, not ${typeName(x)}`);
  const v = Number(x);
  if (Number.isNaN(v)) raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(v)) raise("OverflowError", "cannot convert float infinity to integer");
  return Math.floor(v);
}

/** Python's `int(x)` of a number: truncation toward zero. */
export function int(x: number): number {
  if (Number.isNaN(x)) raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) raise("OverflowError", "cannot convert float infinity to integer");
  return Math.trunc(x);
}

/** Python's `math.cos(x)` (see {@link cosine}): `ValueError` for an infinite argument. */
export function cos(x: unknown): number {
  if (!isNumeric(x)) return raise("TypeError", `must be real number, not ${typeName(x)}`);
  const v = Number(x);
  if (v === Infinity || v === -Infinity) raise("ValueError", "math domain error");
  return cosine(v);
}
/** Python's `math.log(x, base)`: `log(x) / log(base)`, with CPython's errors. */
export function log(x: number, base: number): number {
  if (!(x > 0) || !(base > 0)) {
    if (!Number.isNaN(x) && !Number.isNaN(base)) raise("ValueError", "math domain error");
  }
  const d = ln(base);
  if (d === 0) raise("ZeroDivisionError", "float division by zero");
  return ln(x) / d;
}
/** Python's two-argument `max(a, b)`: `b` only when `b > a` (so a NaN `a` wins). */
export function max2<T>(a: T, b: T): T {
  return gt(b, a) ? b : a;
}

/** Python's two-argument `min(a, b)`: `b` only when `b < a`. */
export function min2<T>(a: T, b: T): T {
  return lt(b, a) ? b : a;
}

/** Python's `bisect_right(list, x)`: the same binary search, with Python's comparisons. */
export function bisectRight(list: readonly unknown[], x: unknown): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lt(x, list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
