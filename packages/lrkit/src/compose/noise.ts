import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { normal, uniformStream } from "../random.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { extendNested } from "../spec/lintFacts.js";
import type { NoiseOptions } from "../spec/options.generated.js";

export type { NoiseOptions };

const params = v.strictObject({
  schedule: p.schedule("The schedule to perturb."),
  seed: v.optional(p.number("The seed: the same seed gives the same noise. Defaults to 42."), 42),
  pct: v.optional(
    v.pipe(
      p.positive(),
      v.check((x) => x <= 1, "must be at most 1 (more could turn the lr negative)"),
      v.description("The noise is kept within (-pct, pct) of the value, at most 1. Defaults to 0.67."),
    ),
    0.67,
  ),
  std: v.optional(p.positive('The standard deviation of the "normal" noise. Defaults to 1.'), 1),
  distribution: v.optional(
    p.oneOf(["normal", "uniform"], '"normal" (truncated) or "uniform". Defaults to "normal".'),
    "normal",
  ),
  start: v.optional(p.nonNegative("The first step with noise. Defaults to 0."), 0),
  end: v.optional(p.nonNegative("The first step without noise again. Defaults to never.")),
});

/**
 * Multiplicative noise, as timm's schedulers add it: for `start <= t < end` the value becomes
 * `v + v * n`, with `n` drawn for each step from a normal of deviation `std` truncated to
 * `(-pct, pct)` by rejection, or uniformly from `(-pct, pct)`. The draw for step `t` depends only
 * on `seed` and `t`, so the schedule stays a pure function.
 *
 * @param schedule - the schedule.
 * @param options - the options: see {@link NoiseOptions} for each one's meaning and default.
 * @throws RangeError for `end <= start` or a `pct` too small for rejection sampling.
 * @example
 * ```ts
 * const s = noise(cosine({ lr: 0.1, steps: 100 }), { seed: 7, pct: 0.1 });
 * s(10) === s(10); // true: the same step always has the same noise
 * ```
 * @see timm `timm/scheduler/scheduler.py` `_add_noise`.
 */
export function noise(schedule: Schedule, options: NoiseOptions = {}): Schedule {
  const o = parseParams("noise", params, { ...options, schedule });
  if (o.end !== undefined) ensure(o.end > o.start, "noise", "end", `must exceed start (${o.start})`, o.end);
  if (o.distribution === "normal") {
    ensure(o.pct >= o.std / 100, "noise", "pct", `must be at least std / 100 (${o.std / 100})`, o.pct);
  }
  const { pct, std, start } = o;
  // -0 and 0 are one seed: JSON writes -0 as 0, and the saved spec must give the same noise.
  const seed = o.seed === 0 ? 0 : o.seed;
  const end = o.end ?? Infinity;
  const inner = o.schedule;
  const draw =
    o.distribution === "uniform"
      ? (u: () => number) => 2 * (u() - 0.5) * pct
      : (u: () => number) => {
          for (;;) {
            const n = normal(u) * std;
            if (Math.abs(n) < pct) return n;
          }
        };
  return define(
    (t) => {
      const v = inner(t);
      if (!(t >= start && t < end)) return v;
      return v + v * draw(uniformStream(seed, t));
    },
    specOf("noise", { schedule, ...options, ...(options.seed === undefined ? {} : { seed }) }),
    { horizon: inner.horizon },
  );
}

/** Registry entry of {@link noise}. */
export const noiseFamily = /* @__PURE__ */ defineFamily({
  type: "noise",
  summary: "Seeded multiplicative noise on a schedule (timm noise_pct, noise_std).",
  example: "noise(cosine(lr=0.1, steps=100), seed=7, pct=0.1)",
  params,
  positional: ["schedule", "seed", "pct", "std", "distribution", "start", "end"],
  leading: ["schedule"],
  create: ({ schedule, ...rest }) => noise(schedule, rest),
  closedForm: { none: "its values come from a seeded generator" },
  lint: {
    counts: ["start", "end"],
    noisy: true,
    extend: (spec, _extra, nested) => extendNested(spec, "schedule", nested),
  },
  native: {},
});
