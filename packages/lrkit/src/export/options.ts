/**
 * The parameters of a spec node with the family's defaults filled in by its own schema.
 *
 * @module
 */
import * as v from "valibot";
import type { ScheduleSpec } from "../schedule.js";
import { isSpec } from "../spec/fromSpec.js";
import { registry } from "../spec/registry.js";

/**
 * Parameters of `spec` with defaults; nested specs are kept as specs, and a value its schema
 * refuses is kept as given (lint reads specs that may not build).
 */
export function optionsOf(spec: ScheduleSpec): Record<string, unknown> {
  const family = registry.get(spec.type);
  if (!family) return { ...spec };
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(family.params.entries)) {
    const value = spec[key];
    const nested = isSpec(value) || (Array.isArray(value) && value.some(isSpec));
    const parsed = nested ? undefined : v.safeParse(schema, value);
    out[key] = parsed?.success ? parsed.output : value;
  }
  return out;
}
