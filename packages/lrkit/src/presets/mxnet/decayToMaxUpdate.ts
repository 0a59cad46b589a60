// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, PolyScheduler and CosineScheduler: what the two
// share, a decay that reaches final_lr at max_update, warmup included.
import * as v from "valibot";
import { ensure } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { checkWarmup, integer, withWarmup, type LRSchedulerSettings } from "./lrScheduler.js";

/** `max_update` of PolyScheduler and CosineScheduler: an int >= 1. */
export const maxUpdate = () =>
  v.pipe(
    integer(),
    v.check((x) => x >= 1, "must be strictly positive"),
    v.description(
      "The update at which the lr reaches final_lr, warmup included; held after. An integer >= 1, greater than warmup_steps.",
    ),
  );

/**
 * `warmup_steps < max_update`: MXNet divides by zero when they are equal and never decays when the
 * warmup is longer (d2l's CosineScheduler, a copy of MXNet's, likewise).
 *
 * @throws RangeError otherwise.
 */
export function ensureWarmupBeforeMaxUpdate(
  name: string,
  o: { readonly warmup_steps: number; readonly max_update: number },
): void {
  ensure(
    o.warmup_steps < o.max_update,
    name,
    "warmup_steps",
    `must be less than max_update (${o.max_update})`,
    o.warmup_steps,
  );
}

/**
 * A decay over the `max_update - warmup_steps` updates after MXNet's warmup (its clock starts at the
 * end of the warmup), after the base class's check and {@link ensureWarmupBeforeMaxUpdate}, with the
 * spec of the scheduler `name`.
 *
 * @param decay - the decay, given its length.
 * @throws RangeError for `warmup_begin_lr > base_lr` or `warmup_steps >= max_update`.
 */
export function decayToMaxUpdate(
  name: string,
  options: object,
  o: LRSchedulerSettings & { readonly max_update: number },
  decay: (steps: number) => Schedule,
): Schedule {
  checkWarmup(name, o);
  ensureWarmupBeforeMaxUpdate(name, o);
  const inner = withWarmup(decay(o.max_update - o.warmup_steps), o, "after");
  return relabel(inner, specOf(name, options));
}
