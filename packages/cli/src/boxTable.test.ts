import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { boxTable } from "./boxTable.js";

/** The table as cli-table3 draws it in the compact style lrkit used, with the final newline. */
function cliTable3(head: string[], rows: string[][]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  return `${table.toString()}\n`;
}

const widths = (head: string[], rows: string[][]) =>
  head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));

describe("boxTable", () => {
  it("draws what cli-table3 draws, cell for cell", () => {
    const cases: [string[], string[][]][] = [
      [
        ["step", "lr"],
        [
          ["0", "0.3"],
          ["1", "0.2999999999999926"],
          ["10", "NaN"],
          ["100000", "-Infinity"],
          ["7", "1e-300"],
        ],
      ],
      [["a", "a longer title", "c"], [["x", "y", "a longer cell than its title"]]],
      [["only a head"], []],
    ];
    for (const [head, rows] of cases) {
      expect([...boxTable(head, widths(head, rows), rows)].join("")).toBe(cliTable3(head, rows));
    }
  });

  it("yields one line at a time, pulling each row only when its line is asked for", () => {
    let pulled = 0;
    const rows = (function* () {
      for (;;) {
        pulled++;
        yield [String(pulled)];
      }
    })();
    const lines = boxTable(["n"], [8], rows);
    const first = [0, 1, 2, 3, 4].map(() => lines.next().value);
    expect(first).toEqual([
      "┌──────────┐\n",
      "│ n        │\n",
      "├──────────┤\n",
      "│ 1        │\n",
      "│ 2        │\n",
    ]);
    expect(pulled).toBe(2);
  });
});
