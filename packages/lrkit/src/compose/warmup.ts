import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams, typeError } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";

const params = v.strictObject({
  schedule: p.schedule("The schedule that follows the warmup."),
  steps: p.nonNegative("The length of the warmup."),
  from: v.optional(p.nonNegative("The lr at step 0. Defaults to schedule(0) / (steps + 1).")),
  startRatio: v.optional(p.nonNegative("The lr at step 0 as a fraction of schedule(0); instead of from.")),
  mode: v.optional(
    p.oneOf(
      ["linear", "constant", "cosine", "exponential", "1-sqrt"],
      'The shape of the ramp. Defaults to "linear".',
    ),
    "linear",
  ),
  includeInHorizon: v.optional(
    p.boolean(
      "Count the warmup steps in the schedule's own steps (timm warmup_prefix=False). Defaults to false.",
    ),
    false,
  ),
});

/** Options of {@link warmup}, without the schedule. */
export type WarmupOptions = Omit<v.InferInput<typeof params>, "schedule">;

type Ramp = (from: number, to: number, x: number) => number;

const RAMPS: Record<v.InferOutput<typeof params>["mode"], Ramp> = {
  linear: (a, b, x) => a + (b - a) * x,
  constant: (a) => a,
  cosine: (a, b, x) => a + ((b - a) * (1 - Math.cos(Math.PI * x))) / 2,
  exponential: (a, b, x) => a * (b / a) ** x,
  "1-sqrt": (a, b, x) => a + (b - a) * (1 - Math.sqrt(1 - x)),
};

/**
 * Prepends a warmup of `steps` steps to `schedule`: a ramp from `from` that ends at `schedule(0)`,
 * then `schedule` with the step counted from the end of the warmup (`schedule(t - steps)`), or, with
 * `includeInHorizon`, from 0 (`schedule(t)`, the warmup eating into the schedule's horizon).
 *
 * With `x = t / steps` the ramps are: linear `from + (to - from) x`, constant `from`, cosine
 * `from + (to - from) (1 - cos(pi x)) / 2`, exponential `from (to / from)^x`, 1-sqrt
 * `from + (to - from) (1 - sqrt(1 - x))`.
 *
 * The default start is `schedule(0) / (steps + 1)`, an evenly spaced ramp that never sits at
 * zero: a learning rate of exactly 0 wastes an update.
 *
 * @param schedule - the schedule after the warmup.
 * @param options.steps - the warmup length; 0 means none.
 * @param options.from - the lr at step 0.
 * @param options.startRatio - or the lr at step 0 as a fraction of `schedule(0)`.
 * @param options.mode - Defaults to `"linear"`.
 * @param options.includeInHorizon - Defaults to false.
 * @throws TypeError when both `from` and `startRatio` are given; RangeError for an exponential
 *   ramp from 0, or a warmup that covers the whole horizon of the schedule it counts in.
 * @example
 * ```ts
 * const s = warmup(cosine({ lr: 0.3, steps: 25, minLr: 0.01 }), { steps: 5 });
 * [s(0), s(4), s(5)]; // [0.05, 0.25, 0.3]
 * ```
 * @see Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", 2017.
 */
export function warmup(schedule: Schedule, options: WarmupOptions): Schedule {
  const o = parseParams("warmup", params, { ...options, schedule });
  if (o.from !== undefined && o.startRatio !== undefined) {
    typeError("warmup", "startRatio", "cannot be given together with from", o.startRatio);
  }
  const inner = o.schedule;
  const steps = o.steps;
  const to = inner(0);
  const from = o.from ?? (o.startRatio !== undefined ? o.startRatio * to : to / (steps + 1));
  ensure(
    !(o.mode === "exponential" && from <= 0),
    "warmup",
    "from",
    'must be positive for mode "exponential"',
    from,
  );
  const horizon = inner.horizon;
  if (o.includeInHorizon && horizon !== undefined) {
    ensure(
      steps < horizon,
      "warmup",
      "steps",
      `must be shorter than the schedule's horizon (${horizon})`,
      steps,
    );
  }
  const ramp = RAMPS[o.mode];
  const shift = o.includeInHorizon ? 0 : steps;
  return define(
    (t) => (t < steps ? ramp(from, to, t / steps) : inner(t - shift)),
    specOf("warmup", { schedule, ...options }),
    { horizon: horizon === undefined ? undefined : horizon + shift },
  );
}

/** Registry entry of {@link warmup}. */
export const warmupFamily: Family = {
  type: "warmup",
  summary: "A ramp of `steps` steps up to the start of any schedule.",
  example: "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)",
  params,
  create: ({ schedule, ...rest }) => warmup(schedule as Schedule, rest as WarmupOptions),
};
