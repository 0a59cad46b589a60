/**
 * A {@link Scheduler} checkpoint from outside (a file, another process) checked before it is
 * trusted: the spec's shape, and a state that this spec could have reached.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "./params.js";
import { ensure, parseParams, typeError } from "./params.js";
import { plateau, type PlateauState } from "./plateau.js";
import type { Schedule } from "./schedule.js";
import type { SchedulerSpec, SchedulerState } from "./scheduler.js";
import { fromSpec } from "./spec/fromSpec.js";
import { SpecError } from "./spec/specError.js";

const FN = "Scheduler.restore";

const plateauState = v.strictObject({
  best: v.union(
    [v.number(), v.picklist(["Infinity", "-Infinity", "NaN"])],
    'must be a number or "Infinity", "-Infinity", "NaN"',
  ),
  badEpochs: p.nonNegativeInt(),
  cooldown: p.nonNegativeInt(),
  scale: p.unit(),
  epochs: p.nonNegativeInt(),
});

const checkpoint = v.strictObject({
  state: v.strictObject({ step: p.nonNegativeInt(), plateau: v.optional(plateauState) }),
});

/**
 * The schedules of a checkpoint's spec, built: `spec.schedules` must be an object with an `lr`
 * spec; a spec's error names its place (`spec.schedules.lr.steps`).
 *
 * @throws TypeError for a spec that is not a scheduler spec; {@link SpecError} for a bad schedule.
 */
export function restoreSchedules(spec: SchedulerSpec): Record<string, Schedule> {
  const schedules = (spec as Partial<SchedulerSpec> | null)?.schedules;
  if (typeof spec !== "object" || spec === null || typeof schedules !== "object" || schedules === null) {
    return typeError(
      FN,
      "spec",
      'must be a scheduler spec ({ schedules: { lr: ... } }), as "scheduler.spec" gives',
      spec,
    );
  }
  if (!Object.hasOwn(schedules, "lr"))
    return typeError(FN, "spec.schedules.lr", "must be a schedule spec", undefined);
  return Object.fromEntries(
    Object.entries(schedules).map(([name, s]) => {
      try {
        return [name, fromSpec(s)];
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        throw new SpecError(`spec.schedules.${name}${e.path.slice(1)}`, e.reason, { cause: e.cause });
      }
    }),
  );
}

/**
 * A checkpoint's state, checked against its spec: `step` a non-negative integer, and a plateau
 * state exactly when the spec has a plateau policy, with every field in its range and consistent
 * with the policy (`badEpochs <= patience`, `cooldown <= cooldown`).
 *
 * @throws ParameterTypeError or ParameterRangeError naming the field (`state.plateau.scale`).
 */
export function checkState(spec: SchedulerSpec, given: unknown): SchedulerState {
  const checked = parseParams(FN, checkpoint, { state: given }).state as SchedulerState;
  if (spec.plateau === undefined) {
    ensure(
      checked.plateau === undefined,
      FN,
      "state.plateau",
      "absent (the spec has no plateau policy)",
      checked.plateau,
    );
    return checked;
  }
  const saved: PlateauState | undefined = checked.plateau;
  if (saved === undefined)
    return typeError(FN, "state.plateau", "required by the spec's plateau policy", undefined);
  const { patience, cooldown } = plateau(spec.plateau).options;
  ensure(
    saved.badEpochs <= patience,
    FN,
    "state.plateau.badEpochs",
    `at most patience (${patience})`,
    saved.badEpochs,
  );
  ensure(
    saved.cooldown <= cooldown,
    FN,
    "state.plateau.cooldown",
    `at most the policy's cooldown (${cooldown})`,
    saved.cooldown,
  );
  return checked;
}
