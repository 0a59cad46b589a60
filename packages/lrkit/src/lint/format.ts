/**
 * Numbers and specs as lint messages print them.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { toText } from "../spec/text.js";

/** A value with 4 significant digits, as JavaScript prints numbers (`0.1`, `3.333e-7`, `NaN`). */
export function fmt(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/** A percentage with no decimals. */
export function pct(a: number, b: number): string {
  return `${Math.round((100 * a) / b)}%`;
}

/** A spec in the text syntax, shortened past 160 characters. */
export function text(spec: ScheduleSpec): string {
  const s = toText(spec);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}
