/**
 * A schedule (or every schedule of a Scheduler) sized to the run a callback is in.
 *
 * @module
 */
import { fromSpec, isSchedule, Scheduler, withHorizon, type Schedule } from "lrkit";

/**
 * `source` with its horizon moved to `steps` (see lrkit's `withHorizon`): a Schedule is rescaled; a
 * Scheduler is rebuilt from its spec with its `lr` schedule rescaled, and every other schedule that
 * has a horizon too (a constant momentum has none to move), at step 0 (the caller restores its
 * state).
 *
 * @param fn - the calling function, named in errors.
 * @param source - an lrkit Schedule or Scheduler.
 * @param steps - the run's length in the unit the schedule is stepped in.
 * @throws TypeError, naming the schedule, when one cannot be rescaled (a preset, no horizon): its
 *   `cause` is `withHorizon`'s error.
 * @example
 * ```ts
 * stretchToRun("scheduleCallback", cosine({ lr: 0.1, steps: 100 }), 390).spec; // cosine of 390 steps
 * ```
 */
export function stretchToRun(fn: string, source: Schedule | Scheduler, steps: number): Schedule | Scheduler {
  const stretch = (schedule: Schedule, what: string): Schedule => {
    try {
      return withHorizon(schedule, steps);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new TypeError(`${fn}: horizon "fit" cannot size ${what} to this run's ${steps} steps: ${why}`, {
        cause: e,
      });
    }
  };
  if (isSchedule(source)) return stretch(source, "the schedule");
  const spec = source.spec;
  const schedules = Object.fromEntries(
    Object.entries(spec.schedules).map(([name, s]) => {
      const schedule = fromSpec(s);
      const moves = name === "lr" || (schedule.horizon ?? 0) > 0;
      return [name, moves ? stretch(schedule, `the Scheduler's "${name}" schedule`) : schedule];
    }),
  );
  return new Scheduler(schedules, spec.plateau === undefined ? {} : { plateau: spec.plateau });
}
