/**
 * The schedule editor's model: a tree of form nodes, one per schedule in the spec (a combinator's
 * nested schedules are nested nodes), each holding the text of its fields. `formFromSpec` and
 * `specFromForm` map between a spec and the form; the DOM editor only renders and edits this tree.
 *
 * An empty field leaves its parameter unset (the schema's default applies and is shown as the
 * field's placeholder), so a spec read back from its own form is the same spec, key for key.
 *
 * @module
 */
import {
  describeParams,
  isSpec,
  parseSpec,
  registry,
  type Json,
  type ParamInfo,
  type ScheduleSpec,
} from "lrkit";
import { printField, readField } from "./values.js";

/** The content of one field: text, a nested schedule, or a list of them. */
export type FieldValue =
  | { kind: "text"; text: string }
  | { kind: "schedule"; node: FormNode }
  | { kind: "schedules"; nodes: FormNode[] };

/** The form of one schedule: its type, the content of each field, and keys its type does not know. */
export interface FormNode {
  type: string;
  values: Record<string, FieldValue>;
  /** Parameters the type does not have, kept so that the spec reads back unchanged (and fromSpec names them). */
  extra: Record<string, Json>;
}

/** A field whose text cannot be read, by the JSON path of its parameter (`$.schedule.steps`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The fields of a registered type (cached: a registered type's entry never changes). */
const cache = new Map<string, ParamInfo[]>();
/** The form fields of `type`, or undefined for an unknown type. */
export function fieldsOfType(type: string): readonly ParamInfo[] | undefined {
  const family = registry.get(type);
  if (!family) return undefined;
  let fields = cache.get(type);
  if (!fields) cache.set(type, (fields = describeParams(family)));
  return fields;
}

function valueOf(field: ParamInfo, value: Json | undefined): FieldValue {
  if (field.kind === "schedule" && value !== undefined && isSpec(value) && registry.has(value.type)) {
    return { kind: "schedule", node: formFromSpec(value)! };
  }
  if (
    field.kind === "schedules" &&
    Array.isArray(value) &&
    value.every((v) => isSpec(v) && registry.has((v as ScheduleSpec).type))
  ) {
    return { kind: "schedules", nodes: value.map((v) => formFromSpec(v as ScheduleSpec)!) };
  }
  return { kind: "text", text: printField(field.kind, value) };
}

/**
 * The form of a spec, or undefined when its type is not registered. Nested specs of unknown types,
 * and values of an unexpected shape, become text fields (whose errors the spec check reports).
 */
export function formFromSpec(spec: ScheduleSpec): FormNode | undefined {
  const fields = fieldsOfType(spec.type);
  if (!fields) return undefined;
  const values: Record<string, FieldValue> = {};
  for (const f of fields) values[f.name] = valueOf(f, spec[f.name]);
  const known = new Set(fields.map((f) => f.name));
  const extra: Record<string, Json> = {};
  for (const [k, v] of Object.entries(spec)) if (k !== "type" && !known.has(k)) extra[k] = v;
  return { type: spec.type, values, extra };
}

/** The form of a new schedule of `type`: its registry example. */
export function newForm(type: string): FormNode {
  const family = registry.get(type);
  if (!family) throw new RangeError(`playground: unknown schedule type "${type}"`);
  return formFromSpec(parseSpec(family.example))!;
}

/** The text of a field that is empty, or a nested value, as its placeholder shows it. */
export function defaultText(field: ParamInfo): string {
  return field.default === undefined ? "" : printField(field.kind, field.default);
}

/**
 * The spec a form describes, and the fields whose text cannot be read (their parameters are left
 * out of the spec). Parameter errors (a value out of range, a missing parameter) are not found
 * here: `fromSpec` finds them, and names the same paths.
 */
export function specFromForm(node: FormNode, path = "$"): { spec: ScheduleSpec; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const spec: Record<string, Json> = { type: node.type };
  const fields = fieldsOfType(node.type) ?? [];
  for (const f of fields) {
    const v = node.values[f.name];
    if (v === undefined) continue;
    const at = `${path}.${f.name}`;
    if (v.kind === "schedule") {
      const inner = specFromForm(v.node, at);
      spec[f.name] = inner.spec;
      errors.push(...inner.errors);
    } else if (v.kind === "schedules") {
      spec[f.name] = v.nodes.map((n, i) => {
        const inner = specFromForm(n, `${at}[${i}]`);
        errors.push(...inner.errors);
        return inner.spec;
      });
    } else {
      const read = readField(f.kind, v.text);
      if ("error" in read) errors.push({ path: at, message: read.error });
      else if (read.value !== undefined) spec[f.name] = read.value;
    }
  }
  for (const [k, v] of Object.entries(node.extra)) spec[k] = v;
  return { spec: spec as ScheduleSpec, errors };
}

/** A copy of the form with every empty field that has a default filled with it, nested forms too. */
export function withDefaults(node: FormNode): FormNode {
  const values: Record<string, FieldValue> = {};
  for (const f of fieldsOfType(node.type) ?? []) {
    const v = node.values[f.name]!;
    if (v.kind === "schedule") values[f.name] = { kind: "schedule", node: withDefaults(v.node) };
    else if (v.kind === "schedules") values[f.name] = { kind: "schedules", nodes: v.nodes.map(withDefaults) };
    else values[f.name] = v.text.trim() === "" ? { kind: "text", text: defaultText(f) } : v;
  }
  return { type: node.type, values, extra: { ...node.extra } };
}

/**
 * The path of the form field that shows an error at `path`: the path itself or its nearest
 * ancestor that is a field (`$.milestones[2]` is shown at `$.milestones`).
 */
export function fieldForPath(path: string, fieldPaths: ReadonlySet<string>): string | undefined {
  for (let p = path; p.length > 0;) {
    if (fieldPaths.has(p)) return p;
    const up = p.replace(/(\.[^.[]*|\[\d+\])$/, "");
    if (up === p) break;
    p = up;
  }
  return undefined;
}

/** The JSON paths of every field of a form, nested forms included. */
export function fieldPaths(node: FormNode, path = "$"): Set<string> {
  const out = new Set<string>([path]);
  for (const [name, v] of Object.entries(node.values)) {
    const at = `${path}.${name}`;
    out.add(at);
    if (v.kind === "schedule") for (const p of fieldPaths(v.node, at)) out.add(p);
    if (v.kind === "schedules")
      v.nodes.forEach((n, i) => fieldPaths(n, `${at}[${i}]`).forEach((p) => out.add(p)));
  }
  return out;
}
