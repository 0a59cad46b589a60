/**
 * Class labels of a CSV column as class indices or one-hot rows.
 *
 * @module
 */
import { isNumeric } from "./csvNumber.js";

/** A label column's cells, for {@link classLabels}. */
export interface ClassColumn {
  /** The column's name (for errors). */
  readonly column: string;
  /** The column's cells, one per data row. */
  readonly cells: readonly string[];
  /** The line of each cell (for errors). */
  readonly lines: readonly number[];
  /** One-hot rows when true, else class indices. */
  readonly oneHot: boolean;
  /** The classes in index order; when absent, the distinct cells sorted (see {@link classLabels}). */
  readonly classes?: readonly string[] | undefined;
}

/** What {@link classLabels} gives: row-major values, the row width, the classes in index order. */
export interface ClassValues {
  readonly values: Float32Array;
  readonly width: number;
  readonly classes: string[];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Maps class labels to class indices (`[n, 1]`, for sparseCategoricalCrossentropy) or to one-hot
 * rows (`[n, classes]`, for categoricalCrossentropy). The classes are `classes` when given, else
 * the distinct labels sorted numerically when all are numbers (`"2"` before `"10"`), otherwise
 * by code unit (not by locale: the order must not depend on the machine).
 *
 * @param fn - the public function whose errors these are.
 * @param source - the file (or text) name.
 * @param column - the column: name, cells, lines, one-hot or not, and the classes if given.
 * @throws Error naming the line and column for an empty label (classes not given), or a label
 *   not among the given classes (naming it and the classes).
 * @example
 * ```ts
 * classLabels("readCsv", "a.csv", { column: "y", cells: ["b", "a"], lines: [2, 3], oneHot: false });
 * // { values: Float32Array [1, 0], width: 1, classes: ["a", "b"] }
 * ```
 */
export function classLabels(fn: string, source: string, column: ClassColumn): ClassValues {
  const { cells, lines, oneHot } = column;
  const where = (i: number) => `${fn}: ${source} line ${lines[i]}, column ${JSON.stringify(column.column)}`;
  let classes: string[];
  if (column.classes !== undefined) classes = [...column.classes];
  else {
    const empty = cells.indexOf("");
    if (empty >= 0) throw new Error(`${where(empty)}: the label is empty`);
    classes = [...new Set(cells)];
    classes.sort(classes.every(isNumeric) ? (a, b) => Number(a) - Number(b) || byCodeUnit(a, b) : byCodeUnit);
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const width = oneHot ? classes.length : 1;
  const values = new Float32Array(cells.length * width);
  cells.forEach((cell, i) => {
    const k = index.get(cell);
    if (k === undefined)
      throw new Error(
        `${where(i)}: ${JSON.stringify(cell)} is not one of the classes ${classes.map((c) => JSON.stringify(c)).join(", ")}`,
      );
    if (oneHot) values[i * width + k] = 1;
    else values[i] = k;
  });
  return { values, width, classes };
}
