/**
 * The formula language: a small, safe expression language for custom schedules and PyTorch-style
 * lambdas. Formulas are parsed and compiled into closures; nothing is passed to `eval` or `Function`.
 *
 * Grammar: numbers, one variable (`t` unless told otherwise), the constant `pi`, `+ - * / **`,
 * parentheses, and the functions `floor ceil min max abs cos sin tanh exp sqrt log`. It is the
 * common subset of Python and JavaScript, so a formula means the same in both (`floor(a / b)`
 * stands for Python's `a // b`).
 *
 * @module
 */
import { parseExpression } from "./expression.js";
import { SpecSyntaxError } from "./syntaxError.js";
import type { Expression } from "./syntaxTree.js";

/**
 * How arithmetic behaves at its edges. `"ieee"` (the default) gives IEEE results (`1 / 0` is
 * `Infinity`, `log(-1)` is `NaN`), so a schedule never throws. `"python"` raises where CPython
 * raises (`ZeroDivisionError`, `ValueError: math domain error`, `OverflowError`), as
 * PyTorch-compatible lambdas must.
 */
export type FormulaSemantics = "ieee" | "python";

/** Options of {@link compileFormula}. */
export interface FormulaOptions {
  /** The name of the variable. Defaults to `"t"`. */
  readonly variable?: string;
  /** Edge-case semantics. Defaults to `"ieee"`. */
  readonly semantics?: FormulaSemantics;
}

/** An exception that CPython would raise while evaluating a formula; `pythonType` names its class. */
export class PythonError extends Error {
  override name = "PythonError";
  /**
   * @param pythonType - e.g. `"ZeroDivisionError"`, `"ValueError"`, `"OverflowError"`.
   * @param message - CPython's message.
   */
  constructor(
    readonly pythonType: string,
    message: string,
  ) {
    super(`${pythonType}: ${message}`);
  }
}

type Fn = (x: number) => number;
type MathFn = (...args: number[]) => number;

const raise = (type: string, message: string): never => {
  throw new PythonError(type, message);
};

const domain = (ok: boolean): void => {
  if (!ok) raise("ValueError", "math domain error");
};

function toInteger(v: number): number {
  if (Number.isNaN(v)) raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(v)) raise("OverflowError", "cannot convert float infinity to integer");
  return v;
}

/** Python's max/min compare pairwise, so a NaN argument wins only where comparisons let it. */
const pyExtreme =
  (better: (a: number, b: number) => boolean): MathFn =>
  (...args) =>
    args.reduce((best, v) => (better(v, best) ? v : best));

const IEEE_FUNCTIONS: Record<string, MathFn> = {
  floor: Math.floor,
  ceil: Math.ceil,
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  cos: Math.cos,
  sin: Math.sin,
  tanh: Math.tanh,
  exp: Math.exp,
  sqrt: Math.sqrt,
  log: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
};

const PYTHON_FUNCTIONS: Record<string, MathFn> = {
  floor: (x) => Math.floor(toInteger(x)),
  ceil: (x) => Math.ceil(toInteger(x)),
  min: pyExtreme((a, b) => a < b),
  max: pyExtreme((a, b) => a > b),
  abs: Math.abs,
  cos: (x) => (domain(Math.abs(x) !== Infinity), Math.cos(x)),
  sin: (x) => (domain(Math.abs(x) !== Infinity), Math.sin(x)),
  tanh: Math.tanh,
  exp: (x) => {
    const y = Math.exp(x);
    if (y === Infinity && Number.isFinite(x)) raise("OverflowError", "math range error");
    return y;
  },
  sqrt: (x) => (domain(!(x < 0)), Math.sqrt(x)),
  log: (x, base) => {
    domain(!(x <= 0) && (base === undefined || !(base <= 0)));
    if (base === undefined) return Math.log(x);
    const d = Math.log(base);
    if (d === 0) raise("ZeroDivisionError", "float division by zero");
    return Math.log(x) / d;
  },
};

const ARITY: Record<string, [number, number]> = {
  min: [2, Infinity],
  max: [2, Infinity],
  log: [1, 2],
};

type Binary = (a: number, b: number) => number;

const IEEE_OPERATORS: Record<string, Binary> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "**": (a, b) => a ** b,
};

