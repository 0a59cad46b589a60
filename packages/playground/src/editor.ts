/**
 * The schedule editor: renders a form tree (see form.ts) as labelled inputs, one per parameter, a
 * type menu per schedule, nested fieldsets for a combinator's schedules, and reports each edit.
 *
 * @module
 */
import { combinators, coreFamilies, registry, type ParamInfo } from "lrkit";
import { h, uid } from "./dom.js";
import { defaultText, fieldsOfType, newForm, type FieldValue, type FormNode } from "./form.js";

/** What the editor tells its owner. */
export interface EditorEvents {
  /** A field's text changed (the tree is already updated). */
  readonly onEdit: () => void;
  /** The tree's structure changed (a type, an added or removed schedule): render it again. */
  readonly onStructure: () => void;
}

/** The rendered fields by JSON path, to show errors next to them. */
export type FieldElements = Map<string, { readonly box: HTMLElement; readonly error: HTMLElement }>;

/** The type menu: core families, combinators, then each anchor's presets. */
function typeOptions(selected: string): HTMLElement[] {
  const option = (type: string) =>
    h("option", { value: type, selected: type === selected, title: registry.get(type)?.summary }, type);
  const groups = new Map<string, string[]>([
    ["Families", coreFamilies.map((f) => f.type)],
    ["Combinators", combinators.map((f) => f.type)],
  ]);
  for (const type of registry.keys()) {
    const dot = type.indexOf(".");
    if (dot < 0) continue;
    const anchor = `Presets: ${type.slice(0, dot)}`;
    groups.set(anchor, [...(groups.get(anchor) ?? []), type]);
  }
  return [...groups].map(([label, types]) => h("optgroup", { label }, types.map(option)));
}

const INPUT_MODE: Partial<Record<ParamInfo["kind"], string>> = {
  number: "decimal",
  integer: "numeric",
};

function hint(field: ParamInfo): string {
  const shape: Partial<Record<ParamInfo["kind"], string>> = {
    numbers: "numbers separated by commas",
    json: "a value in JSON or the spec syntax",
  };
  return shape[field.kind] ?? "";
}

/**
 * Renders `node` (a schedule and its parameters) into a fieldset.
 *
 * @param node - the form tree, edited in place.
 * @param path - its JSON path (`$` for the top).
 * @param replace - puts a new node (of another type) in the tree at this place.
 * @param fields - collects the rendered fields by path.
 */
export function renderNode(
  node: FormNode,
  path: string,
  replace: (next: FormNode) => void,
  events: EditorEvents,
  fields: FieldElements,
  legend?: HTMLElement,
): HTMLElement {
  const typeId = uid("type");
  const summary = h("p", { class: "help", id: `${typeId}-help` }, registry.get(node.type)?.summary ?? "");
  const typeError = h("p", { class: "error", id: `${typeId}-error`, hidden: true });
  const select = h(
    "select",
    {
      id: typeId,
      "data-key": `${path}.type`,
      "aria-describedby": `${typeId}-help ${typeId}-error`,
      onchange: (e) => {
        replace(newForm((e.target as HTMLSelectElement).value));
        events.onStructure();
      },
    },
    typeOptions(node.type),
  );
  const typeBox = h(
    "div",
    { class: "field type-field", "data-path": path },
    h("label", { for: typeId }, "type"),
    select,
    summary,
    typeError,
  );
  fields.set(path, { box: typeBox, error: typeError });
  const set = h("fieldset", { class: "node", "data-path": path }, legend ?? null, typeBox);
  // Optional parameters left at their defaults wait behind a disclosure, to keep long forms short.
  const more: HTMLElement[] = [];
  for (const field of fieldsOfType(node.type) ?? []) {
    const value = node.values[field.name]!;
    const el = renderField(node, field, value, `${path}.${field.name}`, events, fields);
    if (!field.required && value.kind === "text" && value.text.trim() === "") more.push(el);
    else set.append(el);
  }
  if (more.length) {
    const key = `${path}:${node.type}`;
    const details = h(
      "details",
      { class: "more", open: openMore.has(key), "data-path": `${path}.more` },
      h(
        "summary",
        { "data-key": `${path}.more` },
        `${more.length} more parameter${more.length > 1 ? "s" : ""} at ${more.length > 1 ? "their defaults" : "its default"}`,
      ),
      more,
    );
    details.addEventListener("toggle", () => (details.open ? openMore.add(key) : openMore.delete(key)));
    set.append(details);
  }
  return set;
}

/** The disclosures of optional parameters the user opened, by path and type (kept across renders). */
const openMore = new Set<string>();

