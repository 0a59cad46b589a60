/**
 * Python's values as PyTorch's schedulers see them: types, `repr` for messages, truthiness and
 * `float()`. Arithmetic with CPython's semantics is in `arithmetic.ts`.
 *
 * Values are JSON-like JavaScript values read as Python objects: a boolean is a `bool` (an int),
 * an integral number is an `int`, any other number is a `float`, a boxed `Number` object is a
 * `float` even when integral (how the conformance runner keeps `10.0` apart from `10`), `null` and
 * `undefined` are `None`, strings, arrays and plain objects are `str`, `list` and `dict`.
 *
 * @module
 */
import { raise } from "./errors.js";

/** True for values Python treats as real numbers: numbers, booleans and boxed numbers. */
export function isNumeric(v: unknown): boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof Number;
}

/**
 * A Python float literal such as `1.0`, for comparisons whose error message names the type
 * (`'>' not supported between instances of 'str' and 'float'`): a boxed number.
 */
export function float(x: number): number {
  return new Number(x) as unknown as number;
}

/** True when `v` is a Python `int` (or `bool`): a boolean or an integral, unboxed number. */
export function isInt(v: unknown): boolean {
  return typeof v === "boolean" || (typeof v === "number" && Number.isInteger(v));
}

/** The Python type name of `v`, as CPython's messages print it. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (v instanceof Number) return "float";
  if (typeof v === "string") return "str";
  if (Array.isArray(v)) return "list";
  if (typeof v === "function") return "function";
  return "dict";
}

/** CPython's `repr` of a float: shortest round trip, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exp] = x.toExponential().split("e") as [string, string];
  const e = Number(exp);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  if (e < -4 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${rest}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
  const fraction = digits.slice(e + 1);
  return `${sign}${whole}.${fraction || "0"}`;
}

function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(new RegExp(quote, "g"), `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** Python's `repr(v)`. */
export function repr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v instanceof Number) return floatRepr(v.valueOf());
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return floatRepr(v);
    return Math.abs(v) < 2 ** 53 ? String(v) : BigInt(v).toString();
  }
  if (typeof v === "string") return stringRepr(v);
  if (Array.isArray(v)) return `[${v.map(repr).join(", ")}]`;
  if (typeof v === "function") return `<function ${v.name || "<lambda>"}>`;
  const entries = Object.entries(v as object).map(([k, x]) => `${stringRepr(k)}: ${repr(x)}`);
  return `{${entries.join(", ")}}`;
}

/** Python's `str(v)`: `repr` except that strings print bare. */
export function str(v: unknown): string {
  return typeof v === "string" ? v : repr(v);
}

/** Python's truthiness (`[]`, `{}`, `""`, `0`, `None` are false; NaN is true). */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "number") return v !== 0;
  if (v instanceof Number) return v.valueOf() !== 0;
  if (typeof v === "string" || Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return Boolean(v);
}
const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;

/** Python's `float(v)` for numbers and strings. */
export function toFloat(v: unknown): number {
  if (isNumeric(v)) return Number(v);
  if (typeof v === "string") {
    const text = v.trim();
    if (FLOAT_TEXT.test(text) && /\d|inf|nan/i.test(text)) {
      const t = text.replace(/_/g, "").toLowerCase();
      if (t.endsWith("nan")) return NaN;
      if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? -Infinity : Infinity;
      return Number(t);
    }
    return raise("ValueError", `could not convert string to float: ${repr(v)}`);
  }
  return raise("TypeError", `float() argument must be a string or a real number, not '${typeName(v)}'`);
}
/** The items of `v` as Python's `list(v)` sees them; `TypeError` for a non-iterable. */
export function iterate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [...v];
  if (v !== null && typeof v === "object" && !(v instanceof Number)) return Object.keys(v);
  return raise("TypeError", `'${typeName(v)}' object is not iterable`);
}