const PYTHON_OPERATORS: Record<string, Binary> = {
  ...IEEE_OPERATORS,
  "**": (a, b) => {
    if (a === 0 && b < 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    if (a < 0 && Number.isFinite(b) && !Number.isInteger(b)) raise("ValueError", "math domain error");
    const y = a ** b;
    if (!Number.isFinite(y) && Number.isFinite(a) && Number.isFinite(b)) {
      raise("OverflowError", "(34, 'Numerical result out of range')");
    }
    return y;
  },
};

function describe(node: Expression): string {
  switch (node.type) {
    case "Literal":
      return `the literal ${node.raw}`;
    case "Identifier":
      return `the name "${node.name}"`;
    case "MemberExpression":
      return "a property access";
    default:
      return `this ${node.type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}`;
  }
}

/**
 * Compiles a formula into a function of its variable.
 *
 * @param source - the formula, e.g. `"0.95 ** t"` or `"0.5 * (1 + cos(pi * t / 30))"`.
 * @param options - the variable's name and the edge-case semantics.
 * @returns a function of the variable. With `"ieee"` semantics it never throws; with `"python"`
 *   semantics it throws {@link PythonError} where CPython would raise.
 * @throws {@link SpecSyntaxError} (a SyntaxError) naming the column of anything outside the language.
 * @example
 * ```ts
 * const f = compileFormula("0.1 * 0.95 ** floor(t / 10)");
 * f(25); // 0.1 * 0.95 ** 2
 * ```
 */
export function compileFormula(source: string, options: FormulaOptions = {}): (x: number) => number {
  if (typeof source !== "string") throw new TypeError(`formula: expected a string, got ${typeof source}`);
  const variable = options.variable ?? "t";
  const python = options.semantics === "python";
  const functions = python ? PYTHON_FUNCTIONS : IEEE_FUNCTIONS;
  const operators = python ? PYTHON_OPERATORS : IEEE_OPERATORS;
  const fail = (reason: string, node: Expression): never => {
    throw new SpecSyntaxError(reason, source, node.start);
  };

  /** Whether Python computes `node` as an int (int literals, an integral variable, floor, ceil). */
  const isInt = (node: Expression): ((x: number) => boolean) => {
    switch (node.type) {
      case "Literal": {
        const int = typeof node.value === "number" && !/[.eE]/.test(node.raw ?? "");
        return () => int;
      }
      case "Identifier":
        return node.name === variable ? (x) => Number.isInteger(x) : () => false;
      case "UnaryExpression":
        return isInt(node.argument);
      case "BinaryExpression": {
        if (node.operator === "/") return () => false;
        const l = isInt(node.left);
        const r = isInt(node.right);
        if (node.operator !== "**") return (x) => l(x) && r(x);
        const exponent = compile(node.right);
        return (x) => l(x) && r(x) && exponent(x) >= 0;
      }
      case "CallExpression": {
        const name = node.callee.type === "Identifier" ? node.callee.name : "";
        const args = node.arguments as Expression[];
        if (name === "floor" || name === "ceil") return () => true;
        if (name === "abs") return isInt(args[0]!);
        if (name !== "min" && name !== "max") return () => false;
        const values = args.map(compile);
        const ints = args.map(isInt);
        const better = name === "min" ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
        return (x) => {
          const v = values.map((f) => f(x));
          let chosen = 0;
          for (let i = 1; i < v.length; i++) if (better(v[i]!, v[chosen]!)) chosen = i;
          return ints[chosen]!(x);
        };
      }
      default:
        return () => false;
    }
  };

  const compile = (node: Expression): Fn => {
    switch (node.type) {
      case "Literal": {
        const value = node.value;
        if (typeof value !== "number") return fail(`Only numbers are allowed, not ${describe(node)}`, node);
        return () => value;
      }
      case "Identifier": {
        if (node.name === variable) return (x) => x;
        if (node.name === "pi") return () => Math.PI;
        return fail(`Unknown name "${node.name}" (the variable is "${variable}"; constants: pi)`, node);
      }
      case "UnaryExpression": {
        if (node.operator !== "-" && node.operator !== "+")
          return fail(`Operator ${node.operator} is not allowed`, node);
        const arg = compile(node.argument);
        return node.operator === "-" ? (x) => -arg(x) : arg;
      }
      case "BinaryExpression": {
        const op = operators[node.operator];
        if (!op) return fail(`Operator ${node.operator} is not allowed (use + - * / **)`, node);
        const left = compile(node.left);
        const right = compile(node.right);
        if (python && node.operator === "/") {
          // ZeroDivisionError, worded as CPython words it for int / int and for floats.
          const ints = [isInt(node.left), isInt(node.right)] as const;
          return (x) => {
            const a = left(x);
            const b = right(x);
            if (b !== 0) return a / b;
            return raise(
              "ZeroDivisionError",
              ints[0](x) && ints[1](x) ? "division by zero" : "float division by zero",
            );
          };
        }
        return (x) => op(left(x), right(x));
      }
      case "CallExpression": {
        const callee = node.callee;
        const fn =
          callee.type === "Identifier"
            ? Object.hasOwn(functions, callee.name) && functions[callee.name]
            : undefined;
        if (!fn || callee.type !== "Identifier") {
          return fail(`Unknown function (allowed: ${Object.keys(functions).join(" ")})`, node);
        }
        const [lo, hi] = ARITY[callee.name] ?? [1, 1];
        if (node.arguments.length < lo || node.arguments.length > hi) {
          const want = hi === Infinity ? `at least ${lo}` : lo === hi ? `${lo}` : `${lo} or ${hi}`;
          return fail(`${callee.name} takes ${want} argument${want === "1" ? "" : "s"}`, node);
        }
        const args = node.arguments.map((a) =>
          a.type === "SpreadElement" ? fail("Spread arguments are not allowed", node) : compile(a),
        );
        if (args.length === 1) {
          const a = args[0]!;
          return (x) => fn(a(x));
        }
        return (x) => fn(...args.map((a) => a(x)));
      }
      default:
        return fail(
          `Formulas allow numbers, "${variable}", pi, + - * / ** and math functions, not ${describe(node)}`,
          node,
        );
    }
  };

  return compile(parseExpression(source));
}
