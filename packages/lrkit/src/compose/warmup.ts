import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams, typeError } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { gt, local, num, P, select } from "../export/expr.js";
import { kerasCall, optaxCall, optaxJoin } from "../export/nativeCalls.js";
import { cosineDecayArgs } from "../families/cosine.js";
import { extendNested } from "../spec/lintFacts.js";
import type { WarmupOptions } from "../spec/options.generated.js";

export type { WarmupOptions };

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
 * @param options - the options: see {@link WarmupOptions} for each one's meaning and default.
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
  const from = warmupStart(o, to);
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

/**
 * Where a warmup's ramp starts when it ends at `to`: `from`, or `startRatio * to`, or by default
 * `to / (steps + 1)`.
 */
export function warmupStart(
  o: { readonly from?: number | undefined; readonly startRatio?: number | undefined; readonly steps: number },
  to: number,
): number {
  return o.from ?? (o.startRatio !== undefined ? o.startRatio * to : to / (o.steps + 1));
}

/** Registry entry of {@link warmup}. */
export const warmupFamily = /* @__PURE__ */ defineFamily({
  type: "warmup",
  summary: "A ramp of `steps` steps up to the start of any schedule.",
  example: "warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)",
  params,
  positional: ["schedule", "steps", "from", "startRatio", "mode", "includeInHorizon"],
  leading: ["schedule"],
  create: ({ schedule, ...rest }) => warmup(schedule, rest),
  closedForm: (o, x, ctx) => {
    const after = ctx.form(o.schedule, local(x, o.includeInHorizon ? 0 : o.steps));
    if (o.steps === 0) return after;
    const to = ctx.build(o.schedule)(0);
    const from = warmupStart(o, to);
    const r = `min(${x}, ${num(o.steps)}) / ${num(o.steps)}`;
    const [a, d] = [num(from), num(to - from)];
    const ramps = {
      linear: () => `${a} + ${d} * (${r})`,
      constant: () => a,
      cosine: () => `${a} + (${d} * (1 - cos(pi * (${r})))) / 2`,
      exponential: () => `${a} * ${num(to / from)} ** (${r})`,
      "1-sqrt": () => `${a} + ${d} * (1 - sqrt(1 - ${P(r)}))`,
    };
    return select(gt(`${num(o.steps)} - ${P(x)}`), ramps[o.mode](), after);
  },
  lint: {
    counts: ["steps"],
    extend: (spec, _extra, nested) => extendNested(spec, "schedule", nested),
    place: (o, at) => {
      at.declare(at.g(o.steps));
      const end = Math.ceil(at.g(o.steps) - 1e-9);
      at.child({ start: at.g(o.includeInHorizon ? 0 : o.steps), from: Math.max(at.from, end) });
    },
  },
  native: {
    optax: (o, ctx) => {
      if (o.mode !== "linear" || o.includeInHorizon || o.steps === 0) return undefined;
      const to = ctx.build(o.schedule)(0);
      const ramp = optaxCall("linear_schedule", {
        init_value: warmupStart(o, to),
        end_value: to,
        transition_steps: o.steps,
      });
      return optaxJoin([ramp, ctx.optax(o.schedule)], [o.steps]);
    },
    keras: (o, ctx) => {
      if (o.schedule.type !== "cosine" || o.mode !== "linear" || o.includeInHorizon) return undefined;
      const cosine = cosineDecayArgs(ctx.options(o.schedule));
      if (cosine === undefined) return undefined;
      const to = ctx.build(o.schedule)(0);
      return kerasCall("CosineDecay", {
        ...cosine,
        initial_learning_rate: warmupStart(o, to),
        warmup_target: cosine.initial_learning_rate,
        warmup_steps: o.steps,
      });
    },
  },
});
