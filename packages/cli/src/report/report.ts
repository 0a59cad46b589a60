/**
 * The HTML report of a compare: one self-contained file (inline CSS and SVG, no script, no font,
 * no URL) that opens offline.
 *
 * @module
 */
import { SUGGESTIONS, toText, type SuggestionName } from "lrkit";
import type { FindReport } from "../commands/find.js";
import type { CompareResults, RunResult } from "../experiment/results.js";
import { formatDuration } from "../experiment/runProgress.js";
import { finderChart, metricChart, runChart, schedulesChart } from "./charts.js";
import { html, raw, type SafeHtml } from "./html.js";
import { REPORT_CSS } from "./style.js";
import { finalTable, lintList } from "./tables.js";

const MODEL_NAMES: Record<string, string> = { lenet: "LeNet", mlp: "an MLP" };
const DATASET_NAMES: Record<string, string> = { "fashion-mnist": "Fashion-MNIST", mnist: "MNIST" };
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
  const { config, scale, machine } = results;
  const opt =
    config.optimizerOptions && Object.keys(config.optimizerOptions).length
      ? ` (${Object.entries(config.optimizerOptions)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(", ")})`
      : "";
  return html`<dl class="setup">
    <dt>model</dt>
    <dd>${MODEL_NAMES[config.model] ?? config.model}, seed ${config.seed}</dd>
    <dt>data</dt>
    <dd>
      ${DATASET_NAMES[config.dataset] ?? config.dataset}: ${count(scale.trainSize)} training and
      ${count(scale.testSize)} test images
    </dd>
    <dt>training</dt>
    <dd>
      ${scale.epochs} epochs of ${scale.stepsPerEpoch} updates, batch ${scale.batchSize},
      ${config.optimizer}${opt}
    </dd>
    <dt>start</dt>
    <dd>${sameStart(results)}</dd>
    <dt>backend</dt>
    <dd>${machine.backendReason?.split(", because")[0] ?? machine.backend ?? "–"}</dd>
    <dt>machine</dt>
    <dd>
      ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.platform}, Node
      ${machine.node}; ${machine.workers} worker thread${machine.workers === 1 ? "" : "s"}
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
        <strong>Interrupted</strong> (Ctrl-C): the finished epochs of every run are kept; unfinished runs are
        marked.
      </li>`,
    );
  for (const n of results.scale.notes) items.push(html`<li>${n}</li>`);
  return items.length
    ? html`<ul class="notes">
        ${items}
      </ul>`
    : html``;
}

/**
 * A remark for a run that ends at chance level on 10 classes (loss about ln 10, accuracy about 0.1):
 * it did not learn, which no curve of the lr alone shows.
 */
function chanceLevel(r: RunResult): SafeHtml | "" {
  const f = r.final;
  if (!f || !(f.testAcc < 0.15 && f.trainLoss > 0.9 * Math.LN10)) return "";
  return html`<p class="warn">
    This run ends at chance level (train loss ${f.trainLoss.toFixed(3)}, ln 10 = 2.303; test accuracy
    ${f.testAcc.toFixed(3)}): it did not learn.
  </p>`;
}

function runsSection(results: CompareResults): SafeHtml {
  return html`<div class="grid">
    ${results.runs.map(
      (r, i) =>
        html`<section class="run" id="run-${i + 1}">
          ${
            r.epochs.length
              ? html`<figure>${runChart(r, i)}</figure>`
              : html`<h3>${i + 1}. ${r.name}</h3>
                  <p>No finished epoch.</p>`
          }
          <p>
            <code>${r.text}</code>, stepped per ${r.unit}${r.status !== "completed" ? `, ${r.status}` : ""}.
          </p>
          ${r.note ? html`<p class="note">${r.note}</p>` : ""} ${chanceLevel(r)}
          ${
            r.published
              ? html`<p class="small">
                  Published:
                  ${[
                    r.published.trainLoss !== undefined
                      ? `train loss ${r.published.trainLoss.toFixed(3)}`
                      : "",
                    r.published.trainAcc !== undefined ? `train acc ${r.published.trainAcc.toFixed(3)}` : "",
                    r.published.testAcc !== undefined ? `test acc ${r.published.testAcc.toFixed(3)}` : "",
                  ]
                    .filter(Boolean)
                    .join(", ")}${r.published.source ? ` (${r.published.source})` : ""}.
                </p>`
              : ""
          }
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
      <td class="num">${lr === null ? "–" : Number(lr.toPrecision(3)).toString()}</td>
      <td>${name === finder.recommended ? "recommended" : ""}</td>
    </tr>`;
  });
  const schedules = finder.schedules
    ? html`<p>
        Schedules derived from it:
        ${Object.entries(finder.schedules).map(([n, s]) => html`<br />${n}: <code>${toText(s)}</code>`)}
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
  const { config, runs } = results;
  const title = `Learning-rate schedules on ${MODEL_NAMES[config.model] ?? config.model} / ${DATASET_NAMES[config.dataset] ?? config.dataset}`;
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
          ${finalTable(runs)}
          <p class="small">
            ★ the best run of a column. Accuracies are fractions; epochs count from 1. The lint column lists
            what <code>lint(schedule, plan)</code> finds for the run's plan (${results.scale.epochs} epochs of
            ${results.scale.stepsPerEpoch} updates).
          </p>
          <div class="grid">
            <figure>${metricChart(runs, "testAcc", "Test accuracy")}</figure>
            <figure>${metricChart(runs, "trainLoss", "Training loss")}</figure>
          </div>
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
