/**
 * The terminal summary of a compare: one row per run with its final figures (and the published
 * ones, when the runs have them).
 *
 * @module
 */
import Table from "cli-table3";
import type { CompareResults } from "../experiment/results.js";
import { formatDuration } from "../experiment/runProgress.js";

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(3));

/** The summary table as text, ending with a newline. */
export function summaryTable(results: CompareResults): string {
  const published = results.runs.some((r) => r.published?.testAcc !== undefined);
  const best = Math.max(...results.runs.map((r) => r.final?.testAcc ?? -Infinity));
  const table = new Table({
    head: [
      "run",
      "epochs",
      "train loss",
      "train acc",
      "test acc",
      ...(published ? ["published"] : []),
      "time",
      "lint",
    ],
    colAligns: [
      "left",
      "right",
      "right",
      "right",
      "right",
      ...(published ? ["right" as const] : []),
      "right",
      "left",
    ],
    style: { head: [], border: [], compact: true },
  });
  for (const r of results.runs) {
    const f = r.final;
    table.push([
      r.name + (r.status === "completed" ? "" : ` (${r.status})`),
      String(f?.epochs ?? 0),
      f3(f?.trainLoss),
      f3(f?.trainAcc),
      f3(f?.testAcc) + (f && f.testAcc === best && results.runs.length > 1 ? " *" : "  "),
      ...(published ? [f3(r.published?.testAcc)] : []),
      f ? formatDuration(f.seconds) : "-",
      r.lint.map((d) => d.code).join(", ") || "-",
    ]);
  }
  return `${table.toString()}\n`;
}
