/**
 * The playground: the schedules and their editor, the plan, the chart and the panels, kept in sync
 * with each other and with the URL.
 *
 * One source of truth per schedule: the text of its spec box. The form is built from the spec the
 * text parses to, and a form edit writes the text back; the chart shows the last schedule each
 * text built, so an invalid edit never blanks it.
 *
 * @module
 */
import { colorAt, defaultSteps, scheduleLabel } from "@lrkit/plot";
import { toText, type ExportTarget, type Schedule, type ScheduleSpec, type TrainingPlan } from "lrkit";
import { mountChart } from "./chartView.js";
import type { DataFile } from "./dataFiles.js";
import { dataPanel } from "./dataPanel.js";
import { byId, h } from "./dom.js";
import { renderNode, showFieldErrors, type FieldElements } from "./editor.js";
import { evaluate, isJsonText, type Evaluation } from "./evaluate.js";
import { fieldForPath, fieldPaths, formFromSpec, specFromForm, type FormNode } from "./form.js";
import { exportPanel, lintPanel, type Named } from "./panels.js";
import { decodeState, encodeState, tabs, type Tab, type ViewState } from "./state.js";
import type { TrainPanel } from "./train/trainPanel.js";
import { defaultTrainSettings, type TrainSettings } from "./train/settings.js";

/** The largest number of steps the page charts, lints and exports. */
const MAX_STEPS = 1_000_000;

interface Entry {
  text: string;
  result: Evaluation;
  /** The last schedule this entry's text built. */
  last: Schedule | undefined;
}

const TAB_NAMES: Record<Tab, string> = {
  lint: "Lint",
  ts: "TypeScript",
  pytorch: "PyTorch",
  optax: "Optax",
  keras: "Keras",
  data: "Data",
  train: "Train",
};

const letter = (i: number) =>
  String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : "");

