/**
 * The HTML report of a compare: one self-contained file (inline CSS and SVG, no script, no font,
 * no URL) that opens offline.
 *
 * @module
 */
import { SUGGESTIONS, toText, type ScheduleSpec, type SuggestionName } from "lrkit";
import type { CompareResults, FindReport, RunResult } from "../results/schema.js";
import { finderChart, metricChart, runChart, schedulesChart } from "./charts.js";
import { formatDuration, formatMetric } from "./format.js";
import { html, raw, type SafeHtml } from "./html.js";
import { REPORT_CSS } from "./style.js";
import { checkpointNotes, halvingSection } from "./halving.js";
import { statusText } from "./status.js";
import { finalTable, lintList } from "./tables.js";

const count = (n: number) => n.toLocaleString("en-US");

function sameStart(results: CompareResults): SafeHtml {
  const inits = results.runs.map((r) => r.init).filter((i) => i !== null);
  if (inits.length === 0) return html`–`;
  const digests = new Set(inits.map((i) => i.weightsSha256));
  const losses = inits.map((i) => i.firstBatchLoss).filter((l) => l !== null);
  const loss = losses.length ? ` (first-update loss ${losses[0]!.toFixed(4)})` : "";
  return digests.size === 1
    ? html`all ${inits.length} runs start from the same ${count(inits[0]!.parameters)} weights, SHA-256
        <code>${inits[0]!.weightsSha256.slice(0, 16)}…</code>${loss}, and see the same batches in the same
        order`
    : html`<strong>the runs start from different weights</strong> (${digests.size} distinct digests)`;
}

function setupList(results: CompareResults): SafeHtml {
  const { experiment: e, machine } = results;
  const opt =
    e.optimizerOptions && Object.keys(e.optimizerOptions).length
      ? ` (${Object.entries(e.optimizerOptions)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(", ")})`
      : "";
  const examples = (n: number | null) => (n === null ? "" : `, ${count(n)} examples`);
  return html`<dl class="setup">
    <dt>model</dt>
    <dd>${e.model}</dd>
    <dt>data</dt>
    <dd>${e.data}${examples(e.trainExamples)}</dd>
    <dt>validation</dt>
    <dd>${e.validation === null ? "none" : html`${e.validation}${examples(e.validationExamples)}`}</dd>
    <dt>training</dt>
    <dd>
      ${e.epochs} epochs${e.stepsPerEpoch === null ? "" : ` of ${e.stepsPerEpoch} updates`}, batch
      ${e.batchSize}, ${e.optimizer}${opt}, loss ${e.loss}, data order seed ${e.seed}
    </dd>
    <dt>logged</dt>
    <dd>${e.metrics.join(", ")}; runs ranked by ${e.headline}</dd>
    <dt>start</dt>
    <dd>${sameStart(results)}</dd>
    <dt>backend</dt>
    <dd>${machine.backendReason?.split(", because")[0] ?? machine.backend ?? "–"}</dd>
    <dt>machine</dt>
    <dd>
      ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.platform}, Node
      ${machine.node};
      ${machine.workers === 0 ? "the calling thread" : `${machine.workers} worker thread${machine.workers === 1 ? "" : "s"}`}
    </dd>
    <dt>wall time</dt>
    <dd>${formatDuration(machine.wallSeconds)} (finished ${machine.finishedAt})</dd>
  </dl>`;
}

function notes(results: CompareResults): SafeHtml {
  const items: SafeHtml[] = [];
  if (results.stopped === "interrupted")
    items.push(
      html`<li>
        <strong>Interrupted</strong> (Ctrl-C or another stop signal): the finished epochs of every run are
        kept; unfinished runs are marked.
      </li>`,
    );
  for (const n of results.experiment.notes) items.push(html`<li>${n}</li>`);
  items.push(...checkpointNotes(results));
  return items.length
    ? html`<ul class="notes">
        ${items}
      </ul>`
    : html``;
}

/**
 * A remark for a classifier's run that ends at chance level (loss about ln k, accuracy about 1/k
 * for k classes): it did not learn, which no curve of the lr alone shows.
 */
function chanceLevel(r: RunResult, results: CompareResults): SafeHtml | "" {
  const k = results.experiment.classes;
  const loss = r.final?.metrics.loss;
  const accuracy = r.final?.best?.metric.endsWith("acc") ? r.final.metrics[r.final.best.metric] : undefined;
  if (k === null || k < 2 || typeof loss !== "number" || typeof accuracy !== "number") return "";
  if (!(accuracy < 1.5 / k && loss > 0.9 * Math.log(k))) return "";
  return html`<p class="warn">
    This run ends at chance level (loss ${formatMetric(loss)}, ln ${k} = ${Math.log(k).toFixed(3)};
    ${r.final!.best!.metric} ${formatMetric(accuracy)}): it did not learn.
  </p>`;
}

