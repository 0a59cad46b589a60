/**
 * A table in box-drawing characters, produced line by line.
 *
 * @module
 */

/**
 * The lines of a table drawn as cli-table3 draws one in its compact style (a rule under the head,
 * none between rows; cells left-aligned with a space either side), one at a time. Written by hand
 * because cli-table3 lays out the whole table before it prints a line: its time grows with the
 * square of the rows (100,000 rows took 106 s) and its memory with the table. Here the caller gives
 * the column widths, so a row is printed as soon as it is made.
 *
 * @param head - the column titles.
 * @param widths - each column's width in characters: at least its longest cell (title included).
 * @param rows - the cells, row by row (as many as `head`).
 * @returns a generator of lines, each ending with `\n`.
 * @example
 * ```ts
 * [...boxTable(["step", "lr"], [4, 3], [["0", "0.1"]])].join("");
 * // ┌──────┬─────┐
 * // │ step │ lr  │
 * // ├──────┼─────┤
 * // │ 0    │ 0.1 │
 * // └──────┴─────┘
 * ```
 */
export function* boxTable(
  head: readonly string[],
  widths: readonly number[],
  rows: Iterable<readonly string[]>,
): Generator<string> {
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}\n`;
  // A plain loop: a row is the inner loop of a long table (map and join cost a third more memory).
  const line = (cells: readonly string[]) => {
    let text = "│";
    for (let i = 0; i < cells.length; i++) text += ` ${cells[i]!.padEnd(widths[i]!)} │`;
    return `${text}\n`;
  };
  yield rule("┌", "┬", "┐");
  yield line(head);
  let first = true;
  for (const row of rows) {
    if (first) yield rule("├", "┼", "┤"); // under the head, when there is a row (as cli-table3)
    first = false;
    yield line(row);
  }
  yield rule("└", "┴", "┘");
}
