/**
 * Parsing of the two text forms, the spec text syntax and formulas, into a syntax tree.
 *
 * Both are expressions in a small subset of JavaScript, read by jsep (a small expression parser)
 * extended in `parser.ts`; every node carries its position. The callers then accept only the few
 * node types of their language and reject everything else. Nothing is ever executed.
 *
 * @module
 */
import { checkBracketDepth } from "./depth.js";
import { Parser } from "./parser.js";
import { SpecSyntaxError } from "./syntaxError.js";
import type { Expression } from "./syntaxTree.js";
import { unexpectedAt } from "./tokens.js";

/** Gives the nodes that jsep built (binary and conditional) their start, and names `||` `&&` `??` logical. */
function locate(node: unknown, parser: Parser): void {
  if (Array.isArray(node)) return node.forEach((n) => locate(n, parser));
  if (typeof node !== "object" || node === null) return;
  for (const value of Object.values(node)) locate(value, parser);
  const n = node as { type?: string; operator?: string; start?: number };
  if (n.type === undefined) return;
  if (n.start === undefined) n.start = parser.ownStart(node as Expression);
  if (n.type === "BinaryExpression" && ["||", "&&", "??"].includes(n.operator!)) n.type = "LogicalExpression";
}

/**
 * Parses `source` as one expression and checks that nothing follows it.
 *
 * @throws {@link SpecSyntaxError} with the position of the first unexpected character, or of the
 *   first bracket past `MAX_SPEC_DEPTH`.
 */
export function parseExpression(source: string): Expression {
  checkBracketDepth(source);
  const parser = new Parser(source);
  let node: Expression;
  try {
    node = parser.gobbleSequence();
  } catch (e) {
    // Long chains of prefix operators (`- - - ... t`) recurse without brackets.
    if (e instanceof RangeError) throw new SpecSyntaxError("The expression nests too deeply", source, 0);
    const index = (e as { index?: unknown }).index;
    if (e instanceof SpecSyntaxError || typeof index !== "number") throw e;
    // jsep's own errors ("Expected expression after +", "Unclosed [") carry the offset only.
    parser.index = index;
    parser.gobbleSpaces();
    throw unexpectedAt(source, parser.index);
  }
  const rest = source.slice(parser.end);
  if (rest.trim() !== "") {
    const at = parser.end + rest.search(/\S/);
    const error = unexpectedAt(source, at);
    if (error.reason.startsWith("Unexpected character")) throw error;
    throw new SpecSyntaxError("Unexpected text after the expression", source, at);
  }
  locate(node, parser);
  return node;
}
