/**
 * Re-prints a formula-language expression for a target whose functions have other names (JAX's
 * `jnp.minimum`, Keras' `ops.floor`, JavaScript's `Math.cos`). The expression is parsed with the
 * same parser as formulas (`spec/expression.ts`) and printed back node by node, fully
 * parenthesised.
 *
 * @module
 */
import { parseExpression } from "../spec/expression.js";
import type { Expression } from "../spec/syntaxTree.js";
import { ExportError } from "./expr.js";

/** How a target spells the formula language's names. */
export interface Dialect {
  /** The name of the step variable. */
  readonly variable: string;
  /** The constant pi. */
  readonly pi: string;
  /** A call of `name` (`floor`, `min`, ...) on printed arguments. */
  readonly call: (name: string, args: readonly string[]) => string;
}

/**
 * The formula language itself: printing in it keeps the meaning and drops what the parser
 * tolerates but other languages do not (comments, escapes in names, JavaScript-only literals).
 */
export const FORMULA_DIALECT: Dialect = {
  variable: "t",
  pi: "pi",
  call: (name, args) => `${name}(${args.join(", ")})`,
};

/** A dialect whose functions are `prefix.name`, with binary `minimum`/`maximum` for min/max. */
export function prefixedDialect(prefix: string, variable: string, pi: string): Dialect {
  const nary = (fn: string, args: readonly string[]): string =>
    args.length <= 2
      ? `${prefix}.${fn}(${args.join(", ")})`
      : `${prefix}.${fn}(${args[0]}, ${nary(fn, args.slice(1))})`;
  return {
    variable,
    pi,
    call: (name, args) => {
      if (name === "min") return nary("minimum", args);
      if (name === "max") return nary("maximum", args);
      if (name === "log" && args.length === 2)
        return `(${prefix}.log(${args[0]}) / ${prefix}.log(${args[1]}))`;
      return `${prefix}.${name}(${args.join(", ")})`;
    },
  };
}

/** Prints `source` (a formula in `t`) in `dialect`. */
export function printFormula(source: string, dialect: Dialect): string {
  const print = (node: Expression): string => {
    switch (node.type) {
      case "Literal":
        // The value, not the source text: `0x10`, `1_0` and `07` are not numbers in every target.
        return typeof node.value === "number" ? String(node.value) : (node.raw ?? String(node.value));
      case "Identifier":
        return node.name === "t" ? dialect.variable : node.name === "pi" ? dialect.pi : node.name;
      case "UnaryExpression":
        return `(${node.operator}${print(node.argument)})`;
      case "BinaryExpression":
        return `(${print(node.left as Expression)} ${node.operator} ${print(node.right)})`;
      case "CallExpression":
        return dialect.call(
          (node.callee as { name: string }).name,
          node.arguments.map((a) => print(a as Expression)),
        );
      default:
        throw new ExportError(`export: unexpected ${node.type} in a closed form`);
    }
  };
  return print(parseExpression(source));
}
