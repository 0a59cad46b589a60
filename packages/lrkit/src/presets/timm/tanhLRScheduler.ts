// Anchor: huggingface/pytorch-image-models timm/scheduler/tanh_lr.py, TanhLRScheduler.
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { timmCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cycleOrder, cyclesEnd, cycleShape, ensureFloor, timmCycles } from "./cycles.js";
import { lrParam, noiseShape, timmSchedule, warmupNoiseOrder, warmupShape } from "./scheduler.js";
import type { TanhLRSchedulerOptions } from "./options.generated.js";

export type { TanhLRSchedulerOptions };

const NAME = "timm.TanhLRScheduler";

const params = v.strictObject({
  lr: lrParam,
  t_initial: p.positive("The length of the first cycle; positive."),
  lb: v.optional(p.number("The tanh argument at the start of a cycle. Defaults to -7.0."), -7.0),
  ub: v.optional(p.number("The tanh argument at the end of a cycle; above lb. Defaults to 3.0."), 3.0),
  lr_min: v.optional(
    p.nonNegative("The floor of every cycle and the lr after the last; at most lr. Defaults to 0."),
    0,
  ),
  ...cycleShape,
  ...warmupShape(false),
  ...noiseShape,
});

/**
 * timm's `TanhLRScheduler`: hyperbolic-tangent decay (Hsueh et al., 2019) with restarts, warmup and
 * noise. In cycle `i` (length `t_i = t_initial * cycle_mul ** i`, `tr = t_curr / t_i`) the lr is
 * `lr_min + 0.5 * (lr * cycle_decay ** i - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))`, and
 * `lr_min` after `cycle_limit` cycles: the core {@link tanh} per cycle, in timm's cycles.
 *
 * The warmup rises linearly from `warmup_lr_init` over `warmup_t` steps, to `lr` with
 * `warmup_prefix` (the cycles then start after it), and without it (the default) to the tanh's own
 * value at `warmup_t`, which is where the cycles, counted from step 0, continue: unlike timm's other
 * schedulers there is no jump. Noise as in {@link CosineLRScheduler}.
 *
 * @param options - timm's parameters: see {@link TanhLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for `ub <= lb` (timm asserts `lb < ub`), a non-positive `t_initial`, `lr_min > lr`.
 * @example
 * ```ts
 * const s = TanhLRScheduler({ lr: 0.1, t_initial: 20, lr_min: 1e-4 });
 * [s(0), s(10), s(20)]; // [0.09999992, 0.0982, 1e-4]
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/tanh_lr.py`; Hsueh et al., "Stochastic
 *   Gradient Descent with Hyperbolic-Tangent Decay", WACV 2019.
 */
export function TanhLRScheduler(options: TanhLRSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensure(o.ub > o.lb, NAME, "ub", `must exceed lb (${o.lb})`, o.ub);
  ensureFloor(NAME, o);
  const { lb, ub } = o;
  const body = timmCycles(o, (lrMax, lrMin, tCurr, tI) => {
    const tr = tCurr / tI;
    return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1 - tr) + ub * tr));
  });
  // timm: warmup_steps from `base_values if warmup_prefix else _get_lr(warmup_t)`.
  const target = o.warmup_prefix ? o.lr : body(o.warmup_t);
  return timmSchedule(NAME, options, o, { body, target, horizon: cyclesEnd(o) });
}

/** Registry entry of {@link TanhLRScheduler}. */
export const TanhLRSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "timm TanhLRScheduler: warmup, hyperbolic-tangent decay cycles with restarts and noise.",
  example: "timm.TanhLRScheduler(0.1, 50, lr_min=1e-4, warmup_t=5, warmup_lr_init=1e-4)",
  params,
  // Positional: timm's signature with `lr` for `optimizer`, without t_in_epochs and initialize.
  positional: ["lr", "t_initial", "lb", "ub", "lr_min", ...cycleOrder, ...warmupNoiseOrder],
  create: (o) => TanhLRScheduler(o),
  preset: { anchor: "timm", native: { pytorch: (_, context) => timmCall(context) } },
});
