/**
 * What a spec looks like, without building it.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";

/** True when `value` looks like a schedule spec (an object with a string `type`). */
export function isSpec(value: unknown): value is ScheduleSpec {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}
