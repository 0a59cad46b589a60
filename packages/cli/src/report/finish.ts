/**
 * How `lrkit compare` and `lrkit demo` end: the results and the report written, the outcome
 * printed, and the exit code.
 *
 * @module
 */
import { ReportError, resultsPaths, writeResults, type CompareResults } from "@lrkit/compare";
import { CliError, type Io } from "../io.js";
import { summaryTable } from "./summary.js";

/**
 * Writes the results (`results.json`, then `report.html`, in `dir`), prints the outcome and ends as
 * it should: the summary (or the JSON) on stdout, the paths on stderr or stdout, exit code 130
 * after a stop signal, and 1 when the report could not be written (the results are) or a run
 * failed.
 */
export function finish(results: CompareResults, dir: string, json: boolean, io: Io): void {
  const paths = resultsPaths(dir);
  let reportFailure: string | null = null;
  try {
    writeResults(results, dir);
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    reportFailure = `${e.message} (lrkit compare --from ${paths.json} --out ${dir} tries again)`;
  }
  const written = `${reportFailure === null ? `report: ${paths.html}\n` : ""}results: ${paths.json}\n`;
  if (json) {
    io.out(`${JSON.stringify(results)}\n`);
    io.err(written);
  } else {
    io.out(`${summaryTable(results)}${written}`);
  }
  if (results.stopped === "interrupted")
    throw new CliError(
      reportFailure === null
        ? "interrupted: the finished epochs are in the results and the report"
        : `interrupted: the finished epochs are in the results; ${reportFailure}`,
      130,
    );
  const failed = results.runs.filter((r) => r.status === "failed");
  const failures = [
    ...(reportFailure === null ? [] : [reportFailure]),
    ...(failed.length
      ? [
          `${failed.length} run${failed.length === 1 ? "" : "s"} failed: ${failed.map((r) => `${r.name}: ${r.error?.split("\n")[0] ?? "?"}`).join("; ")}`,
        ]
      : []),
  ];
  if (failures.length) throw new CliError(failures.join("; "), 1);
}
