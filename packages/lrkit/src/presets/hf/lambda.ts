// Anchor: huggingface/transformers src/transformers/optimization.py: what its schedules share. Each
// is a torch LambdaLR whose lambda multiplies the optimizer's lr: `base_lr * lr_lambda(step)`.
import * as v from "valibot";
import * as p from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";

/** The optimizer's lr, which HF's lambdas multiply (LambdaLR's `base_lr`). */
export const lrParam = p.nonNegative("The optimizer's learning rate, which HF's LambdaLR multiplier scales.");

/** `num_warmup_steps`. */
export const warmupStepsParam = p.nonNegative("The number of steps for the warmup phase; non-negative.");

/** `num_training_steps`. */
export const trainingStepsParam = p.nonNegative("The total number of training steps; non-negative.");

/** `num_cycles` of the cosine schedules: the number of waves over the decay (0.5 is a half cosine). */
export const numCyclesParam = v.optional(
  p.number(
    "The number of waves of the cosine over the decay; 0.5 decreases from lr to the floor. Defaults to 0.5.",
  ),
  0.5,
);

/** HF's linear warmup multiplier, `float(current_step) / float(max(1, num_warmup_steps))`. */
function warmupFactor(t: number, num_warmup_steps: number): number {
  return t / Math.max(1, num_warmup_steps);
}

/**
 * HF's floor on a multiplier in [0, 1], `max(0.0, factor * (1.0 - ratio) + ratio)`: 1 stays 1 and
 * 0 becomes `ratio` (`min_lr_rate` of the cosine schedules, `min_lr_ratio` of the WSD one).
 */
export function withFloor(factor: number, ratio: number): number {
  return Math.max(0, factor * (1 - ratio) + ratio);
}

/**
 * A HF schedule as lrkit sees it: `lr * lr_lambda(t)`, exactly LambdaLR's `base_lr * lmbda(step)`,
 * with the spec of the HF function that made it.
 *
 * The lambdas are HF's closed forms, transcribed in HF's operation order, rather than compositions of
 * the core `linear` / `cosine` / `polynomial`: HF's `max(1, num_training_steps - num_warmup_steps)`
 * and `max(0, ...)` clamps, its cosine running on past the end, and its divisions (linear divides the
 * steps left, where the core subtracts the progress and loses precision near the end of long runs)
 * would each need a special case in a composition and still differ in the last digits.
 */
export function lambdaSchedule(
  name: string,
  options: object,
  lr: number,
  lrLambda: (t: number) => number,
  horizon?: number,
): Schedule {
  // A NaN step gives NaN, whatever the lambda makes of it (x ** 0 is 1, comparisons are false).
  return define((t) => (t === t ? lr * lrLambda(t) : NaN), specOf(name, options), { horizon });
}

/**
 * A HF schedule with HF's linear warmup: `lr * t / max(1, w)` for `t < w = num_warmup_steps`, then
 * `lr * afterWarmup(t)`, with the horizon `max(w, num_training_steps)`. The shape of the
 * `get_*_schedule_with_warmup` functions whose warmup starts at 0.
 */
export function warmupLambdaSchedule(
  name: string,
  options: object,
  o: { readonly lr: number; readonly num_warmup_steps: number; readonly num_training_steps: number },
  afterWarmup: (t: number) => number,
): Schedule {
  const { lr, num_warmup_steps: w, num_training_steps: T } = o;
  return lambdaSchedule(
    name,
    options,
    lr,
    (t) => (t < w ? warmupFactor(t, w) : afterWarmup(t)),
    Math.max(w, T),
  );
}