/** Starts the playground on the page (index.html's elements). */
export function startPlayground(): void {
  const specBox = byId<HTMLTextAreaElement>("spec-text");
  const specError = byId("spec-error");
  const formHost = byId("form");
  const list = byId("schedule-list");
  const stepsInput = byId<HTMLInputElement>("steps");
  const unitInput = byId<HTMLSelectElement>("unit");
  const speInput = byId<HTMLInputElement>("steps-per-epoch");
  const logInput = byId<HTMLInputElement>("log");
  const tabList = byId("tabs");
  const panel = byId("panel");
  const chartNote = byId("chart-note");
  const drawChart = mountChart(byId("chart"), byId("chart-status"));

  let entries: Entry[] = [];
  let selected = 0;
  let steps: number | undefined;
  let unit: "batch" | "epoch" = "batch";
  let stepsPerEpoch: number | undefined;
  let log = false;
  let tab: Tab = "lint";
  let form: FormNode | undefined;
  let formErrors = new Map<string, string>();
  let fields: FieldElements = new Map();
  let loaded: { name: string; file: DataFile } | undefined;
  let trainSettings: TrainSettings = defaultTrainSettings;

  const makeEntry = (text: string, previous?: Schedule): Entry => {
    const result = evaluate(text);
    return { text, result, last: result.ok ? result.schedule : previous };
  };

  const state = (): ViewState => ({
    specs: entries.map((e) => e.text),
    selected,
    steps,
    unit,
    stepsPerEpoch,
    log,
    tab,
    train: trainSettings,
  });

  // The URL follows the view, a moment after the last change (browsers throttle history updates).
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const saveUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const hash = `#${encodeState(state())}`;
      if (location.hash !== hash) history.replaceState(null, "", hash);
    }, 120);
  };

  const charted = (): Named[] =>
    entries.flatMap((e, i) =>
      e.last ? [{ letter: letter(i), label: scheduleLabel(e.last, 48), schedule: e.last }] : [],
    );
  const chartSteps = (named: readonly Named[]) =>
    Math.min(steps ?? defaultSteps(named.map((n) => n.schedule)), MAX_STEPS);

  // ---- the editor -------------------------------------------------------------------------------

  const renderForm = () => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
    fields = new Map();
    if (!form) {
      formHost.replaceChildren(h("p", { class: "muted" }, "The form appears when the spec parses."));
      return;
    }
    const root = renderNode(
      form,
      "$",
      (next) => (form = next),
      { onEdit: formEdited, onStructure: () => (formEdited(), renderForm()) },
      fields,
    );
    formHost.replaceChildren(root);
    showErrors();
    if (focused) formHost.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  };

  /** Field errors: the form's unreadable fields, and the spec problem at its field. */
  const showErrors = () => {
    const errors = new Map(formErrors);
    const problem = entries[selected]?.result;
    if (problem && !problem.ok && problem.problem.path !== undefined && form) {
      const at = fieldForPath(problem.problem.path, fieldPaths(form));
      if (at !== undefined && !errors.has(at)) errors.set(at, problem.problem.reason);
    }
    showFieldErrors(fields, errors);
  };

  const showSpecError = () => {
    const e = entries[selected]!;
    if (e.result.ok) {
      specError.replaceChildren();
      specError.hidden = true;
      specBox.removeAttribute("aria-invalid");
      return;
    }
    const { problem } = e.result;
    specBox.setAttribute("aria-invalid", "true");
    specError.hidden = false;
    // lrkit's message first; then the line with a caret under the column (syntax errors carry
    // their own excerpt, spec errors from the text syntax have the column).
    const [message = "", ...excerpt] = problem.message.split("\n");
    if (excerpt.length === 0 && problem.column !== undefined) {
      const line = e.text.split("\n")[(problem.line ?? 1) - 1] ?? "";
      excerpt.push(line, `${" ".repeat(problem.column - 1)}^`);
    }
    specError.replaceChildren(
      h("strong", {}, problem.column === undefined ? "Spec error" : `Spec error at column ${problem.column}`),
      h("p", { class: "message" }, message),
      ...(excerpt.length ? [h("pre", { class: "excerpt" }, excerpt.join("\n"))] : []),
      h(
        "p",
        { class: "muted" },
        e.last ? "The chart shows the last valid version." : "Nothing to chart yet.",
      ),
    );
  };

  /** The selected entry's text changed in the spec box. */
  const textEdited = () => {
    const e = entries[selected]!;
    entries[selected] = makeEntry(specBox.value, e.last);
    const spec = entries[selected]!.result.spec;
    if (spec) {
      const next = formFromSpec(spec);
      if (next) {
        form = next;
        formErrors = new Map();
        renderForm();
      }
    }
    update();
  };

  /** A field changed: the text follows, unless a field cannot be read. */
  function formEdited() {
    if (!form) return;
    const { spec, errors } = specFromForm(form);
    formErrors = new Map(errors.map((e) => [e.path, e.message]));
    if (errors.length === 0) {
      const e = entries[selected]!;
      const text = isJsonText(e.text) ? JSON.stringify(spec, null, 2) : toText(spec as ScheduleSpec);
      specBox.value = text;
      entries[selected] = makeEntry(text, e.last);
    }
    update();
  }

  // ---- the schedule list ------------------------------------------------------------------------

  const select = (i: number) => {
    selected = i;
    const e = entries[i]!;
    specBox.value = e.text;
    form = e.result.spec ? formFromSpec(e.result.spec) : undefined;
    formErrors = new Map();
    renderForm();
    update();
  };

  const renderList = () => {
    let chartIndex = 0;
    const items = entries.map((e, i) => {
      const color = e.last ? colorAt(chartIndex++) : "transparent";
      const type = e.result.spec?.type ?? "invalid";
      return h(
        "li",
        { class: i === selected ? "selected" : undefined },
        h(
          "button",
          {
            type: "button",
            class: "pick",
            "aria-pressed": String(i === selected),
            "data-key": `pick-${i}`,
            title: e.text,
            onclick: () => select(i),
          },
          h("span", { class: "swatch", style: `background:${color}` }),
          h("span", { class: "letter" }, letter(i)),
          h("span", { class: "type" }, type),
          e.result.ok ? null : h("span", { class: "badge error" }, "error"),
        ),
        h(
          "button",
          {
            type: "button",
            class: "remove",
            "data-key": `remove-${Math.min(i, entries.length - 2)}`,
            "aria-label": `Remove schedule ${letter(i)}`,
            disabled: entries.length <= 1,
            onclick: () => {
              entries.splice(i, 1);
              select(Math.min(selected >= i && selected > 0 ? selected - 1 : selected, entries.length - 1));
            },
          },
          "×",
        ),
      );
    });
    list.replaceChildren(
      h("ul", {}, items),
      h(
        "button",
        {
          type: "button",
          id: "add-schedule",
          "data-key": "add-schedule",
          title: "Adds a copy of the selected schedule, to compare a variant",
          onclick: () => addSpecs([entries[selected]!.text]),
        },
        "+ Add schedule",
      ),
    );
  };

  const addSpecs = (texts: readonly string[]) => {
    entries.push(...texts.map((t) => makeEntry(t)));
    select(entries.length - 1);
  };

  // ---- the Train panel: its code (and the worker's TensorFlow.js) loaded when first opened -------

  const trainHost = h("div", {}, h("p", { class: "muted" }, "Loading the training code…"));
  let trainPanel: Promise<TrainPanel> | undefined;
  const openTrain = async () => {
    trainPanel ??= import("./train/trainPanel.js").then(({ trainPanel }) => {
      const p = trainPanel({
        schedules: () => charted().map((n) => ({ letter: n.letter, label: n.label, spec: n.schedule.spec })),
        unit: () => unit,
        add: addSpecs,
        settings: () => trainSettings,
        setSettings: (next) => {
          trainSettings = next;
          saveUrl();
        },
      });
      trainHost.replaceChildren(p.element);
      return p;
    });
    (await trainPanel).refresh();
  };

  // ---- the plan, the chart and the panels -------------------------------------------------------

  const buildTabs = () => {
    tabList.replaceChildren(
      ...tabs.map((t) =>
        h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${t}`,
            "aria-controls": "panel",
            onclick: () => {
              tab = t;
              update();
            },
            onkeydown: (e) => {
              const key = (e as KeyboardEvent).key;
              const step = key === "ArrowRight" ? 1 : key === "ArrowLeft" ? -1 : 0;
              if (!step) return;
              tab = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
              update();
              byId(`tab-${tab}`).focus();
            },
          },
          TAB_NAMES[t],
        ),
      ),
    );
  };
  const renderTabs = () => {
    for (const b of tabList.querySelectorAll<HTMLElement>("[role=tab]")) {
      const on = b.id === `tab-${tab}`;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
    }
    panel.setAttribute("aria-labelledby", `tab-${tab}`);
  };

  const renderPanel = (named: readonly Named[], n: number) => {
    const current = named.find((s) => s.letter === letter(selected));
    if (tab === "lint") {
      const plan: TrainingPlan = {
        steps: n,
        unit,
        ...(stepsPerEpoch && unit === "batch" ? { stepsPerEpoch } : {}),
      };
      panel.replaceChildren(lintPanel(named, plan));
    } else if (tab === "data") {
      panel.replaceChildren(
        dataPanel(
          loaded,
          (name, file) => {
            loaded = { name, file };
            update();
          },
          addSpecs,
        ),
      );
    } else if (tab === "train") {
      panel.replaceChildren(trainHost);
      void openTrain();
    } else {
      panel.replaceChildren(exportPanel(current, tab as ExportTarget, n));
    }
  };

  function update() {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
    const named = charted();
    const n = chartSteps(named);
    stepsInput.placeholder = `auto (${Math.min(defaultSteps(named.map((s) => s.schedule)), MAX_STEPS)})`;
    drawChart({
      schedules: named.map((s) => ({ schedule: s.schedule, label: `${s.letter}: ${s.label}` })),
      steps: n,
      log,
    });
    const stale = entries.flatMap((e, i) => (!e.result.ok && e.last ? [letter(i)] : []));
    chartNote.textContent = stale.length ? `Showing the last valid version of ${stale.join(", ")}.` : "";
    speInput.disabled = unit === "epoch";
    renderList();
    showSpecError();
    showErrors();
    renderTabs();
    renderPanel(named, n);
    // Re-rendered lists keep the keyboard focus where it was.
    if (focused && (document.activeElement ?? document.body) === document.body)
      list.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    saveUrl();
  }

  // ---- inputs -------------------------------------------------------------------------------

  const readSteps = () => {
    const v = stepsInput.value.trim();
    const n = Number(v);
    const ok = v === "" || (Number.isInteger(n) && n >= 1 && n <= MAX_STEPS);
    stepsInput.setAttribute("aria-invalid", String(!ok));
    byId("steps-error").textContent = ok ? "" : `a whole number from 1 to ${MAX_STEPS}`;
    if (ok) steps = v === "" ? undefined : n;
  };
  specBox.addEventListener("input", textEdited);
  stepsInput.addEventListener("input", () => (readSteps(), update()));
  unitInput.addEventListener(
    "change",
    () => ((unit = unitInput.value === "epoch" ? "epoch" : "batch"), update()),
  );
  speInput.addEventListener("input", () => {
    const n = Number(speInput.value);
    stepsPerEpoch = speInput.value.trim() !== "" && Number.isInteger(n) && n >= 1 ? n : undefined;
    update();
  });
  logInput.addEventListener("change", () => ((log = logInput.checked), update()));
  byId("copy-link").addEventListener("click", async () => {
    const status = byId("link-status");
    const url = `${location.origin}${location.pathname}#${encodeState(state())}`;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = "Link copied.";
    } catch {
      status.textContent = "Copy the address bar: it holds the whole view.";
    }
  });

  const load = (view: ViewState) => {
    entries = view.specs.map((t) => makeEntry(t));
    steps = view.steps;
    unit = view.unit;
    stepsPerEpoch = view.stepsPerEpoch;
    log = view.log;
    tab = view.tab;
    trainSettings = view.train;
    stepsInput.value = steps === undefined ? "" : String(steps);
    unitInput.value = unit;
    speInput.value = stepsPerEpoch === undefined ? "" : String(stepsPerEpoch);
    logInput.checked = log;
    select(view.selected);
  };
  buildTabs();
  window.addEventListener("hashchange", () => load(decodeState(location.hash)));
  load(decodeState(location.hash || location.search));
  document.body.dataset.ready = "true";
}
