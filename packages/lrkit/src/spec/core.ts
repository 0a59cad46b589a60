/**
 * The core composition of a preset, read from its spec.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { fromSpec } from "./fromSpec.js";

/**
 * The spec, in core families and combinators, of what a preset spec builds (its schedule's `core`),
 * or undefined when the schedule keeps none or the spec does not build.
 *
 * @example
 * ```ts
 * coreOf({ type: "optax.cosine_decay_schedule", init_value: 0.1, decay_steps: 10 }); // { type: "cosine", ... }
 * ```
 */
export function coreOf(spec: ScheduleSpec): ScheduleSpec | undefined {
  try {
    return fromSpec(spec).core;
  } catch {
    return undefined;
  }
}
