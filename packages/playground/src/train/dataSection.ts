/**
 * The Train panel's data: the bundled MNIST sample, or a CSV file read in the worker whose label
 * and feature columns are chosen here.
 *
 * @module
 */
import { h } from "../dom.js";
import type { Shared } from "./context.js";
import type { CsvPreview, DataInfo } from "./protocol.js";
import { SAMPLE_PATH } from "./sampleFile.js";

const fmt = (n: number) => n.toLocaleString("en-US");

/** A sentence on the data and its model. */
export function describeData(d: DataInfo): string {
  return (
    `${d.name}: ${fmt(d.train)} training and ${fmt(d.validation)} validation examples of shape ` +
    `[${d.shape.join(", ")}], ${d.classes.length} classes. Model: ${d.model}, ${fmt(d.weights)} weights, ` +
    `${fmt(d.batchesPerEpoch)} updates an epoch.`
  );
}

/** The data section: its element, and `refresh` for when the shared state changed. */
export function dataSection(shared: Shared): { element: HTMLElement; refresh(): void } {
  const status = h(
    "p",
    { id: "train-data", class: "muted", role: "status", "aria-live": "polite" },
    "No data yet.",
  );
  const columns = h("div", { id: "train-columns" });
  const settings = () => ({
    model: shared.page.settings().model,
    batchSize: shared.page.settings().batchSize,
  });

  const load = async (ask: () => Promise<DataInfo>, what: string) => {
    shared.busy = true;
    shared.changed();
    status.textContent = `Loading ${what}…`;
    status.classList.remove("error");
    try {
      shared.data = await ask();
      status.textContent = describeData(shared.data);
    } catch (e) {
      status.textContent = (e as Error).message;
      status.classList.add("error");
    } finally {
      shared.busy = false;
      shared.changed();
    }
  };

  const sample = h(
    "button",
    {
      type: "button",
      id: "train-sample",
      onclick: () => {
        columns.replaceChildren();
        const url = new URL(SAMPLE_PATH, document.baseURI).href;
        void load(
          () => shared.client.ask<DataInfo>({ type: "sample", url, settings: settings() }).answer,
          "the sample",
        );
      },
    },
    "Load the MNIST sample",
  );

  const chooser = (p: CsvPreview) => {
    const label = h(
      "select",
      { id: "train-label" },
      p.header.map((c, i) => h("option", { value: c, selected: i === p.header.length - 1 }, c)),
    );
    const boxes = p.header.map((c, i) =>
      h(
        "label",
        { class: "feature" },
        h("input", {
          type: "checkbox",
          value: c,
          "data-column": c,
          checked: p.numeric[i] && i !== p.header.length - 1,
        }),
        ` ${c}`,
      ),
    );
    const use = h(
      "button",
      {
        type: "button",
        id: "train-use-csv",
        onclick: () => {
          const features = boxes
            .map((b) => b.querySelector("input")!)
            .filter((b) => b.checked && b.value !== label.value)
            .map((b) => b.value);
          void load(
            () =>
              shared.client.ask<DataInfo>({
                type: "csvUse",
                label: label.value,
                features,
                settings: settings(),
              }).answer,
            p.name,
          );
        },
      },
      "Use these columns",
    );
    const preview = h(
      "table",
      { class: "csv-preview" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          p.header.map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        {},
        p.rows.map((r) =>
          h(
            "tr",
            {},
            r.map((cell) => h("td", {}, cell)),
          ),
        ),
      ),
    );
    columns.replaceChildren(
      h("p", { class: "muted" }, `${p.name}: ${fmt(p.count)} rows. Its first rows:`),
      h("div", { class: "csv-scroll" }, preview),
      h("div", { class: "field" }, h("label", { for: "train-label" }, "Label column (the class)"), label),
      h("fieldset", { class: "features" }, h("legend", {}, "Feature columns (numbers)"), boxes),
      use,
    );
  };

  const file = h("input", {
    id: "train-csv",
    type: "file",
    accept: ".csv,text/csv",
    onchange: async (e) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (!f) return;
      status.classList.remove("error");
      try {
        const bytes = await f.arrayBuffer();
        chooser(await shared.client.ask<CsvPreview>({ type: "csvRead", name: f.name, bytes }).answer);
        status.textContent = "Choose the columns, then use them.";
      } catch (err) {
        columns.replaceChildren();
        status.textContent = (err as Error).message;
        status.classList.add("error");
      }
    },
  });

  const element = h(
    "section",
    { class: "train-data", "aria-labelledby": "train-data-title" },
    h("h3", { id: "train-data-title" }, "Data"),
    h(
      "div",
      { class: "button-row" },
      sample,
      h("span", { class: "muted" }, "or"),
      h("label", { for: "train-csv" }, "a CSV file"),
      file,
    ),
    h(
      "p",
      { class: "help" },
      "The sample is 2,000 training and 500 validation images of MNIST, fetched from this page's own server when you load it. A CSV file is read in this tab and never leaves it; links do not carry it.",
    ),
    columns,
    status,
  );
  return {
    element,
    refresh: () => {
      for (const b of [sample, file, ...columns.querySelectorAll("button")])
        (b as HTMLButtonElement).disabled = shared.busy;
    },
  };
}
