/**
 * How deeply a spec may nest, in JSON and in the text syntax (formulas included): the limit that
 * turns a stack overflow into a named error.
 *
 * @module
 */
import { SpecSyntaxError } from "./syntaxError.js";

/**
 * How deeply a spec may nest: objects and lists (in the text syntax and formulas, brackets)
 * inside one another. Real compositions use a few levels.
 */
export const MAX_SPEC_DEPTH = 200;

/**
 * Refuses text whose brackets (outside string literals) nest deeper than {@link MAX_SPEC_DEPTH},
 * before a recursive parser meets it.
 *
 * @throws {@link SpecSyntaxError} at the first bracket past the limit.
 */
export function checkBracketDepth(source: string): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") {
      if (++depth > MAX_SPEC_DEPTH) {
        throw new SpecSyntaxError(`Brackets nest deeper than ${MAX_SPEC_DEPTH} levels`, source, i);
      }
    } else if (c === ")" || c === "]" || c === "}") depth--;
  }
}
