/**
 * The parameters of a schedule type, read from its registry entry's zod schema: one entry per
 * parameter, in the schema's key order (the positional order of the text syntax), with its kind,
 * default and help text. The playground builds its forms from it; `lrkit types` lists it.
 *
 * The schema is the single source of names, defaults and help (CONTRIBUTING.md): nothing here is
 * written per family. Number domains (integer or not) are found by asking the schema itself
 * (`safeParse`), so that the refinements of `params.ts` need no second description.
 *
 * @module
 */
import type { Json } from "../schedule.js";
import type { Family } from "./family.js";
import type * as z from "zod";

/** The kind of value a parameter takes (and the input a form gives it). */
export type ParamKind =
  "number" | "integer" | "boolean" | "enum" | "string" | "numbers" | "schedule" | "schedules" | "json";

/** One parameter of a schedule type. */
export interface ParamInfo {
  /** The parameter name (the spec key). */
  readonly name: string;
  /** The input it gets. */
  readonly kind: ParamKind;
  /** The help text of the schema's `.describe()`, or "". */
  readonly help: string;
  /** True when the spec must give it (no default, not optional). */
  readonly required: boolean;
  /** The schema's default, when it has one. */
  readonly default?: Json;
  /** The allowed values of an enum. */
  readonly options?: readonly string[];
}

type Schema = z.ZodType;

/** The zod `def.type` of a schema (zod 4's public `def`). */
const typeOf = (s: Schema): string => (s.def as { type: string }).type;

/** Wrappers that do not change the kind of input: optional, default, nullable, ... */
const WRAPPERS = new Set(["optional", "default", "nullable", "prefault", "readonly", "nonoptional", "catch"]);

function inner(s: Schema): Schema {
  return (s.def as unknown as { innerType: Schema }).innerType;
}

function kindOf(s: Schema): Pick<ParamInfo, "kind" | "options"> {
  switch (typeOf(s)) {
    case "number":
      return { kind: isInteger(s) ? "integer" : "number" };
    case "boolean":
      return { kind: "boolean" };
    case "string":
      return { kind: "string" };
    case "enum":
      return { kind: "enum", options: (s as unknown as { options: string[] }).options };
    case "custom":
      return { kind: "schedule" };
    case "array": {
      const element = (s.def as unknown as { element: Schema }).element;
      const t = typeOf(element);
      if (t === "number") return { kind: "numbers" };
      if (t === "custom") return { kind: "schedules" };
      return { kind: "json" };
    }
    default:
      return { kind: "json" };
  }
}

/** An integer parameter accepts whole numbers and rejects fractions (asked of the schema itself). */
function isInteger(s: Schema): boolean {
  const acceptsSomeInteger = [1, 2, 0, 10].some((v) => s.safeParse(v).success);
  const rejectsFractions = [0.5, 1.5, 2.5].every((v) => !s.safeParse(v).success);
  return acceptsSomeInteger && rejectsFractions;
}

/**
 * What one parameter schema takes.
 *
 * @param name - the parameter's name.
 * @param schema - its zod schema, wrappers included.
 */
export function describeParam(name: string, schema: Schema): ParamInfo {
  let help = "";
  let required = true;
  let defaultValue: Json | undefined;
  let s = schema;
  for (;;) {
    help ||= s.description ?? "";
    const t = typeOf(s);
    if (!WRAPPERS.has(t)) break;
    if (t === "optional" || t === "nullable") required = false;
    if (t === "default" || t === "prefault") {
      required = false;
      const parsed = s.safeParse(undefined);
      if (parsed.success && defaultValue === undefined) defaultValue = parsed.data as Json;
    }
    s = inner(s);
  }
  return {
    name,
    ...kindOf(s),
    help,
    required,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  };
}

/**
 * The parameters of a schedule type, in their positional order.
 *
 * @example
 * ```ts
 * describeParams(registry.get("cosine")!)[2]; // { name: "minLr", kind: "number", required: false, default: 0, help: "..." }
 * ```
 */
export function describeParams(family: Family): ParamInfo[] {
  return Object.entries(family.params.shape).map(([name, schema]) => describeParam(name, schema as Schema));
}
