/**
 * A compare's results on disk: `results.json` (validated when read back) and `report.html`.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderReport } from "../report/report.js";
import { resultsSchema, type CompareResults } from "./schema.js";

/** Problems with a results file: each names where in the file. */
export class ResultsError extends Error {
  override name = "ResultsError";
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
 * Writes `results.json` and `report.html` to `dir` (created if needed); returns their paths.
 *
 * @example
 * ```ts
 * const { html } = writeResults(await compareSchedules(options), "my-report");
 * ```
 */
export function writeResults(results: CompareResults, dir: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, "results.json");
  const html = join(dir, "report.html");
  writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(html, renderReport(results));
  return { json, html };
}
