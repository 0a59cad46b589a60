/**
 * Schedules from their specs.
 *
 * @module
 */
import { isParameterError, show } from "../params.js";
import type { Schedule } from "../schedule.js";
import { MAX_SPEC_DEPTH } from "./depth.js";
import { registry, unknownTypeHint } from "./registry.js";
import { isSpec } from "./isSpec.js";
import { SpecError } from "./specError.js";

export { isSpec };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Keys a spec may not have: `__proto__` would set the prototype of the parameters it is copied
 * into (smuggling inherited values that its saved spec then drops), and the other two name the
 * machinery of JavaScript objects rather than any parameter.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function tooDeep(path: string): SpecError {
  return new SpecError(path, `the spec nests deeper than ${MAX_SPEC_DEPTH} levels (objects and lists)`);
}

/** The keys of `value`, refusing the {@link FORBIDDEN_KEYS}. */
function keysOf(value: Record<string, unknown>, path: string): string[] {
  const keys = Object.keys(value);
  const bad = keys.find((key) => FORBIDDEN_KEYS.has(key));
  if (bad !== undefined) throw new SpecError(`${path}.${bad}`, `"${bad}" is not a parameter of any schedule`);
  return keys;
}

/** A parameter's value: nested specs built (in lists too); plain objects checked, kept as they are. */
function nested(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_SPEC_DEPTH) throw tooDeep(path);
  if (isSpec(value)) return build(value, path, depth);
  if (Array.isArray(value)) return value.map((v, i) => nested(v, `${path}[${i}]`, depth + 1));
  if (isRecord(value))
    for (const key of keysOf(value, path)) checkPlain(value[key], `${path}.${key}`, depth + 1);
  return value;
}

/** Checks a value inside a plain object for forbidden keys and depth. */
function checkPlain(value: unknown, path: string, depth: number): void {
  if (depth > MAX_SPEC_DEPTH) throw tooDeep(path);
  if (Array.isArray(value)) value.forEach((v, i) => checkPlain(v, `${path}[${i}]`, depth + 1));
  else if (isRecord(value))
    for (const key of keysOf(value, path)) checkPlain(value[key], `${path}.${key}`, depth + 1);
}

function build(spec: unknown, path: string, depth = 0): Schedule {
  if (!isRecord(spec))
    throw new SpecError(path, `expected a schedule spec (an object with a "type"), got ${show(spec)}`);
  keysOf(spec, path);
  const { type, ...params } = spec;
  if (typeof type !== "string")
    throw new SpecError(`${path}.type`, `expected the schedule type as a string, got ${show(type)}`);
  const family = registry.get(type);
  if (!family)
    throw new SpecError(`${path}.type`, `unknown schedule type "${type}" ${unknownTypeHint(type)}`);
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) args[key] = nested(value, `${path}.${key}`, depth + 1);
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
 *   factory's message; also for a key `__proto__`, `constructor` or `prototype` anywhere, and for
 *   nesting deeper than {@link MAX_SPEC_DEPTH}.
 * @example
 * ```ts
 * const s = fromSpec({ type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 25 }, steps: 5 });
 * ```
 */
export function fromSpec(spec: unknown): Schedule {
  return build(spec, "$");
}
