/**
 * The Train panel's settings as fields: the model, the optimizer, the batch size, the epochs and
 * the range test's sweep. A field that cannot be read is flagged and keeps the last good value.
 *
 * @module
 */
import { formatValue } from "@lrkit/plot";
import { h } from "../dom.js";
import type { OptimizerInfo } from "./protocol.js";
import {
  MODELS,
  readInteger,
  readLr,
  readOptimizer,
  type ModelChoice,
  type TrainSettings,
} from "./settings.js";

const MODEL_NAMES: Record<ModelChoice, string> = {
  mlp: "MLP",
  lenet: "LeNet (images)",
};

type Field = { key: keyof TrainSettings; input: HTMLInputElement | HTMLSelectElement };

/** A field's text read as its setting: `ok` false when it cannot be read. */
function read(key: keyof TrainSettings, text: string): { ok: boolean; value: unknown } {
  const value =
    key === "model"
      ? (MODELS as readonly string[]).includes(text)
        ? text
        : undefined
      : key === "optimizer"
        ? readOptimizer(text)
        : key === "start" || key === "end"
          ? readLr(text)
          : readInteger(key, text);
  // An empty start is no start: the sweep starts where the optimizer's range test does.
  return { ok: value !== undefined || (key === "start" && text === ""), value };
}

/**
 * The settings fields: their element, `refresh` to show settings changed elsewhere (a link), and
 * `setOptimizers` to offer the optimizers the worker has.
 */
export function settingsForm(
  current: () => TrainSettings,
  set: (next: TrainSettings) => void,
): { element: HTMLElement; refresh(): void; setOptimizers(list: readonly OptimizerInfo[]): void } {
  const fields: Field[] = [];
  let optimizers: readonly OptimizerInfo[] = [];
  const field = (key: keyof TrainSettings, label: string, input: HTMLInputElement | HTMLSelectElement) => {
    input.id = `train-${key}`;
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
      const { ok: readable, value } = read(key, input.value.trim());
      const next = { ...current(), [key]: value } as TrainSettings;
      const ok = readable && (key !== "start" && key !== "end" ? true : next.end > (next.start ?? 0));
      input.setAttribute("aria-invalid", String(!ok));
      if (ok) set(next);
      if (key === "optimizer") showStart();
    });
    fields.push({ key, input });
    return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
  };
  const text = () => h("input", { type: "text", inputmode: "decimal", autocomplete: "off" });
  // Until the worker lists its optimizers, the one of the settings is the only choice.
  const optimizer = h("select", {}, h("option", { value: current().optimizer }, current().optimizer));
  const start = text();
  /** The start field's placeholder: where the chosen optimizer's range test starts. */
  const showStart = () => {
    const o = optimizers.find((x) => x.name === current().optimizer);
    start.placeholder = o ? formatValue(o.rangeTestStart) : "";
  };
  const element = h(
    "div",
    { class: "train-settings", role: "group", "aria-label": "Model, training and range-test settings" },
    field(
      "model",
      "Model",
      h(
        "select",
        {},
        MODELS.map((m) => h("option", { value: m }, MODEL_NAMES[m])),
      ),
    ),
    field("optimizer", "Optimizer", optimizer),
    field("batchSize", "Batch size", text()),
    field("epochs", "Epochs", text()),
    field("start", "Range test from lr", start),
    field("end", "to lr", text()),
    field("iterations", "in steps", text()),
  );
  const refresh = () => {
    const s = current();
    for (const { key, input } of fields)
      if (document.activeElement !== input && input.getAttribute("aria-invalid") !== "true")
        input.value = String(s[key] ?? "");
    showStart();
  };
  refresh();
  return {
    element,
    refresh,
    setOptimizers(list) {
      optimizers = list;
      optimizer.replaceChildren(...list.map((o) => h("option", { value: o.name }, o.className)));
      refresh();
    },
  };
}
