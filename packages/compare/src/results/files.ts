/**
 * A compare's results on disk: `results.json` (validated when read back) and `report.html`, each
 * written atomically, the results first.
 *
 * @module
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../files/writeFileAtomic.js";
import { renderReport } from "../report/report.js";
import { consistencyIssues } from "./consistency.js";
import { schemaIssue, type ResultsIssue } from "./issues.js";
import { parseJson } from "./parseJson.js";
import { RESULTS_FORMAT, resultsSchema, type CompareResults } from "./schema.js";

/** Problems with a results file: each names where in the file. */
export class ResultsError extends Error {
  override name = "ResultsError";
}

/** The report could not be rendered or written; the results were written before it. */
export class ReportError extends Error {
  override name = "ReportError";
}

/** Several problems as one line: the first (its line breaks made spaces), and how many more there are. */
const oneLine = (issues: readonly ResultsIssue[]) =>
  `${issues[0]!.path}: ${issues[0]!.message.replace(/\s*[\r\n]+\s*/g, " ")}` +
  (issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "");

/**
 * Validates `value` against the results schema (`results.schema.json`), then the consistency of
 * its fields (a run's final figures are its last epoch's, its epochs log the experiment's values,
 * its spec builds the schedule its text says, ...; see `consistencyIssues`).
 *
 * @param where - the value's name in messages (its file).
 * @throws {@link ResultsError}, one line naming `where`, the JSON path and the value found, e.g.
 *   `results.json is not a results file of lrkit compare (lrkit-compare-results/1):
 *   $.runs[1].epochs[0].lr: expected number, got "fast" (and 2 more problems)`.
 */
export function parseResults(value: unknown, where = "results"): CompareResults {
  const parsed = resultsSchema.safeParse(value, { reportInput: true });
  const issues = parsed.success ? consistencyIssues(parsed.data) : parsed.error.issues.map(schemaIssue);
  if (parsed.success && issues.length === 0) return parsed.data;
  throw new ResultsError(
    `${where} is not a results file of lrkit compare (${RESULTS_FORMAT}): ${oneLine(issues)}`,
  );
}

/**
 * Reads and validates a `results.json` (see {@link parseResults}).
 *
 * @throws {@link ResultsError}, one line naming the file: when it cannot be read, when it is not
 *   JSON (the JSON path, line and column where it stops being JSON: a file cut short, garbage),
 *   or when it does not fit the schema or its fields disagree.
 * @example
 * ```ts
 * const results = readResults("lrkit-report/results.json");
 * writeFileSync("again.html", renderReport(results));
 * ```
 */
export function readResults(file: string): CompareResults {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ResultsError(`cannot read results file ${file}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = parseJson(text);
  if ("issue" in parsed) throw new ResultsError(`${file} is not JSON: ${oneLine([parsed.issue])}`);
  return parseResults(parsed.value, file);
}

/**
 * The paths of a compare's files in `dir`.
 *
 * @example
 * ```ts
 * resultsPaths("my-report"); // { json: "my-report/results.json", html: "my-report/report.html" }
 * ```
 */
export function resultsPaths(dir: string): { json: string; html: string } {
  return { json: join(dir, "results.json"), html: join(dir, "report.html") };
}

/**
 * Writes `results` to `file` as JSON, atomically (see `writeFileAtomic`): what `readResults` reads.
 *
 * @throws the file system's error, naming the path.
 * @example
 * ```ts
 * await compareSchedules({ ...options, onResults: (r) => writeResultsFile(r, "results.json") });
 * ```
 */
export function writeResultsFile(results: CompareResults, file: string): void {
  writeFileAtomic(file, `${JSON.stringify(results, null, 1)}\n`);
}

/**
 * Writes `results.json`, then `report.html`, to `dir` (created if needed), each atomically; returns
 * their paths. A report that fails does not take the results with it: they are written first.
 *
 * @throws the file system's error when `results.json` cannot be written; {@link ReportError} when
 *   the report cannot be rendered or written (`results.json` is then written).
 * @example
 * ```ts
 * const { html } = writeResults(await compareSchedules(options), "my-report");
 * ```
 */
export function writeResults(results: CompareResults, dir: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const paths = resultsPaths(dir);
  writeResultsFile(results, paths.json);
  try {
    writeFileAtomic(paths.html, renderReport(results));
  } catch (e) {
    throw new ReportError(
      `the report ${paths.html} could not be written (${(e as Error).message}); the results are in ${paths.json}`,
      { cause: e },
    );
  }
  return paths;
}
