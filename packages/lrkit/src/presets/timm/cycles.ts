// Anchor: huggingface/pytorch-image-models timm/scheduler/cosine_lr.py, tanh_lr.py, poly_lr.py:
// the cycle arithmetic the three share (t_initial, cycle_mul, cycle_decay, cycle_limit, lr_min).
import * as v from "valibot";
import { cycleStart, locateCycle } from "../../families/math.js";
import * as p from "../../params.js";
import { ensure } from "../../params.js";

/** The cycle parameters of timm's cosine, tanh and poly schedulers, in their signature order. */
export const cycleShape = {
  cycle_mul: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 1, "must be at least 1"),
      v.description("Each cycle is cycle_mul times longer than the previous one. Defaults to 1.0."),
    ),
    1.0,
  ),
  cycle_decay: v.optional(
    p.nonNegative("The peak of cycle i is lr * cycle_decay ** i (lr_min stays). Defaults to 1.0."),
    1.0,
  ),
  cycle_limit: v.optional(
    p.nonNegativeInt("Cycles to run; from the end of the last one the lr is lr_min. Defaults to 1."),
    1,
  ),
};

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
 * limit) does not fit; the cycle is located with the core's `locateCycle`.
 *
 * timm locates the cycle with `floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))`, which
 * rounds an exact cycle start into the previous cycle for some multipliers (cycle_mul = 3 at
 * t = 121, cycle_mul = 10 at t = 111 with glibc: there timm gives the end of the old cycle instead of
 * the restart). That depends on the platform's `log`; lrkit restarts exactly at every cycle start.
 */
export function timmCycles(o: CycleOptions, shape: CycleShape): (t: number) => number {
  const { lr, t_initial, cycle_mul, cycle_decay, cycle_limit, lr_min } = o;
  return (t) => {
    const { cycle, offset, length } = locateCycle(t, t_initial, cycle_mul);
    if (cycle >= cycle_limit) return lr_min;
    return shape(lr * cycle_decay ** cycle, lr_min, offset, length);
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
