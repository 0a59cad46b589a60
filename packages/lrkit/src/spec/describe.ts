/**
 * The parameters of a schedule type, read from its registry entry's valibot schema: one entry per
 * parameter, in the entry's positional order (the text syntax's), with its kind, default and help
 * text. The playground builds its forms from it; `lrkit types` lists it.
 *
 * The schema is the single source of names, defaults and help (CONTRIBUTING.md): nothing here is
 * written per family. Number domains (integer or not) are found by asking the schema itself
 * (`safeParse`), so that the checks of `params.ts` need no second description.
 *
 * @module
 */
import * as v from "valibot";
import { isSchedule, type Json } from "../schedule.js";
import type { Family } from "./family.js";

/** The kind of value a parameter takes (and the input a form gives it). */
export type ParamKind =
  "number" | "integer" | "boolean" | "enum" | "string" | "numbers" | "schedule" | "schedules" | "json";

/** One parameter of a schedule type. */
export interface ParamInfo {
  /** The parameter name (the spec key). */
  readonly name: string;
  /** The input it gets. */
  readonly kind: ParamKind;
  /** The help text of the schema's `v.description()`, or "". */
  readonly help: string;
  /** True when the spec must give it (no default, not optional). */
  readonly required: boolean;
  /** The schema's default, when it has one. */
  readonly default?: Json;
  /** The allowed values of an enum. */
  readonly options?: readonly string[];
  /** True when it also takes `null` (Python's `None`, e.g. Optax's `end_value=None`). */
  readonly nullable?: boolean;
}

/** A valibot schema, with the fields of its kind that are read here. */
type Schema = v.GenericSchema & {
  readonly wrapped?: Schema;
  readonly default?: unknown;
  readonly item?: Schema;
  readonly options?: readonly unknown[];
  readonly check?: unknown;
};

/** Wrappers that do not change the kind of input, and whether they make the parameter optional. */
const WRAPPERS: Record<string, boolean> = {
  optional: true,
  nullable: true,
  nullish: true,
  exact_optional: true,
  undefinedable: true,
  non_optional: false,
  non_nullable: false,
  non_nullish: false,
};

/** A schedule parameter is the custom schema of `p.schedule()` (other custom schemas are JSON). */
const isScheduleSchema = (s: Schema) => s.type === "custom" && s.check === isSchedule;

function kindOf(s: Schema): Pick<ParamInfo, "kind" | "options"> {
  switch (s.type) {
    case "number":
      return { kind: isInteger(s) ? "integer" : "number" };
    case "boolean":
      return { kind: "boolean" };
    case "string":
      return { kind: "string" };
    case "picklist":
      return { kind: "enum", options: s.options as string[] };
    case "custom":
      return { kind: isScheduleSchema(s) ? "schedule" : "json" };
    case "array": {
      const item = s.item!;
      if (item.type === "number") return { kind: "numbers" };
      if (isScheduleSchema(item)) return { kind: "schedules" };
      return { kind: "json" };
    }
    default:
      return { kind: "json" };
  }
}

/** An integer parameter accepts whole numbers and rejects fractions (asked of the schema itself). */
function isInteger(s: Schema): boolean {
  const acceptsSomeInteger = [1, 2, 0, 10].some((x) => v.safeParse(s, x).success);
  const rejectsFractions = [0.5, 1.5, 2.5].every((x) => !v.safeParse(s, x).success);
  return acceptsSomeInteger && rejectsFractions;
}

/**
 * What one parameter schema takes.
 *
 * @param name - the parameter's name.
 * @param schema - its valibot schema, wrappers included.
 */
export function describeParam(name: string, schema: v.GenericSchema): ParamInfo {
  let help = "";
  let required = true;
  let defaultValue: Json | undefined;
  let nullable = false;
  let s = schema as Schema;
  for (;;) {
    help ||= v.getDescription(s) ?? "";
    const optional = WRAPPERS[s.type];
    if (optional === undefined) break;
    if (optional) required = false;
    if (s.type === "nullable" || s.type === "nullish") nullable = true;
    if (s.default !== undefined && defaultValue === undefined)
      defaultValue = v.getDefault(s as v.OptionalSchema<Schema, Json>);
    s = s.wrapped!;
  }
  return {
    name,
    ...kindOf(s),
    help,
    required,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(nullable ? { nullable } : {}),
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
  const { entries } = family.params;
  const names = [...family.positional, ...Object.keys(entries).filter((k) => !family.positional.includes(k))];
  return names.map((name) => describeParam(name, entries[name]!));
}
