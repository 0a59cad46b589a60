/**
 * A CSV cell as a float32 number.
 *
 * @module
 */

// Decimal numbers only: Number() alone would also take "" and " " (as 0), "0x1f" and "Infinity".
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * True when a cell, trimmed, is a decimal number: an optional sign, digits with an optional
 * point, an optional exponent (`-1.5`, `.5`, `2e-3`). Not empty, not hexadecimal, not
 * `Infinity` or `NaN`.
 *
 * @param cell - the cell's text.
 * @example
 * ```ts
 * isNumeric(" 2e-3 "); // true
 * isNumeric(""); // false
 * ```
 */
export function isNumeric(cell: string): boolean {
  return NUMBER.test(cell.trim());
}

/**
 * The number in a cell, for a float32 tensor.
 *
 * @param fn - the public function whose error this is.
 * @param source - the file (or text) name.
 * @param line - the cell's line, 1-based.
 * @param column - the cell's column name.
 * @param cell - the cell's text.
 * @param hint - appended to the "not a number" message (empty, or a parenthesized hint).
 * @throws Error `"<fn>: <source> line <line>, column "<column>": "<cell>" is not a number<hint>"`,
 *   or `... is outside the float32 range` for a magnitude that float32 rounds to infinity.
 * @example
 * ```ts
 * cellNumber("readCsv", "data.csv", 2, "x", "1.5", ""); // 1.5
 * ```
 */
export function cellNumber(
  fn: string,
  source: string,
  line: number,
  column: string,
  cell: string,
  hint: string,
): number {
  const where = `${fn}: ${source} line ${line}, column ${JSON.stringify(column)}`;
  if (!isNumeric(cell)) throw new Error(`${where}: ${JSON.stringify(cell)} is not a number${hint}`);
  const value = Number(cell.trim());
  if (!Number.isFinite(Math.fround(value)))
    throw new Error(`${where}: ${JSON.stringify(cell)} is outside the float32 range`);
  return value;
}
