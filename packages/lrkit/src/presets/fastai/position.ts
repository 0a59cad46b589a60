// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// sched_lin, sched_cos, sched_no, sched_exp, SchedPoly and ParamScheduler; and
// fastai/callback/core.py TrainEvalCallback, which advances the position.
/**
 * fastai's schedules are functions of the training position `pos` in [0, 1], not of the step.
 * `ParamScheduler.before_batch` evaluates them at `Learner.pct_train`, which `TrainEvalCallback`
 * sets to `epoch / n_epoch` before each epoch and grows by `1 / (n_iter * n_epoch)` after each
 * training batch: the batch numbered t of a run of `steps` batches sees `pos = t / steps` (up to a
 * few ulps of accumulated rounding). This module holds fastai's position functions verbatim and the
 * mapping `pos = min(t, steps) / steps` of lrkit's steps onto them.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { correctlyRoundedPow } from "../correctlyRoundedPow.js";

/** A fastai schedule: a function of the position `pos` in [0, 1] of training. */
export type PositionFunction = (pos: number) => number;

/** fastai's `sched_lin`: `start + pos*(end-start)`. */
export function schedLin(start: number, end: number, pos: number): number {
  return start + pos * (end - start);
}

/**
 * fastai's `sched_cos`: `start + (1 + cos(pi*(1-pos))) * (end-start) / 2`, in fastai's operation
 * order (the core cosine and one-cycle use other forms, equal only up to rounding).
 */
export function schedCos(start: number, end: number, pos: number): number {
  return start + ((1 + Math.cos(Math.PI * (1 - pos))) * (end - start)) / 2;
}

/**
 * fastai's `sched_exp`: `start * (end/start) ** pos`, with CPython's correctly rounded `**` (see
 * {@link correctlyRoundedPow}).
 */
export function schedExp(start: number, end: number, pos: number): number {
  return start * correctlyRoundedPow(end / start, pos);
}

/**
 * The inner function of fastai's `SchedPoly`: `start + (end - start) * pos ** power`, with
 * CPython's correctly rounded `**`.
 */
export function schedPoly(start: number, end: number, power: number, pos: number): number {
  return start + (end - start) * correctlyRoundedPow(pos, power);
}

/**
 * The `steps` parameter that the fastai presets add: fastai's schedules have no length, lrkit's
 * steps need one.
 */
export function stepsParam() {
  return v.optional(
    p.positiveInt(
      "lrkit's addition, the one parameter fastai does not have: the total number of iterations " +
        "(fastai's n_epoch * n_iter); step t is fastai's pos = t / steps, held at pos = 1 from t = steps on. " +
        "Defaults to 1, so that schedule(pos) is fastai's function of pos itself.",
    ),
    1,
  );
}

/**
 * The schedule of step `t` for a fastai function of pos run over `steps` steps:
 * `f(min(t, steps) / steps)`. Past the end it holds `f(1)`; a NaN step gives `f(NaN)`.
 */
export function overSteps(f: PositionFunction, steps: number): (t: number) => number {
  return (t) => f(Math.min(t, steps) / steps);
}

const positions = new WeakMap<Schedule, PositionFunction>();

/**
 * Records `f` as the fastai function of pos behind schedule `s` (what `combine_scheds` runs over a
 * phase) and returns `s`.
 */
export function withPosition(s: Schedule, f: PositionFunction): Schedule {
  positions.set(s, f);
  return s;
}

/**
 * The function of pos that `combine_scheds` runs over a phase: for a fastai preset, fastai's own
 * function of pos (its `steps` does not matter; the position is not clamped, as in fastai); for any
 * other schedule with a horizon `h`, `pos => s(pos * h)`; `undefined` for a schedule without one.
 */
export function positionFunction(s: Schedule): PositionFunction | undefined {
  const own = positions.get(s);
  if (own) return own;
  const h = s.horizon;
  return h === undefined ? undefined : (pos) => s(pos * h);
}
