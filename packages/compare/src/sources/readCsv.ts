/**
 * A CSV file as training data for a one-output model: feature columns to `xs`, label columns to
 * `ys`.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { tensor2d, type Tensor2D } from "@tensorflow/tfjs-core";
import { ParameterRangeError, ParameterTypeError } from "lrkit";
import { csvTable } from "./csvTable.js";
import { classLabels } from "./csvClasses.js";
import { cellNumber } from "./csvNumber.js";

/**
 * How label cells become `ys`: `"oneHot"`, a one-hot row over the classes (for
 * categoricalCrossentropy on a softmax); `"index"`, the class's index in a `[n, 1]` column (for
 * sparseCategoricalCrossentropy); `"value"`, the numbers themselves (regression, binary 0/1).
 */
export type CsvTarget = "oneHot" | "index" | "value";

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** The label column, or several (with target `"value"` only), by header name. Required. */
  readonly label: string | readonly string[];
  /** The feature columns, by header name, in the order of `xs`. Defaults to every other column, in file order. */
  readonly features?: readonly string[];
  /** How labels become `ys` (see {@link CsvTarget}). Defaults to `"value"`. */
  readonly target?: CsvTarget;
  /**
   * The classes in index order (target `"oneHot"` or `"index"` only). Defaults to the distinct
   * label values, sorted numerically when all are numbers, else as strings (by code unit).
   */
  readonly classes?: readonly string[];
}

/** Training data read by {@link readCsv}. */
export interface CsvData {
  /** The features, float32 `[count, features.length]`. */
  readonly xs: Tensor2D;
  /** The labels, float32: `[count, labels.length]` (value), `[count, 1]` (index), `[count, classes.length]` (oneHot). */
  readonly ys: Tensor2D;
  /** The feature columns, in the order of `xs`'s columns. */
  readonly features: string[];
  /** The label columns. */
  readonly labels: string[];
  /** The classes in index order (target `"oneHot"` or `"index"`); null for target `"value"`. */
  readonly classes: string[] | null;
  /** The number of examples (data rows). */
  readonly count: number;
}

const TARGETS: readonly string[] = ["oneHot", "index", "value"];
const quote = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");
const isNames = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((n) => typeof n === "string" && n.length > 0);
const distinct = (names: readonly string[]) => new Set(names).size === names.length;

/** The options checked (parameter errors throw before the file is read), with defaults. */
function checkOptions(fn: string, options: ReadCsvOptions) {
  const { label, features, target = "value", classes } = options ?? ({} as ReadCsvOptions);
  const labels = typeof label === "string" && label.length > 0 ? [label] : label;
  if (!isNames(labels) || labels.length === 0)
    throw new ParameterTypeError(
      fn,
      "label",
      `${fn}: label must be a column name or a non-empty list of column names, got ${JSON.stringify(label)}`,
    );
  if (!distinct(labels))
    throw new ParameterRangeError(
      fn,
      "label",
      `${fn}: label lists a column twice, got ${JSON.stringify(label)}`,
    );
  if (features !== undefined && (!isNames(features) || features.length === 0 || !distinct(features)))
    throw new ParameterTypeError(
      fn,
      "features",
      `${fn}: features must be a non-empty list of distinct column names, got ${JSON.stringify(features)}`,
    );
  const shared = features?.find((f) => labels.includes(f));
  if (shared !== undefined)
    throw new ParameterRangeError(fn, "features", `${fn}: features and label share the column "${shared}"`);
  if (!TARGETS.includes(target))
    throw new ParameterRangeError(
      fn,
      "target",
      `${fn}: target must be "oneHot", "index" or "value", got ${JSON.stringify(target)}`,
    );
  if (target !== "value" && labels.length !== 1)
    throw new ParameterRangeError(
      fn,
      "label",
      `${fn}: target "${target}" takes one label column, got ${JSON.stringify(label)}`,
    );
  if (classes !== undefined) {
    if (target === "value")
      throw new ParameterRangeError(
        fn,
        "classes",
        `${fn}: classes need target "oneHot" or "index", got "value"`,
      );
    if (!isNames(classes) || classes.length === 0 || !distinct(classes))
      throw new ParameterTypeError(
        fn,
        "classes",
        `${fn}: classes must be a non-empty list of distinct class names, got ${JSON.stringify(classes)}`,
      );
  }
  return { labels, features, target: target as CsvTarget, classes };
}

