/**
 * A schedule stretched (or shrunk) to the length of a run.
 *
 * @module
 */
import { rangeError, show, typeError } from "../params.js";
import { isSchedule, type Schedule, type ScheduleSpec } from "../schedule.js";
import { fromSpec, isSpec } from "./fromSpec.js";
import { extendSpec, scaleSpec } from "./rewrite.js";

const NAME = "withHorizon";

/** The innermost part of `spec` that `scaleSpec` cannot rewrite: the type to size by hand. */
function culprit(spec: ScheduleSpec): string {
  for (const value of Object.values(spec)) {
    const parts = isSpec(value) ? [value] : Array.isArray(value) ? value.filter(isSpec) : [];
    for (const part of parts) if (scaleSpec(part, 1) === undefined) return culprit(part);
  }
  return spec.type;
}

/**
 * The schedule one would have written by hand for a run of `steps` steps: `schedule`'s spec with
 * every step count multiplied by `steps / schedule.horizon` (counts that were integers are rounded,
 * so a warmup of 5 steps becomes a whole number of steps), then its horizon moved to exactly
 * `steps` (the last part absorbs what the rounding left), rebuilt with `fromSpec`. The result is a
 * proper schedule with its own spec (serializable, lint-able, exportable), and
 * `result.horizon === steps`. A schedule whose horizon is already `steps` is returned as it is.
 *
 * This is how a callback that knows the run (`fit`'s epochs and batches per epoch) sizes a schedule
 * written for another length, instead of the user sizing it by hand.
 *
 * @param schedule - a schedule with a positive horizon, whose spec holds only rewritable parts
 *   (core families and combinators, and presets through their core composition, which the result
 *   is written in; not presets that are their own closures, a cyclic `exp_range` or a formula of
 *   iterations).
 * @param steps - the length of the run, in the unit the schedule is stepped in; a positive integer.
 * @returns a schedule with `horizon === steps`.
 * @throws RangeError when `steps` is not a positive integer. TypeError when `schedule` is not a
 *   schedule, has no positive horizon (exponential decay, a constant), or holds a part whose step
 *   counts cannot be rescaled (a preset such as `timm.CosineLRScheduler`, a cyclic `exp_range`), or
 *   whose last part cannot absorb the rounding: size such a schedule by hand.
 * @example
 * ```ts
 * withHorizon(cosine({ lr: 0.1, steps: 100 }), 390).spec; // { type: "cosine", lr: 0.1, steps: 390 }
 * withHorizon(warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 }), 390).spec;
 * // warmup of 20 steps (5 x 3.9 rounded), then a cosine of 370: horizon 390
 * ```
 * @see Optax's and timm's convention that a schedule is built for the run's total step count;
 *   Keras' `CosineDecay(decay_steps=epochs * steps_per_epoch)`.
 */
export function withHorizon(schedule: Schedule, steps: number): Schedule {
  if (!isSchedule(schedule)) typeError(NAME, "schedule", "must be a schedule", schedule);
  if (typeof steps !== "number") typeError(NAME, "steps", "must be a positive integer", steps);
  if (!Number.isInteger(steps) || steps <= 0) rangeError(NAME, "steps", "must be a positive integer", steps);
  const H = schedule.horizon;
  const type = JSON.stringify(schedule.spec.type);
  if (H === undefined)
    throw new TypeError(
      `${NAME}: schedule must have a horizon to stretch, got a schedule of type ${type}, which has none`,
    );
  if (!(H > 0))
    throw new TypeError(
      `${NAME}: schedule must have a positive horizon to stretch, got a schedule of type ${type} with horizon ${H}`,
    );
  if (H === steps) return schedule;
  const scaled = scaleSpec(schedule.spec, steps / H);
  if (scaled === undefined) {
    const part = culprit(schedule.spec);
    const what = part === schedule.spec.type ? `a ${type} schedule` : `its ${JSON.stringify(part)} part`;
    throw new TypeError(
      `${NAME}: schedule must be sized by hand for ${steps} steps: ${what} has step counts lrkit cannot ` +
        `rescale, got ${show(schedule.spec)}`,
    );
  }
  const horizon = fromSpec(scaled).horizon;
  const exact =
    horizon === steps ? scaled : horizon === undefined ? undefined : extendSpec(scaled, steps - horizon);
  const result = exact === undefined ? undefined : fromSpec(exact);
  if (result?.horizon !== steps)
    throw new TypeError(
      `${NAME}: schedule must be sized by hand for ${steps} steps: rescaled, its horizon is ${horizon}, and ` +
        `the last part of a ${type} schedule cannot absorb the difference, got ${show(schedule.spec)}`,
    );
  return result;
}
