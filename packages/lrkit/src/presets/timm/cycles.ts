// Anchor: huggingface/pytorch-image-models timm/scheduler/cosine_lr.py, tanh_lr.py, poly_lr.py:
// the cycle arithmetic the three share (t_initial, cycle_mul, cycle_decay, cycle_limit, lr_min).
import * as v from "valibot";
import { cycleStart, floorDiv } from "../../families/math.js";
import * as p from "../../params.js";
import { ensure } from "../../params.js";
import { floorLogRatio } from "../floorLogRatio.js";

/** The cycle parameters of timm's cosine, tanh and poly schedulers, in their signature order. */
export const cycleShape = {
  cycle_mul: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 1, "must be at least 1"),
      v.description(
        "Each cycle is cycle_mul times longer than the previous one; at least 1. Defaults to 1.0.",
      ),
    ),
    1.0,
  ),
  cycle_decay: v.optional(
    p.nonNegative("The peak of cycle i is lr * cycle_decay ** i (lr_min stays). Defaults to 1.0."),
    1.0,
  ),
  cycle_limit: v.optional(
    p.nonNegativeInt(
      "Cycles to run, a non-negative integer; from the end of the last one the lr is lr_min. Defaults to 1.",
    ),
    1,
  ),
};

/** The positional order of {@link cycleShape}'s parameters, after `lr_min`. */
export const cycleOrder = ["cycle_mul", "cycle_decay", "cycle_limit"] as const;

/** The parsed cycle options. */
export interface CycleOptions {
  readonly lr: number;
  readonly t_initial: number;
  readonly lr_min: number;
  readonly cycle_mul: number;
  readonly cycle_decay: number;
  readonly cycle_limit: number;
}

/** The shape of one cycle: the lr at `tCurr` of `tI` steps, between `lrMax` and `lrMin`. */
export type CycleShape = (lrMax: number, lrMin: number, tCurr: number, tI: number) => number;

/**
 * timm's cycles: cycle `i` lasts `t_i = t_initial * cycle_mul ** i` steps and peaks at
 * `lr * cycle_decay ** i`; from cycle `cycle_limit` on the lr is `lr_min`. Only the peak decays, so
 * the core `repeat` (which scales the whole cycle, floor included, and holds its last value after the
 * limit) does not fit.
 *
 * The cycle is located as timm's `_get_lr` does, not as the core `sgdr` does:
 * `i = floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))` and
 * `t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial` (`t // t_initial` for
 * `cycle_mul = 1`). Its logarithm puts some exact cycle starts in the cycle before (`t_initial = 2,
 * cycle_mul = 3` at t = 242: `log(243, 3)` is 4.999999999999999 with glibc), where timm gives the end
 * of the old cycle, `t_curr = t_i`, instead of the restart; lrkit reproduces it with glibc's
 * rounding (see {@link floorLogRatio}).
 */
export function timmCycles(o: CycleOptions, shape: CycleShape): (t: number) => number {
  const { lr, t_initial, cycle_mul, cycle_decay, cycle_limit, lr_min } = o;
  return (t) => {
    let i: number;
    let t_i = t_initial;
    let t_curr: number;
    if (cycle_mul !== 1) {
      i = floorLogRatio(1 - (t / t_initial) * (1 - cycle_mul), cycle_mul);
      t_i = cycle_mul ** i * t_initial;
      t_curr = t - ((1 - cycle_mul ** i) / (1 - cycle_mul)) * t_initial;
    } else {
      i = floorDiv(t, t_initial);
      t_curr = t - t_initial * i;
    }
    if (!(i < cycle_limit)) return Number.isNaN(i) ? NaN : lr_min;
    return shape(lr * cycle_decay ** i, lr_min, t_curr, t_i);
  };
}

/**
 * Where the cycles end, on the schedule's own clock: the exact value of timm's `get_cycle_length()`
 * without the warmup (timm floors it when cycle_mul != 1, and counts at least one cycle).
 */
export function cyclesEnd(o: CycleOptions): number {
  return o.cycle_limit === 0 ? 0 : cycleStart(o.cycle_limit, o.t_initial, o.cycle_mul);
}

/** timm asserts `lr_min >= 0`; lrkit also requires the floor not to exceed the base lr. */
export function ensureFloor(name: string, o: CycleOptions): void {
  ensure(o.lr_min <= o.lr, name, "lr_min", `must not exceed lr (${o.lr})`, o.lr_min);
}
