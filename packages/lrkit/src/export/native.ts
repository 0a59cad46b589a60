/**
 * The native call of a spec in a target framework, read from the registry: the entry's own mapping
 * (a preset's anchor call in its own framework), else, for a preset, its core composition's.
 *
 * @module
 */
import type { ScheduleSpec } from "../schedule.js";
import { coreOf } from "../spec/core.js";
import type { NativeContext, Natives } from "../spec/family.js";
import { fromSpec } from "../spec/fromSpec.js";
import { registry } from "../spec/registry.js";
import { optionsOf } from "./options.js";

/** A target with native mappings. */
export type NativeTarget = keyof Natives<unknown>;

/** What a target's mapping returns. */
export type NativeOf<T extends NativeTarget> = NonNullable<ReturnType<NonNullable<Natives<unknown>[T]>>>;

/**
 * The native call of `spec` in `target` over `steps` steps, or undefined when the framework has
 * none that gives the same values.
 *
 * @param optax - the Optax expression of a nested spec (Optax's join takes schedules).
 */
export function nativeOf<T extends NativeTarget>(
  spec: ScheduleSpec,
  target: T,
  steps: number,
  optax: (spec: ScheduleSpec) => string = () => "",
): NativeOf<T> | undefined {
  const family = registry.get(spec.type);
  if (family === undefined) return undefined;
  const natives = family.preset === undefined ? family.native : family.preset.native;
  const context: NativeContext = { spec, steps, build: fromSpec, options: optionsOf, optax };
  const own = natives?.[target]?.(optionsOf(spec), context) as NativeOf<T> | undefined;
  if (own !== undefined || family.preset === undefined) return own;
  const core = coreOf(spec);
  return core === undefined ? undefined : nativeOf(core, target, steps, optax);
}
