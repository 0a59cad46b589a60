/**
 * The terminal summary of a compare: one row per run with its final figures (and the published
 * ones of the headline, when the runs have them).
 *
 * @module
 */
import Table from "cli-table3";
import { better, formatDuration, formatMetric, type CompareResults } from "@lrkit/compare";

/** The summary table as text, ending with a newline; the best value of the headline is starred. */
export function summaryTable(results: CompareResults): string {
  const { metrics, headline } = results.experiment;
  const published = results.runs.some((r) => typeof r.published?.metrics[headline] === "number");
  const finals = results.runs
    .map((r) => r.final?.metrics[headline])
    .filter((v): v is number => typeof v === "number");
  const best = better(headline) === "max" ? Math.max(...finals) : Math.min(...finals);
  const table = new Table({
    head: ["run", "epochs", ...metrics, ...(published ? [`published ${headline}`] : []), "time", "lint"],
    colAligns: [
      "left",
      "right",
      ...metrics.map(() => "right" as const),
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
      ...metrics.map(
        (m) =>
          formatMetric(f?.metrics[m]) +
          (m === headline ? (f && f.metrics[m] === best && results.runs.length > 1 ? " *" : "  ") : ""),
      ),
      ...(published ? [formatMetric(r.published?.metrics[headline])] : []),
      f ? formatDuration(f.seconds) : "-",
      r.lint.map((d) => d.code).join(", ") || "-",
    ]);
  }
  const h = results.halving;
  const halving = h
    ? `successive halving (minEpochs ${h.minEpochs}, eta ${h.eta}, by ${h.metric}): ${h.epochsTrained} of ${h.epochsWithout} epochs trained; ` +
      `pruned: ${
        results.runs
          .filter((r) => r.status === "pruned")
          .map((r) => `${r.name} after ${r.prunedAfter}`)
          .join(", ") || "none"
      }\n`
    : "";
  return `${table.toString()}\n${halving}`;
}
