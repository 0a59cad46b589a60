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
import { resultsSchema, type CompareResults } from "./schema.js";

/** Problems with a results file: each names where in the file. */
export class ResultsError extends Error {
  override name = "ResultsError";
}

/** The report could not be rendered or written; the results were written before it. */
export class ReportError extends Error {
  override name = "ReportError";
}

/**
 * Validates `value` against the results schema.
 *
 * @param where - the value's name in messages (its file).
 * @throws {@link ResultsError} listing each problem as `path: message`.
 */
export function parseResults(value: unknown, where = "results"): CompareResults {
  const parsed = resultsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues
    .slice(0, 10)
    .map(
      (i) =>
        `  ${i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("") || "(top level)"}: ${i.message}`,
    );
  const more = parsed.error.issues.length > 10 ? `\n  ... and ${parsed.error.issues.length - 10} more` : "";
  throw new ResultsError(
    `${where} is not a results file of lrkit compare (format ${JSON.stringify((value as { format?: unknown })?.format ?? null)}; see results.schema.json):\n${lines.join("\n")}${more}`,
  );
}

/**
 * Reads and validates a `results.json`.
 *
 * @throws {@link ResultsError} when the file cannot be read, is not JSON, or does not fit the schema.
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ResultsError(`results file ${file} is not JSON: ${(e as Error).message}`, { cause: e });
  }
  return parseResults(value, file);
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
