/**
 * The Schedule type: a pure function of the step that carries its own JSON spec.
 *
 * @module
 */

/** A JSON value. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * A schedule as data: its `type` (a registered family, combinator or preset, e.g. `"cosine"` or
 * `"d2l.CosineScheduler"`) and its parameters, nested specs included.
 * `fromSpec(JSON.parse(JSON.stringify(s.spec)))` behaves exactly like `s`.
 */
export interface ScheduleSpec {
  readonly type: string;
  readonly [param: string]: Json;
}

/**
 * A learning-rate schedule: `schedule(t)` is the value for step `t = 0, 1, 2, ...` (completed updates,
 * in whatever unit the caller steps: batches or epochs).
 *
 * Evaluation is closed form: any step can be asked in any order, and asking twice gives the same
 * answer. A NaN step gives NaN; nothing throws after construction.
 */
export interface Schedule {
  (step: number): number;
  /** How the schedule was made, as plain JSON. */
  readonly spec: ScheduleSpec;
  /**
   * The step from which the schedule stops changing (or starts repeating, for periodic schedules),
   * when it has one: a cosine's `steps`, the end of a one-cycle, the last boundary of a join.
   * Absent for schedules without an end, such as exponential decay.
   */
  readonly horizon?: number;
  /**
   * The core composition of a preset: the spec, in core families and combinators, of the schedule
   * it is built from (`spec` holds the anchor's parameters). Lint and the exporters look into it.
   * Absent for the core's own schedules.
   */
  readonly core?: ScheduleSpec;
}

/** What a factory knows about its schedule besides the spec. */
export interface ScheduleInfo {
  /** See {@link Schedule.horizon}. */
  readonly horizon?: number | undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Turns a function of the step into a {@link Schedule} carrying `spec`. Factories use it; a spec
 * must name a registered type for `fromSpec` to rebuild it.
 *
 * @param fn - a fresh function of the step (it is returned, decorated, not copied).
 * @param spec - the schedule's spec; frozen deeply.
 * @param info - optional facts such as the horizon.
 * @throws TypeError when `fn` is already a schedule.
 * @example
 * ```ts
 * const half = define((t) => 0.5, { type: "constant", lr: 0.5 });
 * ```
 */
export function define(fn: (step: number) => number, spec: ScheduleSpec, info: ScheduleInfo = {}): Schedule {
  if (isSchedule(fn)) throw new TypeError("define: fn is already a schedule; pass a fresh function");
  const properties: PropertyDescriptorMap = { spec: { value: deepFreeze(spec), enumerable: true } };
  if (info.horizon !== undefined) properties.horizon = { value: info.horizon, enumerable: true };
  return Object.defineProperties(fn, properties) as Schedule;
}

/** True when `value` is a {@link Schedule}. */
export function isSchedule(value: unknown): value is Schedule {
  return typeof value === "function" && "spec" in value;
}

/**
 * The values of `schedule` at steps `start, start + 1, ..., start + n - 1`.
 *
 * @param schedule - the schedule to sample.
 * @param n - how many steps; a non-negative integer.
 * @param start - the first step. Defaults to 0.
 * @throws RangeError when `n` is not a non-negative integer.
 * @example
 * ```ts
 * sample(cosine({ lr: 0.3, steps: 30 }), 31); // Float64Array of 31 values, 0.3 down to 0
 * ```
 */
export function sample(schedule: Schedule, n: number, start = 0): Float64Array {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sample: n must be a non-negative integer, got ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = schedule(start + i);
  return out;
}

/**
 * The spec of a schedule built by factory `type` from `options`: the options as given, without
 * undefined entries, with nested schedules replaced by their specs.
 */
export function specOf(type: string, options: object): ScheduleSpec {
  const spec: Record<string, Json> = { type };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) spec[key] = toJson(value);
  }
  return spec as ScheduleSpec;
}

function toJson(value: unknown): Json {
  if (isSchedule(value)) return value.spec;
  if (Array.isArray(value)) return value.map(toJson);
  return value as Json;
}

/**
 * The same values as `schedule` under another spec: how a preset built from core families and
 * combinators presents itself as its anchor's type, keeping that composition as its `core`. The
 * horizon is kept unless `info` says otherwise.
 *
 * @example
 * ```ts
 * const s = relabel(warmup(cosine({ lr: 0.3, steps: 15 }), { steps: 5 }), specOf("d2l.CosineScheduler", options));
 * ```
 */
export function relabel(
  schedule: Schedule,
  spec: ScheduleSpec,
  info: ScheduleInfo = { horizon: schedule.horizon },
): Schedule {
  const relabelled = define((t) => schedule(t), spec, info);
  // A closure already labelled with the same type (a preset's own formula) is no composition.
  const core = schedule.spec.type === spec.type ? schedule.core : schedule.spec;
  return core === undefined
    ? relabelled
    : Object.defineProperty(relabelled, "core", { value: core, enumerable: true });
}
