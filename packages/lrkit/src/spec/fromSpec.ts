/**
 * Schedules from their specs.
 *
 * @module
 */
import { isParameterError, show } from "../params.js";
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { registry, unknownTypeHint } from "./registry.js";
import { SpecError } from "./specError.js";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** True when `value` looks like a schedule spec (an object with a string `type`). */
export function isSpec(value: unknown): value is ScheduleSpec {
  return isRecord(value) && typeof value.type === "string";
}

function nested(value: unknown, path: string): unknown {
  if (isSpec(value)) return build(value, path);
  if (Array.isArray(value)) return value.map((v, i) => nested(v, `${path}[${i}]`));
  return value;
}

function build(spec: unknown, path: string): Schedule {
  if (!isRecord(spec))
    throw new SpecError(path, `expected a schedule spec (an object with a "type"), got ${show(spec)}`);
  const { type, ...params } = spec;
  if (typeof type !== "string")
    throw new SpecError(`${path}.type`, `expected the schedule type as a string, got ${show(type)}`);
  const family = registry.get(type);
  if (!family)
    throw new SpecError(`${path}.type`, `unknown schedule type "${type}" ${unknownTypeHint(type)}`);
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) args[key] = nested(value, `${path}.${key}`);
  try {
    return family.create(args);
  } catch (e) {
    if (!isParameterError(e)) throw e;
    throw new SpecError(e.param ? `${path}.${e.param}` : path, e.message, { cause: e });
  }
}

/**
 * Rebuilds a schedule from its spec: `fromSpec(JSON.parse(JSON.stringify(s.spec)))` behaves
 * exactly like `s`. Every family and combinator is registered, and the anchors' presets once
 * `lrkit/presets` is imported (see {@link registerFamilies}).
 *
 * @param spec - a spec object, e.g. `{ type: "cosine", lr: 0.3, steps: 30, minLr: 0.01 }`.
 * @throws {@link SpecError} with the JSON path of the problem (`$.schedule.steps`) and the
 *   factory's message.
 * @example
 * ```ts
 * const s = fromSpec({ type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 25 }, steps: 5 });
 * ```
 */
export function fromSpec(spec: unknown): Schedule {
  return build(spec, "$");
}
