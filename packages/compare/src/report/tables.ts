/**
 * The report's tables: the final figures of every run (the best of each column marked), and the
 * lint diagnostics of each schedule.
 *
 * @module
 */
import type { Diagnostic } from "lrkit";
import { better } from "../results/metrics.js";
import type { CompareResults, RunResult } from "../results/schema.js";
import { formatDuration, formatMetric } from "./format.js";
import { statusText } from "./status.js";
import { html, type SafeHtml } from "./html.js";

type Column = {
  readonly head: string;
  readonly title: string;
  readonly value: (r: RunResult) => number | null | undefined;
  readonly format: (v: number, r: RunResult) => string;
  /** Which end is best; none: not marked. */
  readonly best?: "max" | "min";
};

/** The table's columns: every logged value of the last epoch, the best headline, time and speed. */
function columns(results: CompareResults): Column[] {
  const { metrics, headline } = results.experiment;
  return [
    ...metrics.map((name): Column => ({
      head: name,
      title: `${name} at the end of the last epoch`,
      value: (r) => r.final?.metrics[name],
      format: formatMetric,
      best: better(name),
    })),
    {
      head: `best ${headline}`,
      title: `the best ${headline} after any epoch (epoch in parentheses)`,
      value: (r) => r.final?.best?.value,
      format: (v, r) => `${formatMetric(v)} (${r.final!.best!.epoch + 1})`,
      best: better(headline),
    },
    {
      head: "time",
      title: "wall time of the run (updates and evaluation)",
      value: (r) => r.final?.seconds,
      format: formatDuration,
    },
    {
      head: "examples/s",
      title: "training examples per second (updates only)",
      value: (r) => r.final?.examplesPerSecond,
      format: (v) => Math.round(v).toLocaleString("en-US"),
    },
  ];
}

/** The anchor id of a run's lint list. */
export const lintId = (name: string): string => `lint-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Per column, the index of the best run (ties: the first), when more than one run finished. */
function bestRows(runs: readonly RunResult[], list: readonly Column[]): Map<Column, number> {
  const best = new Map<Column, number>();
  if (runs.filter((r) => r.final).length < 2) return best;
  for (const c of list) {
    if (!c.best) continue;
    let at = -1;
    runs.forEach((r, i) => {
      const v = c.value(r);
      if (!finite(v)) return;
      const current = at < 0 ? undefined : (c.value(runs[at]!) as number);
      if (current === undefined || (c.best === "max" ? v > current : v < current)) at = i;
    });
    if (at >= 0) best.set(c, at);
  }
  return best;
}

/** The table of final figures, with the published figures of the headline beside them when the runs have any. */
export function finalTable(results: CompareResults): SafeHtml {
  const runs = results.runs;
  const { headline } = results.experiment;
  const list = columns(results);
  const best = bestRows(runs, list);
  const hasPublished = runs.some((r) => finite(r.published?.metrics[headline]));
  const cell = (r: RunResult, i: number, c: Column) => {
    const v = c.value(r);
    if (!finite(v)) return html`<td class="num">–</td>`;
    const text = c.format(v, r);
    return best.get(c) === i
      ? html`<td class="num best" title="best of the runs"><strong>${text}</strong> ★</td>`
      : html`<td class="num">${text}</td>`;
  };
  const lintCount = (r: RunResult) => {
    const n = r.lint.length;
    if (n === 0) return html`<td class="lint-ok">none</td>`;
    const worst = r.lint.some((d) => d.severity === "error")
      ? "error"
      : r.lint.some((d) => d.severity === "warning")
        ? "warning"
        : "info";
    return html`<td>
      <a href="#${lintId(r.name)}" class="sev-${worst}">${n} ${n === 1 ? "finding" : "findings"}</a>
    </td>`;
  };
  const rows = runs.map(
    (r, i) =>
      html`<tr class="run-row" data-run="${r.name}">
        <th scope="row">
          ${r.name}${statusText(r) ? html` <span class="status">(${statusText(r)})</span>` : ""}
        </th>
        <td>
          <code>${r.text}</code>${r.unit === "batch" ? html` <span class="unit">per update</span>` : ""}
        </td>
        <td class="num">${r.final?.epochs ?? 0}</td>
        ${list.map((c) => cell(r, i, c))}
        ${hasPublished ? html`<td class="num published">${formatMetric(r.published?.metrics[headline])}</td>` : ""}
        ${lintCount(r)}
      </tr>`,
  );
  return html`<table class="final">
    <thead>
      <tr>
        <th scope="col">run</th>
        <th scope="col">schedule</th>
        <th scope="col" class="num" title="epochs finished">epochs</th>
        ${list.map((c) => html`<th scope="col" class="num" title="${c.title}">${c.head}</th>`)}
        ${
          hasPublished
            ? html`<th
                scope="col"
                class="num"
                title="${runs.find((r) => r.published)?.published?.source ?? ""}"
              >
                published ${headline}
              </th>`
            : ""
        }
        <th scope="col">lint</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** A run's lint diagnostics as a list (or a line saying there are none). */
export function lintList(run: RunResult): SafeHtml {
  if (run.lint.length === 0)
    return html`<p class="lint-ok" id="${lintId(run.name)}">lint: no findings for this plan.</p>`;
  const unit = run.unit === "epoch" ? "epoch" : "update";
  const item = (d: Diagnostic) =>
    html`<li class="sev-${d.severity}">
      <span class="badge">${d.severity}</span>
      <code>${d.code}</code>${d.step === null ? "" : ` at ${unit} ${d.step}`}: ${d.message}
      <div class="fix">fix: ${d.fix}</div>
    </li>`;
  return html`<ul class="lint" id="${lintId(run.name)}">
    ${run.lint.map(item)}
  </ul>`;
}
