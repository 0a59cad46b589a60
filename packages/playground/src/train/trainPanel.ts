/**
 * The Train panel: the backend, the data, the settings, the range test and the comparison of the
 * editor's schedules, all trained in a worker. The page loads this module (and the worker its
 * TensorFlow.js) only when the panel is first opened.
 *
 * @module
 */
import "./train.css";
import type { BackendName } from "@lrkit/tfjs";
import { h } from "../dom.js";
import { trainClient } from "./client.js";
import type { Shared, TrainContext } from "./context.js";
import { dataSection, describeData } from "./dataSection.js";
import { findSection } from "./findSection.js";
import type { BackendInfo, DataInfo } from "./protocol.js";
import { runSection } from "./runSection.js";
import { defaultTrainSettings, type TrainSettings } from "./settings.js";
import { settingsForm } from "./settingsForm.js";

/** The panel: its element (kept while the page shows other tabs), and `refresh` after a link changed the settings. */
export interface TrainPanel {
  readonly element: HTMLElement;
  refresh(): void;
}

/**
 * Builds the Train panel and starts its worker, which picks the best backend at once.
 * `?backend=webgl` (or webgpu, wasm, cpu) in the page's address asks for one.
 */
export function trainPanel(page: TrainContext): TrainPanel {
  const backend = h("p", { id: "train-backend", class: "muted", role: "status" }, "Starting TensorFlow.js…");
  const sections: { refresh(): void }[] = [];
  const shared: Shared = {
    page,
    client: trainClient(),
    data: undefined,
    busy: false,
    changed: () => sections.forEach((s) => s.refresh()),
  };
  const data = dataSection(shared);

  // The model and the batch size decide the model built and the updates of an epoch.
  const settingsChanged = (next: TrainSettings) => {
    const before = page.settings();
    page.setSettings(next);
    if (!shared.data || shared.busy || (next.model === before.model && next.batchSize === before.batchSize))
      return;
    const status = document.getElementById("train-data")!;
    shared.client
      .ask<DataInfo>({ type: "model", settings: { model: next.model, batchSize: next.batchSize } })
      .answer.then((info) => {
        shared.data = info;
        status.textContent = describeData(info);
      });
  };
  const form = settingsForm(page.settings, settingsChanged);
  const find = findSection(shared);
  const runs = runSection(shared);
  sections.push(data, find, runs);

  const asked = new URLSearchParams(location.search).get("backend");
  const prefer = ["webgpu", "webgl", "wasm", "cpu"].includes(asked ?? "")
    ? (asked as BackendName)
    : undefined;
  shared.client.ask<BackendInfo>({ type: "backend", ...(prefer ? { prefer } : {}) }).answer.then(
    (b) => {
      backend.textContent = `TensorFlow.js backend: ${b.reason}.`;
      backend.dataset.backend = b.backend;
      // A link may name an optimizer that TensorFlow.js does not have: the default then.
      const s = page.settings();
      if (!b.optimizers.some((o) => o.name === s.optimizer))
        page.setSettings({ ...s, optimizer: defaultTrainSettings.optimizer });
      form.setOptimizers(b.optimizers);
    },
    (e: Error) => (backend.textContent = `TensorFlow.js could not start: ${e.message}`),
  );

  const element = h(
    "div",
    { class: "train" },
    h(
      "p",
      {},
      "Find a learning rate and compare schedules on real data, in this page: TensorFlow.js runs in a worker, so the page stays responsive.",
    ),
    backend,
    data.element,
    h("section", { "aria-label": "Settings" }, h("h3", {}, "Settings"), form.element),
    find.element,
    runs.element,
  );
  shared.changed();
  return { element, refresh: form.refresh };
}