function published(r: RunResult): SafeHtml | "" {
  if (!r.published) return "";
  const figures = Object.entries(r.published.metrics)
    .map(([name, v]) => `${name} ${formatMetric(v)}`)
    .join(", ");
  return html`<p class="small">
    Published: ${figures}${r.published.source ? ` (${r.published.source})` : ""}.
  </p>`;
}

function runsSection(results: CompareResults): SafeHtml {
  const { metrics } = results.experiment;
  return html`<div class="grid">
    ${results.runs.map(
      (r, i) =>
        html`<section class="run" id="run-${i + 1}">
          ${
            r.epochs.length
              ? html`<figure>${runChart(r, i, metrics)}</figure>`
              : html`<h3>${i + 1}. ${r.name}</h3>
                  <p>No finished epoch.</p>`
          }
          <p><code>${r.text}</code>, stepped per ${r.unit}${statusText(r) ? `, ${statusText(r)}` : ""}.</p>
          ${r.note ? html`<p class="note">${r.note}</p>` : ""} ${chanceLevel(r, results)} ${published(r)}
          ${lintList(r)} ${r.error ? html`<pre class="error">${r.error}</pre>` : ""}
        </section>`,
    )}
  </div>`;
}

function finderSection(finder: FindReport): SafeHtml {
  const rows = (Object.keys(SUGGESTIONS) as SuggestionName[]).map((name) => {
    const lr = finder.suggestions[name];
    return html`<tr>
      <th scope="row">${name}</th>
      <td class="num">${typeof lr === "number" ? Number(lr.toPrecision(3)).toString() : "–"}</td>
      <td>${name === finder.recommended ? "recommended" : ""}</td>
    </tr>`;
  });
  const schedules = finder.schedules
    ? html`<p>
        Schedules derived from it:
        ${Object.entries(finder.schedules).map(([n, s]) => html`<br />${n}: <code>${toText(s as ScheduleSpec)}</code>`)}
      </p>`
    : "";
  return html`<h2 id="finder">LR range test</h2>
    <p>
      ${finder.iterations} updates in ${finder.seconds.toFixed(1)} s, from lr
      ${finder.lrs[0]?.toExponential(1) ?? "–"} upwards, stopped by ${finder.stoppedBy}; the model was
      restored afterwards. Recommended lr:
      <strong
        >${finder.recommendedLr === null ? "none" : Number(finder.recommendedLr.toPrecision(3)).toString()}</strong
      >
      (${finder.recommended ?? "no method"}; ${(100 * finder.agreement).toFixed(0)}% of the methods agree
      within half a decade).
    </p>
    <figure>${finderChart(finder)}</figure>
    <table class="final" style="width:auto">
      <thead>
        <tr>
          <th scope="col">method</th>
          <th scope="col" class="num">lr</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${schedules}`;
}

/**
 * The report of `results` as a complete HTML document.
 *
 * @param results - what `lrkit compare` produced (its `command` goes in the footer).
 */
export function renderReport(results: CompareResults): string {
  const { experiment, runs } = results;
  const title = `Learning-rate schedules: ${experiment.model} on ${experiment.data}`;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${raw(REPORT_CSS)}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p class="subtitle">
            ${runs.length} run${runs.length === 1 ? "" : "s"}, the same model, data and initialisation; only
            the learning rate differs. Made by lrkit compare.
          </p>
          ${notes(results)} ${setupList(results)}
          <h2 id="schedules">Schedules</h2>
          <figure>${schedulesChart(results)}</figure>
          <h2 id="results">Final figures</h2>
          ${finalTable(results)}
          <p class="small">
            ★ the best run of a column. Values are TensorFlow.js's log names (<code>val_</code>: on the
            validation data after the epoch; accuracies are fractions); epochs count from 1. The lint column
            lists what <code>lint(schedule, plan)</code> finds for the run's plan (${experiment.epochs}
            epochs${experiment.stepsPerEpoch === null ? "" : ` of ${experiment.stepsPerEpoch} updates`}).
          </p>
          <div class="grid">
            <figure>${metricChart(runs, experiment.headline)}</figure>
            ${experiment.headline === "loss" ? "" : html`<figure>${metricChart(runs, "loss")}</figure>`}
          </div>
          ${halvingSection(results)}
          <h2 id="runs">Runs</h2>
          ${runsSection(results)} ${results.finder ? finderSection(results.finder) : ""}
          <footer>
            Generated by lrkit${results.command ? html` (<code>${results.command}</code>)` : ""}. The data
            behind every figure is in
            <code>results.json</code> next to this file.
          </footer>
        </main>
      </body>
    </html> `;
  return page.value;
}
