/**
 * What every exporter starts from: the schedule, its spec, the number of steps to run, and the
 * closed form or the table fallback.
 *
 * @module
 */
import { isSchedule, type Schedule, type ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import { registry } from "../spec/registry.js";
import { closedForm, hasClosedForm } from "./closedForm.js";
import { ExportError } from "./expr.js";

/** Options of the exporters. */
export interface ExportOptions {
  /**
   * How many steps the generated code runs or prints (`STEPS`); also the bound for closed forms of
   * growing cycles, and what allows a table of values for schedules without a closed form (noise,
   * presets). Defaults to the schedule's horizon, or 100 without one.
   */
  readonly steps?: number;
}

/** A schedule ready to export. */
export interface Resolved<N> {
  readonly schedule: Schedule;
  readonly spec: ScheduleSpec;
  /** Steps to run. */
  readonly steps: number;
  /** The closed form, or undefined when a native call or the table of values stands in for it. */
  readonly form: string | undefined;
  /** The target's native call for the whole schedule, when it has one (then no closed form is made). */
  readonly native: N | undefined;
}

/**
 * Resolves what to export; see {@link ExportOptions}.
 *
 * @param nativeFor - the target's native call for a spec over some steps, or undefined.
 */
export function resolve<N>(
  input: Schedule | ScheduleSpec,
  options: ExportOptions,
  nativeFor: (spec: ScheduleSpec, steps: number) => N | undefined = () => undefined,
): Resolved<N> {
  const schedule = isSchedule(input) ? input : fromSpec(input);
  const spec = schedule.spec;
  const given = options.steps;
  if (given !== undefined && !(Number.isInteger(given) && given > 0)) {
    throw new RangeError(`export: steps must be a positive integer, got ${given}`);
  }
  const h = schedule.horizon;
  const steps = given ?? (h !== undefined && h > 0 && Number.isFinite(h) ? Math.ceil(h) : 100);
  const native = nativeFor(spec, steps);
  if (native !== undefined) return { schedule, spec, steps, form: undefined, native };
  if (hasClosedForm(spec)) {
    try {
      return { schedule, spec, steps, form: closedForm(spec, { steps }), native };
    } catch (e) {
      if (!(e instanceof ExportError) || given === undefined) throw e;
    }
  } else if (given === undefined) {
    throw new ExportError(
      `export: ${describe(spec)} has no closed form; pass steps (--steps N) to export its first N values as a table, ` +
        `or write it with core families and combinators`,
    );
  }
  return { schedule, spec, steps, form: undefined, native };
}

function describe(spec: ScheduleSpec): string {
  const types = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) {
      const t = (v as { type?: unknown }).type;
      const family = typeof t === "string" ? registry.get(t) : undefined;
      const closed =
        family?.preset === undefined
          ? typeof family?.closedForm === "function"
          : hasClosedForm(v as ScheduleSpec);
      if (family !== undefined && !closed) types.add(family.type);
      Object.values(v).forEach(walk);
    }
  };
  walk(spec);
  const list = [...types];
  return list.length === 0
    ? spec.type
    : list.map((t) => (registry.get(t)?.preset === undefined ? t : `the preset ${t}`)).join(", ");
}
