// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, class LRScheduler: the base class's base_lr,
// its warmup (get_warmup_lr) and its validation, shared by every MXNet scheduler.
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import * as p from "../../params.js";
import { ensure } from "../../params.js";
import type { Schedule } from "../../schedule.js";

const INTEGER = "must be an integer";

/**
 * An integer, as MXNet's `assert isinstance(x, int)`: anything else is a TypeError
 * (`"<name>: max_update must be an integer, got 20.5"`); an integer beyond 2^53 is a RangeError.
 */
export const integer = () =>
  v.pipe(
    v.number(INTEGER),
    v.finite(INTEGER),
    v.integer(INTEGER),
    // Past 2^53 (where integers are no longer exact) a RangeError, with the same message.
    v.check((x) => Math.abs(x) <= Number.MAX_SAFE_INTEGER, INTEGER),
  );

/** `base_lr`, the lr the decay starts from and the warmup ends at. */
export const baseLr = () =>
  v.optional(p.nonNegative("The lr the decay starts from. Defaults to 0.01."), 0.01);

/** The base class's warmup parameters, in its signature order. */
export const warmupShape = {
  warmup_steps: v.optional(
    v.pipe(
      integer(),
      v.check((x) => x >= 0, "must be positive or 0"),
      v.description("The number of warmup updates before the decay; a non-negative integer. Defaults to 0."),
    ),
    0,
  ),
  warmup_begin_lr: v.optional(
    p.nonNegative("The lr at update 0 of the warmup; at most base_lr. Defaults to 0."),
    0,
  ),
  warmup_mode: v.optional(
    p.oneOf(
      ["linear", "constant"],
      'How the warmup goes: "linear" rises from warmup_begin_lr to base_lr, "constant" stays at warmup_begin_lr. Defaults to "linear".',
    ),
    "linear",
  ),
};

/** The base class's parameters after validation. */
export interface LRSchedulerSettings {
  readonly base_lr: number;
  readonly warmup_steps: number;
  readonly warmup_begin_lr: number;
  readonly warmup_mode: "linear" | "constant";
}

/** The base class's cross-parameter check: `ValueError("Base lr has to be higher than warmup_begin_lr")`. */
export function checkWarmup(name: string, o: LRSchedulerSettings): void {
  ensure(
    o.warmup_begin_lr <= o.base_lr,
    name,
    "warmup_begin_lr",
    `must not exceed base_lr (${o.base_lr})`,
    o.warmup_begin_lr,
  );
}

/**
 * MXNet's warmup in front of `decay`: for `t < warmup_steps`, `get_warmup_lr(t)`, that is
 * `warmup_begin_lr + (base_lr - warmup_begin_lr) * t / warmup_steps` ("linear") or
 * `warmup_begin_lr` ("constant"); then `decay`. The ramp ends at `decay(0)`, which is `base_lr` for
 * every MXNet scheduler (to rounding).
 *
 * `clock` says where the decay counts from: `"shared"` when it counts updates from 0, warmup included
 * (FactorScheduler and MultiFactorScheduler catch up at the end of the warmup on every decay that fell
 * inside it), `"after"` when it starts at the end of the warmup (PolyScheduler and CosineScheduler
 * subtract `warmup_steps`).
 */
export function withWarmup(decay: Schedule, o: LRSchedulerSettings, clock: "shared" | "after"): Schedule {
  if (o.warmup_steps === 0) return decay;
  return warmup(decay, {
    steps: o.warmup_steps,
    from: o.warmup_begin_lr,
    mode: o.warmup_mode,
    includeInHorizon: clock === "shared",
  });
}
