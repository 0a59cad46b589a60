import "@tensorflow/tfjs-backend-cpu";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { ParameterRangeError, ParameterTypeError } from "lrkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, readCsv, type CsvData, type ReadCsvOptions } from "./readCsv.js";

let tmp: string;

beforeAll(async () => {
  await tf.setBackend("cpu");
  (tf.backend() as { firstUse?: boolean }).firstUse = false; // no "install tfjs-node" banner
  tmp = mkdtempSync(path.join(os.tmpdir(), "lrkit-csv-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes `text` to a file of the temp dir and returns its path. */
const csv = (name: string, text: string | Uint8Array) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

/** Reads the file, asserting that exactly the two returned tensors were allocated. */
function read(file: string, options: ReadCsvOptions): CsvData {
  const before = tf.memory().numTensors;
  const data = readCsv(file, options);
  expect(tf.memory().numTensors).toBe(before + 2);
  expect([data.xs.dtype, data.ys.dtype]).toEqual(["float32", "float32"]);
  return data;
}

/** The error `fn` throws, asserting that it allocated no tensor. */
function caught(fn: () => unknown): Error {
  const before = tf.memory().numTensors;
  try {
    fn();
  } catch (e) {
    expect(tf.memory().numTensors).toBe(before);
    return e as Error;
  }
  throw new Error("expected a throw");
}

const f32 = (values: number[]) => Float32Array.from(values);

const IRIS = [
  "sepal_length,sepal_width,species",
  "5.1,3.5,setosa",
  "7.0,3.2,versicolor",
  "6.3,3.3,virginica",
  "4.9,3.0,setosa",
  "",
].join("\n");

describe("readCsv", () => {
  it("reads a regression CSV: every column but the label is a feature, in file order", () => {
    const file = csv("regression.csv", "x1,x2,y\n1,2,3.5\n-0.5,4e1,0\n.25,+6,-7\n");
    const data = read(file, { label: "y" });
    expect(data.features).toEqual(["x1", "x2"]);
    expect(data.labels).toEqual(["y"]);
    expect(data.classes).toBeNull();
    expect(data.count).toBe(3);
    expect(data.xs.shape).toEqual([3, 2]);
    expect(data.xs.dataSync()).toEqual(f32([1, 2, -0.5, 40, 0.25, 6]));
    expect(data.ys.shape).toEqual([3, 1]);
    expect(data.ys.dataSync()).toEqual(f32([3.5, 0, -7]));
    tf.dispose([data.xs, data.ys]);
  });

  it("reads several label columns as the columns of ys", () => {
    const file = csv("two-labels.csv", "a,b,c,d\n1,2,3,4\n5,6,7,8\n");
    const data = read(file, { label: ["d", "b"] });
    expect(data.features).toEqual(["a", "c"]);
    expect(data.ys.shape).toEqual([2, 2]);
    expect(data.ys.dataSync()).toEqual(f32([4, 2, 8, 6]));
    tf.dispose([data.xs, data.ys]);
  });

  it("turns class names into one-hot rows over the classes sorted as strings", () => {
    const data = read(csv("iris.csv", IRIS), { label: "species", target: "oneHot" });
    expect(data.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(data.ys.shape).toEqual([4, 3]);
    expect(data.ys.dataSync()).toEqual(f32([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]));
    expect(data.xs.dataSync()).toEqual(f32([5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0]));
    tf.dispose([data.xs, data.ys]);
  });

  it("turns class names into a column of class indices, in the order of the given classes", () => {
    const file = csv("iris-index.csv", IRIS);
    const sorted = read(file, { label: "species", target: "index" });
    expect(sorted.ys.shape).toEqual([4, 1]);
    expect(sorted.ys.dataSync()).toEqual(f32([0, 1, 2, 0]));
    const given = read(file, {
      label: "species",
      target: "index",
      classes: ["virginica", "setosa", "versicolor", "unseen"],
    });
    expect(given.classes).toEqual(["virginica", "setosa", "versicolor", "unseen"]);
    expect(given.ys.dataSync()).toEqual(f32([1, 2, 0, 1]));
    tf.dispose([sorted.xs, sorted.ys, given.xs, given.ys]);
  });

  it("sorts numeric class labels numerically", () => {
    const file = csv("digits.csv", "x,digit\n1,10\n2,2\n3,-1\n4,2.5\n5,2\n");
    const data = read(file, { label: "digit", target: "index" });
    expect(data.classes).toEqual(["-1", "2", "2.5", "10"]);
    expect(data.ys.dataSync()).toEqual(f32([3, 1, 0, 2, 1]));
    tf.dispose([data.xs, data.ys]);
  });

  it("takes the features named, in the order named, whatever their order in the file", () => {
    const file = csv("order.csv", "a,b,label,c,unused\n1,2,0,3,x\n4,5,1,6,y\n");
    const data = read(file, { label: "label", features: ["c", "a"] });
    expect(data.features).toEqual(["c", "a"]);
    expect(data.xs.dataSync()).toEqual(f32([3, 1, 6, 4]));
    expect(data.ys.dataSync()).toEqual(f32([0, 1]));
    tf.dispose([data.xs, data.ys]);
  });

  it("reads quoted fields holding commas, quotes and line breaks, in names and in cells", () => {
    const text = [
      `"width, cm","height ""h""",owner`,
      `1.5,2,"Smith, J."`,
      `" 3 ",4,"Doe,\nthe ""second"""`,
      `5,6,"Smith, J."`,
    ].join("\n");
    const data = read(csv("quoted.csv", text), { label: "owner", target: "oneHot" });
    expect(data.features).toEqual(["width, cm", 'height "h"']);
    expect(data.classes).toEqual(['Doe,\nthe "second"', "Smith, J."]);
    expect(data.xs.dataSync()).toEqual(f32([1.5, 2, 3, 4, 5, 6]));
    expect(data.ys.dataSync()).toEqual(f32([0, 1, 1, 0, 0, 1]));
    tf.dispose([data.xs, data.ys]);
  });

  it("reads a file saved by Excel (byte order mark, CRLF) as its LF twin, empty lines skipped", () => {
    const lf = read(csv("lf.csv", IRIS), { label: "species", target: "oneHot" });
    const crlf = read(csv("crlf.csv", "\ufeff" + IRIS.replaceAll("\n", "\r\n") + "\r\n\r\n"), {
      label: "species",
      target: "oneHot",
    });
    expect(crlf.features).toEqual(lf.features);
    expect(crlf.classes).toEqual(lf.classes);
    expect(crlf.xs.dataSync()).toEqual(lf.xs.dataSync());
    expect(crlf.ys.dataSync()).toEqual(lf.ys.dataSync());
    tf.dispose([lf.xs, lf.ys, crlf.xs, crlf.ys]);
  });
});

describe("readCsv errors", () => {
  it("names the file, the line as an editor shows it, the column and the cell of a non-numeric feature", () => {
    // Line 3 is empty, line 4 holds a quoted line break (CRLF): the bad cell is on line 6.
    const file = csv("bad-feature.csv", 'a,b,note\r\n1,2,ok\r\n\r\n4,5,"x\r\ny"\r\n6,seven,z\r\n');
    expect(caught(() => readCsv(file, { label: "a", features: ["b"] }))).toEqual(
      new Error(`readCsv: ${file} line 6, column "b": "seven" is not a number`),
    );
    const empty = csv("empty-cell.csv", "a,y\n1,2\n,3\n");
    expect(caught(() => readCsv(empty, { label: "y" }))).toEqual(
      new Error(`readCsv: ${empty} line 3, column "a": "" is not a number`),
    );
    const huge = csv("huge.csv", "a,y\n1e39,2\n");
    expect(caught(() => readCsv(huge, { label: "y" }))).toEqual(
      new Error(`readCsv: ${huge} line 2, column "a": "1e39" is outside the float32 range`),
    );
  });

  it("rejects a class name as a label with target value, suggesting the class targets", () => {
    const file = csv("value-classes.csv", IRIS);
    expect(caught(() => readCsv(file, { label: "species" }))).toEqual(
      new Error(
        `readCsv: ${file} line 2, column "species": "setosa" is not a number (for class names, use target "oneHot" or "index")`,
      ),
    );
  });

  it("lists the header's columns when a feature or a label is not one of them", () => {
    const file = csv("columns.csv", IRIS);
    expect(caught(() => readCsv(file, { label: "class", target: "oneHot" }))).toEqual(
      new Error(
        `readCsv: ${file} has no column "class"; its columns are "sepal_length", "sepal_width", "species"`,
      ),
    );
    expect(
      caught(() => readCsv(file, { label: "species", features: ["petal_length", "sepal_width", "x"] })),
    ).toEqual(
      new Error(
        `readCsv: ${file} has no columns "petal_length", "x"; its columns are "sepal_length", "sepal_width", "species"`,
      ),
    );
  });

  it("rejects an empty file, and a header without data rows", () => {
    for (const text of ["", "\n\r\n"]) {
      const file = csv("empty.csv", text);
      expect(caught(() => readCsv(file, { label: "y" }))).toEqual(
        new Error(`readCsv: ${file} is empty; a header row and at least one data row are needed`),
      );
    }
    const header = csv("header.csv", "x,y\r\n");
    expect(caught(() => readCsv(header, { label: "y" }))).toEqual(
      new Error(`readCsv: ${header} has a header but no data rows`),
    );
  });

  it("names the line, the label and the classes when a label is not one of the given classes", () => {
    const file = csv("unknown-class.csv", IRIS);
    expect(
      caught(() => readCsv(file, { label: "species", target: "oneHot", classes: ["setosa", "versicolor"] })),
    ).toEqual(
      new Error(
        `readCsv: ${file} line 4, column "species": "virginica" is not one of the classes "setosa", "versicolor"`,
      ),
    );
    const blank = csv("blank-class.csv", "x,species\n1,a\n2,\n");
    expect(caught(() => readCsv(blank, { label: "species", target: "index" }))).toEqual(
      new Error(`readCsv: ${blank} line 3, column "species": the label is empty`),
    );
  });

  it("names the line of a row with another number of cells than the header", () => {
    const file = csv("cells.csv", 'x,y\n1,2\n"a\nb",2\n3,4,5\n');
    expect(caught(() => readCsv(file, { label: "y" }))).toEqual(
      new Error(`readCsv: ${file} line 5 has 3 cells, but the header has 2`),
    );
  });

  it("rejects unnamed and repeated columns that it would read", () => {
    const unnamed = csv("unnamed.csv", ",x,y\n0,1,2\n1,3,4\n"); // pandas' to_csv writes its index so
    expect(caught(() => readCsv(unnamed, { label: "y" }))).toEqual(
      new Error(`readCsv: ${unnamed} column 1 has no name in the header; name it, or list the features`),
    );
    const ok = read(unnamed, { label: "y", features: ["x"] });
    expect(ok.xs.dataSync()).toEqual(f32([1, 3]));
    tf.dispose([ok.xs, ok.ys]);
    const twice = csv("twice.csv", "x,y,x\n0,1,2\n");
    expect(caught(() => readCsv(twice, { label: "y" }))).toEqual(
      new Error(`readCsv: ${twice} has several columns named "x" (columns 1, 3)`),
    );
    expect(caught(() => readCsv(csv("all-labels.csv", "y\n1\n"), { label: "y" })).message).toMatch(
      /^readCsv: .*all-labels\.csv has no feature columns: every column is a label$/,
    );
  });

  it("passes on csv-parse's reason for malformed quoting, naming the file", () => {
    const file = csv("quote.csv", 'x,y\n1,"2\n3,4\n');
    expect(caught(() => readCsv(file, { label: "y" })).message).toMatch(
      new RegExp(`^readCsv: ${file.replaceAll(/[.\\/]/g, "\\$&")}: Quote Not Closed`),
    );
  });

  it("names a missing file", () => {
    const file = path.join(tmp, "missing.csv");
    expect(caught(() => readCsv(file, { label: "y" }))).toEqual(new Error(`readCsv: ${file} does not exist`));
  });

  it("rejects bad options by name, before reading the file", () => {
    const missing = path.join(tmp, "never-read.csv");
    const cases: [ReadCsvOptions, typeof ParameterTypeError | typeof ParameterRangeError, string][] = [
      [
        {} as ReadCsvOptions,
        ParameterTypeError,
        "label must be a column name or a non-empty list of column names, got undefined",
      ],
      [
        { label: [] },
        ParameterTypeError,
        "label must be a column name or a non-empty list of column names, got []",
      ],
      [{ label: ["y", "y"] }, ParameterRangeError, 'label lists a column twice, got ["y","y"]'],
      [
        { label: "y", features: [] },
        ParameterTypeError,
        "features must be a non-empty list of distinct column names, got []",
      ],
      [{ label: "y", features: ["a", "y"] }, ParameterRangeError, 'features and label share the column "y"'],
      [
        { label: "y", target: "onehot" as "oneHot" },
        ParameterRangeError,
        'target must be "oneHot", "index" or "value", got "onehot"',
      ],
      [
        { label: ["y", "z"], target: "index" },
        ParameterRangeError,
        'target "index" takes one label column, got ["y","z"]',
      ],
      [
        { label: "y", classes: ["a"] },
        ParameterRangeError,
        'classes need target "oneHot" or "index", got "value"',
      ],
      [
        { label: "y", target: "oneHot", classes: ["a", "a"] },
        ParameterTypeError,
        'classes must be a non-empty list of distinct class names, got ["a","a"]',
      ],
    ];
    for (const [options, type, message] of cases) {
      const error = caught(() => readCsv(missing, options));
      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(`readCsv: ${message}`);
    }
  });
});

describe("parseCsv", () => {
  it("reads a CSV text as readCsv reads the file, naming the text's source in errors", () => {
    const text = "x,y\n1,2\n2,4\n";
    const fromText = parseCsv(text, { label: "y" });
    const fromFile = read(csv("twin.csv", text), { label: "y" });
    expect(fromText.xs.dataSync()).toEqual(fromFile.xs.dataSync());
    expect(fromText.ys.dataSync()).toEqual(fromFile.ys.dataSync());
    tf.dispose([fromText.xs, fromText.ys, fromFile.xs, fromFile.ys]);
    expect(caught(() => parseCsv("x,y\n1,a\n", { label: "y", source: "<stdin>" }))).toEqual(
      new Error(
        `parseCsv: <stdin> line 2, column "y": "a" is not a number (for class names, use target "oneHot" or "index")`,
      ),
    );
    expect(caught(() => parseCsv("", { label: "y" }))).toEqual(
      new Error("parseCsv: <csv text> is empty; a header row and at least one data row are needed"),
    );
  });
});