function renderField(
  node: FormNode,
  field: ParamInfo,
  value: FieldValue,
  path: string,
  events: EditorEvents,
  fields: FieldElements,
): HTMLElement {
  const id = uid("field");
  const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
  const help = h("p", { class: "help", id: `${id}-help` }, field.help);
  const label = h(
    "label",
    { for: id },
    h("span", { class: "name" }, field.name),
    field.required ? h("span", { class: "tag" }, "required") : null,
    field.kind === "integer" ? h("span", { class: "tag" }, "integer") : null,
  );

  if (value.kind === "schedule") {
    const legend = h(
      "legend",
      {},
      h("span", { class: "name" }, field.name),
      h("span", { class: "help" }, field.help),
    );
    const box = renderNode(value.node, path, (next) => (value.node = next), events, fields, legend);
    box.classList.add("nested");
    box.append(error);
    fields.set(path, { box, error });
    return box;
  }
  if (value.kind === "schedules") {
    const box = h(
      "fieldset",
      { class: "node list", "data-path": path },
      h("legend", {}, h("span", { class: "name" }, field.name), h("span", { class: "help" }, field.help)),
    );
    value.nodes.forEach((n, i) => {
      const remove = h(
        "button",
        {
          type: "button",
          class: "small",
          "data-key": `${path}[${i}].remove`,
          "aria-label": `Remove ${field.name} ${i + 1}`,
          disabled: value.nodes.length <= 1,
          onclick: () => {
            value.nodes.splice(i, 1);
            events.onStructure();
          },
        },
        "Remove",
      );
      const legend = h("legend", {}, h("span", { class: "name" }, `${field.name} ${i + 1}`), remove);
      const item = renderNode(n, `${path}[${i}]`, (next) => (value.nodes[i] = next), events, fields, legend);
      item.classList.add("nested");
      box.append(item);
    });
    box.append(
      h(
        "button",
        {
          type: "button",
          class: "small",
          "data-key": `${path}.add`,
          onclick: () => {
            const last = value.nodes[value.nodes.length - 1];
            value.nodes.push(last ? structuredClone(last) : newForm("constant"));
            events.onStructure();
          },
        },
        `Add to ${field.name}`,
      ),
      error,
    );
    fields.set(path, { box, error });
    return box;
  }

  const describedBy = `${id}-help ${id}-error`;
  const onInput = (text: string) => {
    node.values[field.name] = { kind: "text", text };
    events.onEdit();
  };
  let input: HTMLElement;
  if (field.kind === "boolean") {
    const fallback = field.default === true;
    const checked = value.text === "" ? fallback : value.text.trim() === "true";
    input = h("input", {
      id,
      type: "checkbox",
      checked,
      "data-key": path,
      "aria-describedby": describedBy,
      onchange: (e) => onInput(String((e.target as HTMLInputElement).checked)),
    });
    if (field.default !== undefined && !/defaults? to/i.test(field.help))
      help.append(h("span", { class: "default" }, ` Defaults to ${String(field.default)}.`));
    const box = h(
      "div",
      { class: "field check", "data-path": path },
      h("div", { class: "check-row" }, input, label),
      help,
      error,
    );
    fields.set(path, { box, error });
    return box;
  }
  if (field.kind === "enum") {
    const current = value.text;
    const known = field.options ?? [];
    const options = [
      field.required
        ? null
        : h(
            "option",
            { value: "", selected: current === "" },
            field.default === undefined ? "(unset)" : `${String(field.default)} (default)`,
          ),
      ...known.map((o) => h("option", { value: o, selected: current === o }, o)),
      current !== "" && !known.includes(current)
        ? h("option", { value: current, selected: true }, current)
        : null,
    ];
    input = h(
      "select",
      {
        id,
        "data-key": path,
        "aria-describedby": describedBy,
        onchange: (e) => onInput((e.target as HTMLSelectElement).value),
      },
      options,
    );
  } else {
    const placeholder = defaultText(field);
    input = h("input", {
      id,
      type: "text",
      value: value.kind === "text" ? value.text : "",
      placeholder: placeholder ? `${placeholder} (default)` : field.required ? "" : "(unset)",
      inputmode: INPUT_MODE[field.kind],
      spellcheck: "false",
      autocomplete: "off",
      class:
        field.kind === "string" || field.kind === "json" || field.kind === "schedule" ? "mono" : undefined,
      "data-key": path,
      "aria-describedby": describedBy,
      oninput: (e) => onInput((e.target as HTMLInputElement).value),
    });
  }
  const shape = hint(field);
  if (shape) help.append(h("span", { class: "default" }, ` (${shape})`));
  if (field.default !== undefined && !/defaults? to/i.test(field.help))
    help.append(h("span", { class: "default" }, ` Defaults to ${defaultText(field)}.`));
  const box = h("div", { class: "field", "data-path": path }, label, input, help, error);
  fields.set(path, { box, error });
  return box;
}

/** Shows `errors` (message by field path) next to their fields and clears the others. */
export function showFieldErrors(fields: FieldElements, errors: ReadonlyMap<string, string>): void {
  for (const [path, { box, error }] of fields) {
    const message = errors.get(path);
    error.hidden = message === undefined;
    error.textContent = message ?? "";
    box.classList.toggle("invalid", message !== undefined);
    const details = box.closest("details");
    if (message !== undefined && details) details.open = true;
    const input = box.querySelector<HTMLElement>(
      ":scope > input, :scope > select, :scope > .check-row > input",
    );
    if (input) {
      if (message === undefined) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    }
  }
}
