/**
 * The Train panel's comparison: every valid schedule of the editor trained in turn for the chosen
 * epochs, on the same data from the same initial weights, with their curves drawn together and the
 * final table.
 *
 * @module
 */
import { colorAt, lineChart, trainingChart } from "@lrkit/plot";
import { h } from "../dom.js";
import type { EditorSchedule, Shared } from "./context.js";
import type { RunAnswer } from "./protocol.js";
import { chartHost, type RenderChart } from "./chartHost.js";
import { resultsTable } from "./resultsTable.js";
import { task } from "./task.js";

const name = (r: RunAnswer, schedules: readonly EditorSchedule[]) =>
  `${r.letter}: ${schedules.find((s) => s.letter === r.letter)?.label ?? ""}`;

/** The training loss of every update of finished runs. */
function lossChart(runs: readonly RunAnswer[], schedules: readonly EditorSchedule[]): RenderChart {
  return (size) =>
    lineChart(
      runs.map((r, i) => {
        const y = r.history.flatMap((e) => e.batchLosses);
        return { label: name(r, schedules), x: y.map((_, k) => k + 1), y, color: colorAt(i) };
      }),
      { ...size, title: "Training loss of each update", xLabel: "update", yLabel: "loss", legend: true },
    );
}

/** The validation loss and accuracy per epoch of finished runs, from the initial weights. */
function validationChart(runs: readonly RunAnswer[], schedules: readonly EditorSchedule[]): RenderChart {
  return (size) =>
    trainingChart(
      runs.map((r) => ({
        label: name(r, schedules),
        epochs: [0, ...r.history.map((e) => e.epoch + 1)],
        curves: {
          val_loss: [r.initial.loss, ...r.history.map((e) => e.metrics.val_loss ?? NaN)],
          val_acc: [r.initial.acc, ...r.history.map((e) => e.metrics.val_acc ?? NaN)],
        },
      })),
      { ...size, title: "Validation loss and accuracy by epoch (0: the initial weights)", xLabel: "epoch" },
    );
}

/** The training section: its element, and `refresh` for when the shared state changed. */
export function runSection(shared: Shared): { element: HTMLElement; refresh(): void } {
  const status = h("p", { id: "train-run-status", role: "status", "aria-live": "polite" });
  const losses = chartHost("train-loss-chart");
  const validation = chartHost("train-val-chart");
  const table = h("div", { class: "train-table" });

  const draw = (runs: readonly RunAnswer[], schedules: readonly EditorSchedule[]) => {
    losses.show(lossChart(runs, schedules));
    validation.show(validationChart(runs, schedules));
    table.replaceChildren(resultsTable(runs, schedules));
  };

  const run = () => {
    const s = shared.page.settings();
    const schedules = shared.page.schedules();
    const unit = shared.page.unit();
    const runs: RunAnswer[] = [];
    if (schedules.length === 0) {
      status.textContent = "No valid schedule in the editor to train.";
      return;
    }
    losses.show(undefined);
    validation.show(undefined);
    table.replaceChildren();
    status.textContent = `Training ${schedules.length} schedule${schedules.length > 1 ? "s" : ""}…`;
    delete status.dataset.runs;
    const total = schedules.length * s.epochs;
    const pending = shared.client.ask<RunAnswer[]>(
      {
        type: "train",
        runs: schedules.map(({ letter, spec }) => ({ letter, spec })),
        settings: { model: s.model, batchSize: s.batchSize, optimizer: s.optimizer, epochs: s.epochs, unit },
      },
      (p) => {
        if (p.kind === "batch") {
          const done = runs.length * s.epochs + p.epoch + (p.batch + 1) / p.batches;
          training.bar.value = done / total;
          status.textContent =
            `${p.letter}: epoch ${p.epoch + 1} of ${s.epochs}, update ${p.batch + 1} of ${p.batches}, ` +
            `loss ${p.loss.toFixed(3)}`;
        } else if (p.kind === "run") {
          runs.push(p.run);
          draw(runs, schedules);
        }
      },
    );
    training.follow(
      pending,
      (all) => {
        const stopped = all.some((r) => r.stopped === "aborted") || all.length < schedules.length;
        status.textContent =
          `${stopped ? "Stopped" : "Done"}: ${all.length} of ${schedules.length} schedules trained for ` +
          `${s.epochs} epoch${s.epochs > 1 ? "s" : ""} from the same initial weights ` +
          `(a schedule step is ${unit === "batch" ? "an update" : "an epoch"}, as in the editor's plan).`;
        status.dataset.runs = String(all.length);
      },
      (e) => (status.textContent = e.message),
    );
  };

  const training = task(shared, { id: "train-run", label: "Train the schedules" }, run);
  const element = h(
    "section",
    { class: "train-run", "aria-labelledby": "train-run-title" },
    h("h3", { id: "train-run-title" }, "Compare the schedules"),
    h(
      "p",
      { class: "help" },
      "Trains each valid schedule of the editor with the chosen optimizer, on the same data and from the same initial weights.",
    ),
    training.controls,
    status,
    losses.element,
    validation.element,
    table,
  );
  return { element, refresh: () => training.refresh() };
}
