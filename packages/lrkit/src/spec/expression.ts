/**
 * Parsing of the two text forms, the spec text syntax and formulas, into an ESTree syntax tree.
 *
 * Both are expressions in a small subset of JavaScript, so a well-kept JavaScript parser (acorn)
 * reads them and gives every node its position; the callers then accept only the few node types
 * of their language and reject everything else. Nothing is ever executed.
 *
 * @module
 */
import { parseExpressionAt, type Expression } from "acorn";
import { SpecSyntaxError } from "./syntaxError.js";

/**
 * Parses `source` as one expression and checks that nothing follows it.
 *
 * @throws {@link SpecSyntaxError} with the position of the first unexpected character.
 */
export function parseExpression(source: string): Expression {
  let node: Expression;
  try {
    // preserveParens: without it acorn's node for "(a + b)" ends before the closing parenthesis.
    node = parseExpressionAt(source, 0, { ecmaVersion: "latest", preserveParens: true });
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    const reason = (e as Error).message.replace(/ \(\d+:\d+\)$/, "");
    const hint = /\*\*/.test(source.slice(pos, pos + 2)) ? " (write -(a ** b) or (-a) ** b)" : "";
    throw new SpecSyntaxError(reason + hint, source, pos);
  }
  const rest = source.slice(node.end);
  if (rest.trim() !== "") {
    throw new SpecSyntaxError("Unexpected text after the expression", source, node.end + rest.search(/\S/));
  }
  return unwrapParens(node);
}

/** The expression with every `ParenthesizedExpression` node replaced by its content. */
function unwrapParens<T>(node: T): T {
  if (Array.isArray(node)) return node.map(unwrapParens) as T;
  if (typeof node !== "object" || node === null) return node;
  let n = node as unknown as { type?: string; expression?: unknown };
  while (n.type === "ParenthesizedExpression") n = n.expression as typeof n;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(n))
    out[key] = typeof value === "object" ? unwrapParens(value) : value;
  return out as T;
}
