/**
 * The report's account of successive halving (which runs went on at each rung, which stopped, and
 * the compute it saved) and of runs continued from checkpoints.
 *
 * @module
 */
import type { CompareResults } from "../results/schema.js";
import { formatMetric } from "./format.js";
import { html, type SafeHtml } from "./html.js";

/** The halving section: its parameters, the epochs it trained against without it, each rung's ranking. */
export function halvingSection(results: CompareResults): SafeHtml | "" {
  const h = results.halving;
  if (!h) return "";
  const saved = h.epochsWithout > 0 ? (100 * (1 - h.epochsTrained / h.epochsWithout)).toFixed(0) : "0";
  const rungs = h.rungs.map(
    (rung) =>
      html`<tr>
        <th scope="row" class="num">${rung.epoch}</th>
        <td>
          ${rung.ranked.map(
            (r, i) =>
              html`${i > 0 ? ", " : ""}${
                rung.kept.includes(r.name)
                  ? html`<strong>${r.name}</strong> ${formatMetric(r.value)}`
                  : html`<s>${r.name}</s> ${formatMetric(r.value)}`
              }`,
          )}
        </td>
      </tr>`,
  );
  return html`<h2 id="halving">Successive halving</h2>
    <p>
      After ${h.minEpochs} epoch${h.minEpochs === 1 ? "" : "s"}, and then every ${h.eta} times as many, the
      best 1/${h.eta} of the runs by ${h.metric} went on; the others stopped (pruned). Epochs trained:
      <strong>${h.epochsTrained}</strong> of the ${h.epochsWithout} without halving (${saved}% saved).
    </p>
    <table class="final" style="width:auto">
      <thead>
        <tr>
          <th scope="col" class="num">after epoch</th>
          <th scope="col">runs, best first, by ${h.metric} (<strong>went on</strong>, <s>pruned</s>)</th>
        </tr>
      </thead>
      <tbody>
        ${rungs}
      </tbody>
    </table>`;
}

/** The notes on runs continued from checkpoints of an interrupted compare, and on damaged checkpoints. */
export function checkpointNotes(results: CompareResults): SafeHtml[] {
  return results.runs.flatMap((r) => {
    const items: SafeHtml[] = [];
    if (r.resumedFrom !== undefined)
      items.push(
        html`<li>
          ${r.name} continued an interrupted compare from its checkpoint after epoch ${r.resumedFrom}.
        </li>`,
      );
    for (const d of r.damagedCheckpoints ?? [])
      items.push(
        html`<li>
          ${r.name}: its checkpoint after epoch ${d.epoch} was damaged (${d.reason}) and passed over; the run
          continued from an older one and trained the epochs again.
        </li>`,
      );
    return items;
  });
}
