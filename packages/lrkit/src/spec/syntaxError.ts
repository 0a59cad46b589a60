/**
 * The error of the text forms (the spec text syntax and formulas): what was expected, and where.
 *
 * @module
 */

/** A syntax error in a formula or in the spec text syntax, with the 1-based line and column. */
export class SpecSyntaxError extends SyntaxError {
  override name = "SyntaxError";
  /**
   * @param reason - what was wrong (without the position).
   * @param source - the text that was parsed.
   * @param offset - 0-based character offset of the problem in `source`.
   */
  constructor(
    readonly reason: string,
    readonly source: string,
    readonly offset: number,
  ) {
    const { line, column } = lineAndColumn(source, offset);
    const where = source.includes("\n") ? `line ${line}, column ${column}` : `column ${column}`;
    super(`${reason} at ${where}\n${excerpt(source, offset)}`);
    this.line = line;
    this.column = column;
  }
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
}

/** The 1-based line and column of a 0-based offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function excerpt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  const lineEnd = source.indexOf("\n", offset);
  const text = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const at = offset - lineStart;
  return `${text}\n${" ".repeat(at)}^`;
}
