/**
 * The core composition of a preset, read from its spec.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { fromSpec } from "./fromSpec.js";

/** The cores of frozen specs (a schedule's spec and every spec inside it are frozen): built once. */
const cores = new WeakMap<ScheduleSpec, ScheduleSpec | undefined>();

/**
 * The spec, in core families and combinators, of what a preset spec builds (its schedule's `core`),
 * or undefined when the schedule keeps none (a preset written as its own closure) or the spec does
 * not build.
 *
 * @example
 * ```ts
 * coreOf({ type: "d2l.MultiFactorScheduler", step: [10, 20], factor: 0.5, base_lr: 0.1 }); // { type: "multiStep", ... }
 * ```
 */
export function coreOf(spec: ScheduleSpec): ScheduleSpec | undefined {
  if (cores.has(spec)) return cores.get(spec);
  let core: ScheduleSpec | undefined;
  try {
    core = fromSpec(spec).core;
  } catch {
    core = undefined;
  }
  if (Object.isFrozen(spec)) cores.set(spec, core);
  return core;
}
