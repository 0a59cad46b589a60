/**
 * The panels under the chart: lint diagnostics for the plan, and the export of the selected
 * schedule as code with a copy button.
 *
 * @module
 */
import {
  exportSchedule,
  lint,
  type Diagnostic,
  type ExportTarget,
  type Schedule,
  type TrainingPlan,
} from "lrkit";
import { h } from "./dom.js";

/** A schedule of the chart with its letter and label. */
export interface Named {
  readonly letter: string;
  readonly label: string;
  readonly schedule: Schedule;
}

function diagnostic(d: Diagnostic): HTMLElement {
  return h(
    "li",
    { class: `diag ${d.severity}`, "data-code": d.code },
    h(
      "div",
      { class: "diag-head" },
      h("span", { class: `badge ${d.severity}` }, d.severity),
      h("code", {}, d.code),
      d.step === null ? null : h("span", { class: "diag-step" }, `step ${d.step}`),
    ),
    h("p", { class: "diag-message" }, d.message),
    h("p", { class: "diag-fix" }, h("strong", {}, "Fix: "), d.fix),
  );
}

/** The lint panel: the diagnostics of each schedule against the plan. */
export function lintPanel(schedules: readonly Named[], plan: TrainingPlan): HTMLElement {
  const unit = plan.unit === "epoch" ? "epochs" : "batches";
  const intro = h(
    "p",
    { class: "muted" },
    `Checked against a plan of ${plan.steps} steps (${unit}${plan.stepsPerEpoch ? `, ${plan.stepsPerEpoch} per epoch` : ""}).`,
  );
  if (schedules.length === 0) return h("div", {}, h("p", {}, "No valid schedule to check yet."));
  const sections = schedules.map((s) => {
    let list: HTMLElement;
    try {
      const found = lint(s.schedule, plan);
      list = found.length
        ? h("ul", { class: "diags" }, found.map(diagnostic))
        : h("p", { class: "ok" }, "No findings: this schedule fits the plan.");
    } catch (e) {
      list = h("p", { class: "error" }, (e as Error).message);
    }
    return h(
      "section",
      { class: "lint-group", "data-letter": s.letter },
      schedules.length > 1 ? h("h3", {}, `${s.letter}: `, h("code", {}, s.label)) : null,
      list,
    );
  });
  return h("div", {}, intro, sections);
}

const TARGET_NAMES: Record<ExportTarget, string> = {
  ts: "lrkit TypeScript",
  pytorch: "PyTorch",
  optax: "Optax",
  keras: "Keras",
};

/** Copies `text`, or at least selects it in `code` when the clipboard is not available. */
async function copy(text: string, code: HTMLElement, status: HTMLElement): Promise<void> {
  const selectCode = () => {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied to the clipboard.";
  } catch {
    selectCode();
    // The legacy command still works where the asynchronous clipboard is not allowed (plain http).
    const copied = document.execCommand?.("copy") ?? false;
    status.textContent = copied ? "Copied to the clipboard." : "Selected: press Ctrl+C (⌘C) to copy.";
  }
}

/** The export panel: the selected schedule as code for `target`, with a copy button. */
export function exportPanel(selected: Named | undefined, target: ExportTarget, steps: number): HTMLElement {
  if (!selected) return h("div", {}, h("p", {}, "No valid schedule to export yet."));
  let code: string;
  let failed = false;
  try {
    code = exportSchedule(selected.schedule, target, { steps });
  } catch (e) {
    code = (e as Error).message;
    failed = true;
  }
  const status = h("span", { class: "copy-status", role: "status", "aria-live": "polite" });
  const codeEl = h("code", { id: "export-code", "data-target": target }, code);
  const button = h(
    "button",
    {
      type: "button",
      id: "copy-code",
      disabled: failed,
      onclick: () => void copy(code, codeEl, status),
    },
    "Copy code",
  );
  return h(
    "div",
    {},
    h(
      "div",
      { class: "export-head" },
      h("p", { class: "muted" }, `${selected.letter}: ${TARGET_NAMES[target]}, ${steps} steps.`),
      button,
      status,
    ),
    failed ? h("p", { class: "error" }, code) : h("pre", { class: "code", tabindex: 0 }, codeEl),
  );
}
