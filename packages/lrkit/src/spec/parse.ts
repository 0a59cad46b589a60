/**
 * A spec argument in any of its forms: JSON or the text syntax (the CLI adds `@file`).
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { fromSpec } from "./fromSpec.js";
import { SpecError } from "./specError.js";
import { lineAndColumn } from "./syntaxError.js";
import { parseText } from "./text.js";

const looksLikeJson = (input: string) => /^\s*\{/.test(input);

/**
 * Parses a spec given as JSON (`{"type": "cosine", ...}`) or in the text syntax
 * (`cosine(lr=0.3, steps=30)`), without building it.
 *
 * @throws {@link SpecError} for invalid JSON; `SpecSyntaxError` for invalid text.
 */
export function parseSpec(input: string): ScheduleSpec {
  if (!looksLikeJson(input)) return parseText(input).spec;
  try {
    return JSON.parse(input) as ScheduleSpec;
  } catch (e) {
    throw new SpecError("$", `invalid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Builds a schedule from a spec given as JSON or in the text syntax. Errors in the text syntax
 * name the line and column of the offending value; errors in JSON name its path.
 *
 * @throws {@link SpecError} (with `column` for text input) or `SpecSyntaxError`.
 * @example
 * ```ts
 * const s = parseSchedule("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)");
 * parseSchedule('{"type": "step", "lr": 0.1, "stepSize": 30}');
 * ```
 */
export function parseSchedule(input: string): Schedule {
  if (looksLikeJson(input)) return fromSpec(parseSpec(input));
  const { spec, offsets } = parseText(input);
  try {
    return fromSpec(spec);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const offset = closestOffset(offsets, e.path);
    if (offset === undefined) throw e;
    const { line, column } = lineAndColumn(input, offset);
    throw new SpecError(e.path, e.reason, { cause: e.cause, line, column });
  }
}

/** The offset of `path`, or of its nearest ancestor that has one. */
function closestOffset(offsets: ReadonlyMap<string, number>, path: string): number | undefined {
  for (let p = path; p.length > 0; p = p.replace(/(\.[^.[]*|\[\d+\])$/, "")) {
    const offset = offsets.get(p);
    if (offset !== undefined) return offset;
    if (p === "$") break;
  }
  return undefined;
}
