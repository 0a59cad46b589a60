/**
 * Parameter values as the text of a form field, and back: `15, 30` for a list of numbers, `1e-4`
 * for a number, `{min_lr: 1e-6}` for a mapping, `cosine(lr=0.1, steps=10)` for a schedule.
 *
 * @module
 */
import { parseSpec, parseText, SpecError, SpecSyntaxError, toText, type Json, type ParamKind } from "lrkit";

/** A field's text read back: the value (undefined when the field is empty), or what is wrong. */
export type FieldRead = { readonly value: Json | undefined } | { readonly error: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const isSpecLike = (v: Json): boolean =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { type?: unknown }).type === "string";

/** A value in the text syntax: `[10, 40]`, `{min_lr: 0.000001}`, `"cos"`, `cosine(lr=0.1, steps=10)`. */
export function printValue(value: Json): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(printValue).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    if (isSpecLike(value)) return toText(value as { type: string } & Record<string, Json>);
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^(?:[A-Za-z_$][\w$]*|\d+)$/.test(k) ? k : JSON.stringify(k)}: ${printValue(v)}`,
    );
    return `{${entries.join(", ")}}`;
  }
  return String(value);
}

/**
 * Parses a single value in JSON or in the text syntax of specs (lists, `{100: 0.1}` mappings with
 * bare keys, `True`/`False`/`None`, bare words, nested schedules).
 *
 * The text syntax has no entry point for a lone value, so the value is parsed as the argument of a
 * one-parameter call (`constant(<value>)`); a core `parseValue` would make this unnecessary.
 */
export function parseValue(text: string): FieldRead {
  try {
    return { value: JSON.parse(text) as Json };
  } catch {
    // not JSON: try the text syntax
  }
  const prefix = "constant(";
  try {
    const { spec } = parseText(`${prefix}${text})`);
    return { value: spec.lr };
  } catch (e) {
    if (e instanceof SpecSyntaxError) {
      const column = Math.max(1, Math.min(text.length + 1, e.column - prefix.length));
      return {
        error: `${e.reason.replace(/^constant takes at most 1 arguments$/, "Expected one value")} at column ${column}`,
      };
    }
    return { error: (e as Error).message };
  }
}

/** The text a field of `kind` shows for `value` (empty for undefined). */
export function printField(kind: ParamKind, value: Json | undefined): string {
  if (value === undefined) return "";
  switch (kind) {
    case "number":
    case "integer":
    case "boolean":
      return typeof value === "number" || typeof value === "boolean" ? String(value) : printValue(value);
    case "enum":
    case "string":
      return typeof value === "string" ? value : printValue(value);
    case "numbers":
      return Array.isArray(value) && value.every((v) => typeof v === "number")
        ? value.join(", ")
        : printValue(value);
    default:
      return printValue(value);
  }
}

/** Reads back the text of a field of `kind`; an empty field leaves the parameter unset. */
export function readField(kind: ParamKind, text: string): FieldRead {
  const t = text.trim();
  if (t === "") return { value: undefined };
  switch (kind) {
    case "number":
    case "integer":
      return NUMBER.test(t)
        ? { value: Number(t) }
        : { error: `expected a number such as 0.1 or 1e-4, got "${t}"` };
    case "boolean":
      return t === "true" || t === "false"
        ? { value: t === "true" }
        : { error: `expected true or false, got "${t}"` };
    case "enum":
      return { value: t };
    case "string":
      return { value: text };
    case "numbers": {
      const read = parseValue(t.startsWith("[") ? t : `[${t}]`);
      if ("error" in read) return read;
      const v = read.value;
      return Array.isArray(v) && v.every((x) => typeof x === "number")
        ? { value: v }
        : { error: `expected numbers separated by commas, such as 15, 30` };
    }
    case "schedule":
      try {
        return { value: parseSpec(t) };
      } catch (e) {
        return { error: e instanceof SpecError ? e.reason : (e as Error).message.split("\n")[0]! };
      }
    default:
      return parseValue(t);
  }
}
