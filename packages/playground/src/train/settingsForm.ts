/**
 * The Train panel's settings as fields: the model, the batch size, the epochs and the range test's
 * sweep. A field that cannot be read is flagged and keeps the last good value.
 *
 * @module
 */
import { h } from "../dom.js";
import { MODELS, readInteger, readLr, type ModelChoice, type TrainSettings } from "./settings.js";

const MODEL_NAMES: Record<ModelChoice, string> = {
  mlp: "MLP",
  lenet: "LeNet (images)",
};

type Field = { key: keyof TrainSettings; input: HTMLInputElement | HTMLSelectElement };

/** The settings fields: their element, and `refresh` to show settings changed elsewhere (a link). */
export function settingsForm(
  current: () => TrainSettings,
  set: (next: TrainSettings) => void,
): { element: HTMLElement; refresh(): void } {
  const fields: Field[] = [];
  const read = (key: keyof TrainSettings, text: string): unknown => {
    if (key === "model") return (MODELS as readonly string[]).includes(text) ? text : undefined;
    if (key === "start" || key === "end") return readLr(text);
    return readInteger(key, text);
  };
  const field = (key: keyof TrainSettings, label: string, input: HTMLInputElement | HTMLSelectElement) => {
    input.id = `train-${key}`;
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
      const value = read(key, input.value.trim());
      const next = { ...current(), [key]: value };
      const ok = value !== undefined && (key !== "start" && key !== "end" ? true : next.end > next.start);
      input.setAttribute("aria-invalid", String(!ok));
      if (ok) set(next as TrainSettings);
    });
    fields.push({ key, input });
    return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
  };
  const text = () => h("input", { type: "text", inputmode: "decimal", autocomplete: "off" });
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
    field("batchSize", "Batch size", text()),
    field("epochs", "Epochs", text()),
    field("start", "Range test from lr", text()),
    field("end", "to lr", text()),
    field("iterations", "in steps", text()),
  );
  const refresh = () => {
    const s = current();
    for (const { key, input } of fields)
      if (document.activeElement !== input && input.getAttribute("aria-invalid") !== "true")
        input.value = String(s[key]);
  };
  refresh();
  return { element, refresh };
}
