/**
 * The data panel: a result file of `lrkit find --json` or `lrkit compare`, loaded from disk and
 * shown with @lrkit/plot's charts; the schedules it holds can be added to the editor.
 *
 * @module
 */
import { formatValue, lrFinderChart, trainingChart } from "@lrkit/plot";
import { isSpec, toText, type ScheduleSpec } from "lrkit";
import { chartHeight, drawAtWidth } from "./chartView.js";
import { readDataFile, type DataFile } from "./dataFiles.js";
import { h } from "./dom.js";

/** Renders the data panel; `add` puts a spec text into the editor as a new schedule. */
export function dataPanel(
  loaded: { name: string; file: DataFile } | undefined,
  onLoad: (name: string, file: DataFile) => void,
  add: (specs: string[]) => void,
): HTMLElement {
  const input = h("input", {
    id: "data-file",
    type: "file",
    accept: ".json,application/json",
    onchange: async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) onLoad(file.name, readDataFile(await file.text()));
    },
  });
  const head = h(
    "div",
    { class: "field" },
    h("label", { for: "data-file" }, "Result file"),
    input,
    h(
      "p",
      { class: "help" },
      "The JSON of ",
      h("code", {}, "lrkit find --json"),
      " (an LR range test) or the results file of ",
      h("code", {}, "lrkit compare"),
      ". It stays in this tab: links do not carry it.",
    ),
  );
  if (!loaded) return h("div", {}, head);
  const { name, file } = loaded;
  if (file.kind === "error")
    return h("div", {}, head, h("p", { class: "error", role: "alert" }, `${name}: ${file.message}`));
  // A chart at the panel's width: drawn once the panel is in the page, and again when that width changes.
  const figure = (chart: (size: { width: number; height: number }) => string) => {
    const f = h("div", { class: "chart-svg data-chart" });
    drawAtWidth(f, (width) => (f.innerHTML = chart({ width, height: chartHeight(width, 0.53, 380) })));
    return f;
  };
  if (file.kind === "finder") {
    const chart = (size: { width: number; height: number }) =>
      lrFinderChart(
        {
          lrs: file.lrs,
          losses: file.smoothed ?? file.losses,
          ...(file.smoothed ? { rawLosses: file.losses } : {}),
          suggestions: file.suggestions,
        },
        size,
      );
    const facts = [
      file.recommended
        ? `recommended: ${file.recommended} = ${formatValue(file.recommendedLr ?? NaN)}`
        : null,
      file.agreement === null ? null : `agreement: ${Math.round(file.agreement * 100)}%`,
      file.stoppedBy ? `stopped by: ${file.stoppedBy}` : null,
    ].filter((f): f is string => f !== null);
    const specs = Object.entries(file.schedules);
    return h(
      "div",
      {},
      head,
      h("p", { class: "muted" }, `${name}: ${facts.join(" · ")}`),
      figure(chart),
      specs.length
        ? h(
            "div",
            { class: "button-row" },
            specs.map(([k, spec]) =>
              h(
                "button",
                { type: "button", class: "small", onclick: () => add([toText(spec as ScheduleSpec)]) },
                `Add the ${k} schedule`,
              ),
            ),
          )
        : null,
    );
  }
  const runs = file.runs.map((r) => ({ label: r.name, epochs: r.epochs, curves: r.curves }));
  const chart = (size: { width: number; height: number }) => trainingChart(runs, size);
  const specs = file.runs.map((r) => r.spec).filter(isSpec);
  const finals = file.runs.map((r) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, r.name),
      file.metrics.map((k) => {
        const v = r.final[k];
        return h("td", {}, typeof v === "number" && Number.isFinite(v) ? formatValue(v) : "–");
      }),
    ),
  );
  return h(
    "div",
    {},
    head,
    h("p", { class: "muted" }, `${name}: ${file.runs.length} runs`),
    figure(chart),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "finals" },
        h("caption", {}, "Final values"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "run"),
            file.metrics.map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h("tbody", {}, finals),
      ),
    ),
    specs.length
      ? h(
          "button",
          { type: "button", class: "small", onclick: () => add(specs.map((s) => toText(s))) },
          `Add the ${specs.length} run schedules to the chart`,
        )
      : null,
  );
}
