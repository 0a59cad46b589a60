/**
 * A CSV file as training data, in the worker: its columns for the page to choose from, then the
 * chosen feature columns standardised into `xs` and the label column one-hot into `ys`, split into
 * training and validation rows. Nothing leaves the browser.
 *
 * @module
 */
import { tensor2d, type Tensor2D } from "@tensorflow/tfjs-core";
import { permutation } from "@lrkit/tfjs";
// @lrkit/compare's CSV reading (csv-parse, RFC 4180; numbers and class labels checked cell by
// cell, with the line in every error), from its browser-safe entry.
import { cellNumber, classLabels, csvTable, isNumeric, type CsvTable } from "@lrkit/compare/csv";
import type { CsvPreview } from "../protocol.js";

/** The share of the rows held out for validation. */
const VALIDATION = 0.2;

/** Reads a CSV file (header row first) and describes its columns. */
export function readCsvFile(name: string, bytes: Uint8Array): { table: CsvTable; preview: CsvPreview } {
  const table = csvTable("Train", name, bytes);
  const preview: CsvPreview = {
    name,
    header: table.header,
    rows: table.rows.slice(0, 5),
    count: table.rows.length,
    numeric: table.header.map((_, c) => table.rows.every((row) => isNumeric(row[c]!))),
  };
  return { table, preview };
}

/** Features and one-hot labels of some rows. */
export interface Tensors {
  readonly xs: Tensor2D;
  readonly ys: Tensor2D;
}

/** Training and validation tensors of a CSV table, and what they hold. */
export interface CsvSets {
  readonly train: Tensors;
  readonly validation: Tensors;
  readonly classes: string[];
  readonly features: number;
  readonly trainCount: number;
  readonly validationCount: number;
}

/**
 * The rows of `table` as a classification problem: `features` standardised (mean 0, standard
 * deviation 1, from the training rows), `label` one-hot over its distinct values; a seeded fifth
 * of the rows (at least one) held out for validation.
 *
 * @throws Error naming the line and column of a cell that is not a number, or an empty label;
 *   Error for a label among the features, or too few rows.
 */
export function csvSets(name: string, table: CsvTable, label: string, features: readonly string[]): CsvSets {
  if (features.length === 0) throw new Error("Train: choose at least one feature column");
  if (features.includes(label)) throw new Error(`Train: the label column "${label}" is also a feature`);
  const n = table.rows.length;
  if (n < 2) throw new Error(`Train: ${name} has ${n} data row; at least 2 are needed`);
  const column = (c: string) => table.header.indexOf(c);
  const labels = classLabels("Train", name, {
    column: label,
    cells: table.rows.map((row) => row[column(label)]!),
    lines: table.lines,
    oneHot: true,
  });
  const cols = features.map(column);
  const xs = new Float32Array(n * cols.length);
  table.rows.forEach((row, r) =>
    cols.forEach(
      (c, j) =>
        (xs[r * cols.length + j] = cellNumber("Train", name, table.lines[r]!, features[j]!, row[c]!, "")),
    ),
  );
  const order = permutation(n, 0);
  const held = Math.max(1, Math.floor(n * VALIDATION));
  const trainRows = order.subarray(held);
  // Standardise each feature with the training rows' mean and deviation (a constant column stays 0).
  for (let j = 0; j < cols.length; j++) {
    let sum = 0;
    let squares = 0;
    for (const r of trainRows) sum += xs[r * cols.length + j]!;
    const mean = sum / trainRows.length;
    for (const r of trainRows) squares += (xs[r * cols.length + j]! - mean) ** 2;
    const sd = Math.sqrt(squares / trainRows.length) || 1;
    for (let r = 0; r < n; r++) xs[r * cols.length + j] = (xs[r * cols.length + j]! - mean) / sd;
  }
  const k = labels.classes.length;
  const pick = (rows: Uint32Array): Tensors => {
    const x = new Float32Array(rows.length * cols.length);
    const y = new Float32Array(rows.length * k);
    rows.forEach((r, i) => {
      x.set(xs.subarray(r * cols.length, (r + 1) * cols.length), i * cols.length);
      y.set(labels.values.subarray(r * k, (r + 1) * k), i * k);
    });
    return { xs: tensor2d(x, [rows.length, cols.length]), ys: tensor2d(y, [rows.length, k]) };
  };
  return {
    train: pick(trainRows),
    validation: pick(order.subarray(0, held)),
    classes: labels.classes,
    features: cols.length,
    trainCount: trainRows.length,
    validationCount: held,
  };
}
