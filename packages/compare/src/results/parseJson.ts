/**
 * JSON text to a value, or where and why it is not JSON: the JSON path, line and column where a
 * file cut short, garbled or hand-edited stops being JSON.
 *
 * @module
 */
// `JSON.parse` decides (it is the strict reader); jsonc-parser only locates its failure, since V8's
// messages give no position for most errors ("Unexpected token 'N'") and never a path. jsonc-parser
// (Microsoft's, the parser of VS Code's JSON support; MIT; no dependencies; ships its own types)
// reports each error's offset, line and column and the JSON path at any offset: a scanner of our
// own would have to get strings, escapes and numbers right all over again.
import { getLocation, printParseErrorCode, visit } from "jsonc-parser";
import { describeValue, jsonPath, type ResultsIssue } from "./issues.js";

/** The errors of jsonc-parser (by their names: its codes are a const enum) in words. */
const WORDS: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidNumberFormat: "a malformed number",
  PropertyNameExpected: "expected a field name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," or the end of the list or object',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "more text after the end of the value",
  InvalidCommentToken: "a comment (JSON has none)",
  UnexpectedEndOfComment: "a comment cut short",
  UnexpectedEndOfString: "a string cut short (or a line break in it)",
  UnexpectedEndOfNumber: "a number cut short",
  InvalidUnicode: "a malformed \\u escape",
  InvalidEscapeCharacter: "a malformed escape",
  InvalidCharacter: "a control character in a string",
};

/** Where and why `text`, which `JSON.parse` refused, is not JSON. */
function notJson(text: string, error: Error): ResultsIssue {
  if (text.trim() === "") return { path: "$", message: "the file is empty" };
  let first: { code: string; offset: number; end: number; line: number; column: number } | undefined;
  visit(
    text,
    {
      onError: (code, offset, length, line, column) =>
        void (first ??= { code: printParseErrorCode(code), offset, end: offset + length, line, column }),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  // Never expected: the two readers disagree; V8's message is all there is.
  if (first === undefined) return { path: "$", message: error.message.slice(0, 120) };
  const where = `line ${first.line + 1}, column ${first.column + 1}`;
  const why =
    first.end >= text.trimEnd().length
      ? "the file ends early"
      : first.code === "InvalidSymbol"
        ? `unexpected character ${describeValue(String.fromCodePoint(text.codePointAt(first.offset)!))}`
        : (WORDS[first.code as keyof typeof WORDS] ?? first.code);
  // Where a field's name goes and none is written yet, the path is the object's.
  const location = getLocation(text, first.offset);
  const path =
    location.isAtPropertyKey && location.path.at(-1) === "" ? location.path.slice(0, -1) : location.path;
  return { path: jsonPath(path), message: `${why} (${where})` };
}

/**
 * Parses `text` as JSON, as `JSON.parse` does; when it is not JSON, says where (the JSON path of
 * the value being read, the line and the column) and why, in one line.
 *
 * @example
 * ```ts
 * parseJson('{"runs": [{"epochs": [1, 2'); // { issue: { path: "$.runs[0].epochs[1]", message: "the file ends early (line 1, column 27)" } }
 * ```
 */
export function parseJson(text: string): { value: unknown } | { issue: ResultsIssue } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { issue: notJson(text, e as Error) };
  }
}
