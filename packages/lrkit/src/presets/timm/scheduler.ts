// Anchor: huggingface/pytorch-image-models timm/scheduler/scheduler.py, class Scheduler: what the
// base class adds to every timm schedule (the warmup of the subclasses, and the noise).
import * as v from "valibot";
import { noise } from "../../compose/noise.js";
import * as p from "../../params.js";
import { ensure } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";

/** The base lr, in place of timm's `optimizer` (timm schedules the param group's `initial_lr`). */
export const lrParam = p.nonNegative(
  "The optimizer's learning rate (the param group's initial_lr), which timm schedules.",
);

/** timm's warmup parameters; `warmup_prefix` defaults differ between the schedulers. */
export function warmupShape(prefix: boolean) {
  return {
    warmup_t: v.optional(p.nonNegative("Steps of linear warmup; 0 means none. Defaults to 0."), 0),
    warmup_lr_init: v.optional(p.nonNegative("The lr at step 0 of the warmup. Defaults to 0."), 0),
    warmup_prefix: v.optional(
      p.boolean(
        `True: the schedule starts after the warmup; false: the warmup covers its first warmup_t steps. Defaults to ${prefix ? "True" : "False"}.`,
      ),
      prefix,
    ),
  };
}

const isStepOrSteps = (x: unknown) =>
  Number.isFinite(x) || (Array.isArray(x) && x.every((step) => Number.isFinite(step)));

/** timm's noise parameters (`t_in_epochs` sits between warmup and noise in timm; lrkit has no unit). */
export const noiseShape = {
  noise_range_t: v.nullish(
    v.pipe(
      // One check rather than v.union([p.number(), p.numbers()]): for Infinity or [Infinity], valibot's
      // union gives the finite check's message of the option of that type, not this one.
      v.custom<number | number[]>(isStepOrSteps, "must be a step or a [start, end) pair of steps"),
      // What the check lets through, as a schema (for the generated options interfaces).
      v.union([v.number(), v.array(v.number())]),
      v.description(
        "Noise for t >= this step, or for start <= t < end given [start, end]. Defaults to None: no noise.",
      ),
    ),
  ),
  noise_pct: v.optional(
    p.positive(
      "Noise draws are kept within (-noise_pct, noise_pct) by rejection; at least 0.01 when there is noise. Defaults to 0.67.",
    ),
    0.67,
  ),
  noise_std: v.optional(
    p.positive("Accepted but unused, as in timm (its noise is a standard normal). Defaults to 1.0."),
    1.0,
  ),
  noise_seed: v.optional(p.number("The noise seed: the same seed gives the same noise. Defaults to 42."), 42),
};

/** The positional order of the warmup and noise parameters, which follow each scheduler's own. */
export const warmupNoiseOrder = [
  "warmup_t",
  "warmup_lr_init",
  "warmup_prefix",
  "noise_range_t",
  "noise_pct",
  "noise_std",
  "noise_seed",
] as const;

/** The parsed options that {@link timmSchedule} reads. */
export interface TimmBase {
  readonly lr: number;
  readonly warmup_t: number;
  readonly warmup_lr_init: number;
  readonly warmup_prefix: boolean;
  readonly noise_range_t?: number | readonly number[] | null | undefined;
  readonly noise_pct: number;
  readonly noise_seed: number;
}

/** How a timm schedule ends after its warmup. */
export interface TimmParts {
  /** The schedule on timm's clock: `t - warmup_t` with `warmup_prefix`, else `t`. */
  readonly body: (t: number) => number;
  /** What the warmup rises to. Defaults to `lr` (timm's `base_values`). */
  readonly target?: number;
  /** The step from which `body` stops changing, on its own clock; none when it never does. */
  readonly horizon?: number | undefined;
}

/**
 * Assembles a timm schedule from its body: the warmup `warmup_lr_init + t * (target - warmup_lr_init)
 * / warmup_t` for `t < warmup_t` (timm's own operation order), then the body, on a clock shifted by
 * `warmup_t` only with `warmup_prefix`; then timm's noise. The core `warmup` is not used: it ramps to
 * the schedule's own value at its start (timm ramps to the base lr, or for TanhLRScheduler without
 * prefix to the value at `warmup_t`), and it rejects a warmup longer than the horizon, which timm
 * accepts.
 */
export function timmSchedule(name: string, options: object, o: TimmBase, parts: TimmParts): Schedule {
  const { body } = parts;
  const w = o.warmup_t;
  const init = o.warmup_lr_init;
  const increment = ((parts.target ?? o.lr) - init) / w;
  const shift = o.warmup_prefix ? w : 0;
  const fn = w > 0 ? (t: number) => (t < w ? init + t * increment : body(t - shift)) : (t: number) => body(t);
  const horizon = parts.horizon === undefined ? undefined : Math.max(w, shift + parts.horizon);
  const plain = define(fn, specOf(name, options), { horizon });
  const range = noiseRange(name, o);
  if (range === undefined) return plain;
  const noisy = noise(plain, { seed: o.noise_seed, pct: o.noise_pct, std: 1, ...range });
  return define((t) => noisy(t), specOf(name, options), { horizon });
}

/**
 * timm's `_is_apply_noise`: `noise_range_t[0] <= t < noise_range_t[1]` for a list (extra entries are
 * ignored, as in timm), `t >= noise_range_t` for a number; `undefined` when no step gets noise.
 */
function noiseRange(name: string, o: TimmBase): { start: number; end?: number } | undefined {
  const r = o.noise_range_t;
  if (r === null || r === undefined) return undefined;
  // timm's normal noise redraws until |n| < noise_pct; below 0.01 that takes hundreds of draws.
  ensure(o.noise_pct >= 0.01, name, "noise_pct", "must be at least 0.01 for rejection sampling", o.noise_pct);
  if (typeof r === "number") return { start: Math.max(0, r) };
  ensure(r.length >= 2, name, "noise_range_t", "must hold a start and an end step", r);
  const start = Math.max(0, r[0]!);
  const end = r[1]!;
  return end > start ? { start, end } : undefined;
}
