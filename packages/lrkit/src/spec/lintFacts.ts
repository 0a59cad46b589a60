/**
 * Helpers that registry entries use to state their lint facts: regular milestones, and horizons
 * moved by extending a parameter or a nested schedule.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { isSpec } from "./isSpec.js";

/** The most cycles lint places or lists (of SGDR and repeat). */
export const MAX_CYCLES = 10_000;

/** The steps `first + size, first + 2 size, ...` below `end` (none for a non-positive size). */
export function every(first: number, size: number, end: number): number[] {
  const out: number[] = [];
  if (!(size > 0)) return out;
  for (let m = first + size; m < end && out.length < 1e7; m += size) out.push(m);
  return out;
}

/** Moves the horizon by adding `extra` to the number parameter `key` (a cosine's `steps`). */
export function extendParam(spec: ScheduleSpec, key: string, extra: number): ScheduleSpec | undefined {
  const value = spec[key];
  return typeof value === "number" ? { ...spec, [key]: value + extra } : undefined;
}

/**
 * Moves the horizon of the nested schedule `key` (a warmup's `schedule`), or of a list's last one
 * (a join's), with `nested`.
 */
export function extendNested(
  spec: ScheduleSpec,
  key: string,
  nested: (spec: ScheduleSpec) => ScheduleSpec | undefined,
): ScheduleSpec | undefined {
  const value = spec[key];
  if (Array.isArray(value)) {
    const last = value.at(-1);
    const moved = isSpec(last) ? nested(last) : undefined;
    return moved && { ...spec, [key]: [...value.slice(0, -1), moved] };
  }
  const moved = isSpec(value) ? nested(value) : undefined;
  return moved && { ...spec, [key]: moved };
}
