/**
 * `@lrkit/compare/csv`: the CSV table functions that `readCsv` is built on, browser-safe (no
 * Node built-in is reached from here; csv-parse's browser build is picked by the `browser`
 * condition), for a page that reads a CSV file the way the CLI does (the playground's Train panel).
 *
 * @module
 */
export { csvTable, type CsvTable } from "./sources/csvTable.js";
export { classLabels, type ClassColumn, type ClassValues } from "./sources/csvClasses.js";
export { cellNumber, isNumeric } from "./sources/csvNumber.js";
