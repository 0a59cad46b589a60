import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../../../tfjs/src/test/backends.js";
import { csvSets, readCsvFile } from "./csvData.js";

const bytes = (text: string) => new TextEncoder().encode(text);

// Ten rows: x rises 0..9, y is a constant, the class alternates "b", "a".
const CSV = `id,x,y,label\n${Array.from({ length: 10 }, (_, i) => `r${i},${i},5,${i % 2 ? "a" : "b"}`).join("\n")}\n`;

describe("a CSV file as training data in the Train panel's worker", () => {
  beforeAll(() => useBackend("cpu"));

  it("describes its columns: the header, the first rows, and which columns are numbers", () => {
    const { preview } = readCsvFile("t.csv", bytes(CSV));
    expect(preview).toEqual({
      name: "t.csv",
      header: ["id", "x", "y", "label"],
      rows: CSV.split("\n")
        .slice(1, 6)
        .map((line) => line.split(",")),
      count: 10,
      numeric: [false, true, true, false],
    });
  });

  it("standardises the features on the training rows, one-hot codes the label and holds out a fifth", () => {
    const { table } = readCsvFile("t.csv", bytes(CSV));
    const sets = csvSets("t.csv", table, "label", ["x", "y"]);
    expect([sets.trainCount, sets.validationCount, sets.features, sets.classes]).toEqual([
      8,
      2,
      2,
      ["a", "b"],
    ]);
    const xs = sets.train.xs.arraySync();
    const column = (j: number) => xs.map((row) => row[j]!);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(column(0))).toBeCloseTo(0, 6);
    expect(mean(column(0).map((v) => v * v))).toBeCloseTo(1, 5);
    // A constant column has no spread: it becomes 0, not NaN.
    expect(column(1)).toEqual(Array(8).fill(0));
    // Each row keeps its label: x = 2k is class "b" (index 1), odd x class "a" (index 0).
    const valXs = sets.validation.xs.arraySync().map((r) => r[0]!);
    const all = [...xs.map((r) => r[0]!), ...valXs];
    const ys = [...sets.train.ys.arraySync(), ...sets.validation.ys.arraySync()];
    const order = [...all.keys()].sort((a, b) => all[a]! - all[b]!);
    expect(order.map((i) => ys[i])).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? [1, 0] : [0, 1])));
    for (const t of [sets.train.xs, sets.train.ys, sets.validation.xs, sets.validation.ys]) t.dispose();
  });

  it("names the line and column of a cell that is not a number, and refuses a label among the features", () => {
    const { table } = readCsvFile("bad.csv", bytes("x,label\n1,a\nseven,b\n3,a\n"));
    expect(() => csvSets("bad.csv", table, "label", ["x"])).toThrow(
      'Train: bad.csv line 3, column "x": "seven" is not a number',
    );
    expect(() => csvSets("bad.csv", table, "x", ["x"])).toThrow('the label column "x" is also a feature');
    expect(() => csvSets("bad.csv", table, "label", [])).toThrow("choose at least one feature column");
  });
});