/** Converts the checked table to tensors; `fn` and `source` name the errors. */
function toData(
  fn: string,
  source: string,
  input: Uint8Array,
  options: ReturnType<typeof checkOptions>,
): CsvData {
  const { header, rows, lines } = csvTable(fn, source, input);
  const wanted = [...(options.features ?? []), ...options.labels];
  const missing = wanted.filter((name) => !header.includes(name));
  if (missing.length > 0)
    throw new Error(
      `${fn}: ${source} has no column${missing.length > 1 ? "s" : ""} ${quote(missing)}; its columns are ${quote(header)}`,
    );
  const features = options.features ?? header.filter((name) => !options.labels.includes(name));
  if (features.length === 0)
    throw new Error(`${fn}: ${source} has no feature columns: every column is a label`);
  const columnOf = (name: string) => {
    const at = header.flatMap((h, i) => (h === name ? [i + 1] : []));
    if (name === "")
      throw new Error(
        `${fn}: ${source} column ${at[0]} has no name in the header; name it, or list the features`,
      );
    if (at.length > 1)
      throw new Error(`${fn}: ${source} has several columns named "${name}" (columns ${at.join(", ")})`);
    return at[0]! - 1;
  };
  const featureColumns = features.map(columnOf);
  const labelColumns = options.labels.map(columnOf);

  // Row-major float32 values of some columns, checked cell by cell in file order.
  const numbers = (columns: number[], hint: string) => {
    const values = new Float32Array(rows.length * columns.length);
    rows.forEach((row, r) =>
      columns.forEach((c, j) => {
        values[r * columns.length + j] = cellNumber(fn, source, lines[r]!, header[c]!, row[c]!, hint);
      }),
    );
    return values;
  };
  const n = rows.length;
  const xs = numbers(featureColumns, "");
  const { values, width, classes } =
    options.target === "value"
      ? {
          values: numbers(labelColumns, ' (for class names, use target "oneHot" or "index")'),
          width: labelColumns.length,
          classes: null,
        }
      : classLabels(fn, source, {
          column: header[labelColumns[0]!]!,
          cells: rows.map((row) => row[labelColumns[0]!]!),
          lines,
          oneHot: options.target === "oneHot",
          classes: options.classes,
        });
  // Every check is done: the two tensors are the only ones allocated.
  return {
    xs: tensor2d(xs, [n, features.length], "float32"),
    ys: tensor2d(values, [n, width], "float32"),
    features: [...features],
    labels: [...options.labels],
    classes,
    count: n,
  };
}

/**
 * Reads a CSV file with a header row as training data for a one-output model: the feature
 * columns become `xs`, the label column(s) `ys`, both float32 `Tensor2D`s, rows in file order.
 * Columns are chosen by their header names. Fields may be quoted (holding commas, quotes or line
 * breaks); line endings may be CRLF, LF or CR; a byte order mark is skipped, as are empty lines;
 * unquoted cells are trimmed. Feature cells (and label cells with target `"value"`) must be
 * decimal numbers (`-1.5`, `2e-3`); an empty cell is an error, not a zero. Nothing is allocated
 * but the two returned tensors: dispose them when done.
 *
 * @param file - the CSV file's path.
 * @param options - `label` (required), `features` (default: every other column, in file order),
 *   `target` (default `"value"`), `classes` (default: the distinct labels, sorted).
 * @returns `{ xs, ys, features, labels, classes, count }`.
 * @throws TypeError or RangeError (lrkit's `ParameterTypeError`, `ParameterRangeError`) naming
 *   the option for bad options, before the file is read. Error naming the file for a missing
 *   file, an empty file or a header only, a column not in the header (listing the header's
 *   columns), a row with another number of cells than the header (its line), a cell that is not
 *   a number (its line, as an editor shows it, the column and the cell), or a label not among
 *   the given `classes` (its line, the label and the classes).
 * @example
 * ```ts
 * // sepal_length,sepal_width,petal_length,petal_width,species
 * const { xs, ys, classes } = readCsv("iris.csv", { label: "species", target: "oneHot" });
 * model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
 * await model.fit(xs, ys, { epochs: 10 });
 * ```
 */
export function readCsv(file: string, options: ReadCsvOptions): CsvData {
  const checked = checkOptions("readCsv", options);
  let input: Buffer;
  try {
    input = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`readCsv: ${file} does not exist`, { cause: e });
    throw new Error(`readCsv: cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  return toData("readCsv", file, input, checked);
}

/**
 * {@link readCsv} for a CSV text in memory (a string, an upload, standard input): the same
 * options, result and errors, which name `source` where readCsv names the file.
 *
 * @param text - the CSV text.
 * @param options - as {@link readCsv}'s, and `source`, the name errors give the text (default
 *   `"<csv text>"`).
 * @returns `{ xs, ys, features, labels, classes, count }`.
 * @throws as {@link readCsv}, the errors starting with `parseCsv:`.
 * @example
 * ```ts
 * const { xs, ys } = parseCsv("x,y\n1,2\n2,4\n", { label: "y" });
 * ```
 */
export function parseCsv(text: string, options: ReadCsvOptions & { readonly source?: string }): CsvData {
  const checked = checkOptions("parseCsv", options);
  return toData("parseCsv", options.source ?? "<csv text>", Buffer.from(text, "utf8"), checked);
}
