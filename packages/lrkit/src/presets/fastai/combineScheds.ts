// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// combine_scheds, combined_cos.
import * as v from "valibot";
import { countAtOrBelow } from "../../families/math.js";
import * as p from "../../params.js";
import { ensure, parseParams, typeError } from "../../params.js";
import { define, specOf, type Schedule, relabel } from "../../schedule.js";
import { fastaiCallOf, fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import { overSteps, positionFunction, stepsParam, withPosition, type PositionFunction } from "./position.js";
import { SchedCos } from "./sched.js";
import type { CombineSchedsOptions, CombinedCosOptions } from "./options.generated.js";

export type { CombineSchedsOptions, CombinedCosOptions };

const NAME = "fastai.combine_scheds";
const COS = "fastai.combined_cos";

const params = v.strictObject({
  pcts: p.numbers(
    "The fraction of training each phase takes; non-negative, summing to exactly 1 (left to right, in float64: fastai asserts it).",
  ),
  scheds: p.schedules(
    "One schedule per phase: a fastai preset runs over the phase's pos; any other schedule over its horizon.",
  ),
  steps: stepsParam(),
});

const cosParams = v.strictObject({
  pct: p.unit(
    "The fraction of training spent going from start to middle; in [0, 1] (fastai's sum and sign assertions reject anything else).",
  ),
  start: p.nonNegative("The value at step 0."),
  middle: p.nonNegative("The value at the fraction pct of training, the end of the first phase."),
  end: p.nonNegative("The value at step `steps`, held after."),
  steps: stepsParam(),
});

/**
 * fastai's `combine_scheds` as a function of pos, with fastai's checks, naming `fn` in errors.
 *
 * The float32 quirk: fastai keeps the phase boundaries in a float32 tensor
 * (`tensor([0] + L(pcts))`, then `torch.cumsum`, which PyTorch on the CPU accumulates in float64 and
 * rounds to float32 entry by entry), and `pos >= pcts` and `(pos-pcts[idx]) / (pcts[idx+1]-pcts[idx])`
 * are tensor operations: `pos` is rounded to float32 and the local position is computed in float32
 * before `.item()` hands it, as a float64, to the phase's schedule. So fastai's values carry the
 * float32 rounding of the position (relative 1e-8, e.g. `1/6` becomes `0.1666666567325592`); every
 * `Math.fround` below is one of those roundings. It also decides which phase a boundary step falls
 * in: in `fit_sgdr(3, 1)` with 10 batches per epoch, step 30 (pos 3/7) ends the second cycle at
 * ~8e-17 instead of restarting, because float32(3/7) is below the float32 sum 1/7 + 2/7.
 */
function combination(fn: string, pcts: readonly number[], scheds: readonly Schedule[]): PositionFunction {
  // `assert sum(pcts) == 1.`: Python's sum, left to right from 0, exactly 1.
  const total = pcts.reduce((a, b) => a + b, 0);
  ensure(total === 1, fn, "pcts", `must sum to exactly 1 (fastai asserts it; the sum is ${total})`, pcts);
  // `assert torch.all(pcts >= 0)`, on the float32 values.
  pcts.forEach((v, i) => ensure(Math.fround(v) >= 0, fn, `pcts[${i}]`, "must be non-negative", v));
  ensure(
    scheds.length === pcts.length,
    fn,
    "scheds",
    `must hold one schedule per pct (${pcts.length})`,
    scheds.map((s) => s.spec),
  );
  const parts = scheds.map(
    (s, i) =>
      positionFunction(s) ??
      typeError(fn, `scheds[${i}]`, "must be a fastai schedule or a schedule with a horizon", s),
  );
  const cum = [0];
  let acc = 0;
  for (const v of pcts) {
    acc += Math.fround(v);
    cum.push(Math.fround(acc));
  }
  // fastai's `pct_lim = len(pcts) - 2` is the last phase; lrkit stops at the last non-empty one. They
  // differ only for zero-length final phases at pos ~ 1, where fastai divides 0 by 0 (NaN for most
  // schedules): lrkit holds the end of the last phase that has a length instead.
  let last = cum.length - 2;
  while (last > 0 && cum[last + 1] === cum[last]) last--;
  return (pos) => {
    const x = Math.fround(pos);
    // `(pos >= pcts).nonzero().max()`: the last boundary at or below pos (binary search).
    const found = countAtOrBelow(cum, x) - 1;
    if (Number.isNaN(found)) return NaN;
    const idx = Math.max(0, Math.min(found, last));
    const from = cum[idx]!;
    const local = Math.fround(Math.fround(x - from) / Math.fround(cum[idx + 1]! - from));
    return parts[idx]!(local);
  };
}

/**
 * fastai's `combine_scheds(pcts, scheds)`: phase i runs `scheds[i]` over the fraction `pcts[i]` of
 * training, each phase seeing its own position from 0 to 1, at `pos = min(t, steps) / steps`.
 *
 * fastai's values are reproduced exactly, including the float32 rounding of the position that its
 * tensor arithmetic brings (see the source comment). A phase that is a fastai preset (`SchedLin`,
 * `SchedCos`, ..., or another `combine_scheds`) runs its own function of pos and ignores its
 * `steps`; any other lrkit schedule runs over its horizon (`s(localPos * horizon)`), an lrkit
 * extension. fastai never evaluates pos = 1 in training; lrkit holds that value from `steps` on,
 * taking the end of the last non-empty phase where fastai would compute 0/0 for an empty one.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link CombineSchedsOptions} for each one's meaning and default.
 * @throws RangeError when `pcts` does not sum to exactly 1 or holds a negative value (fastai's
 *   AssertionErrors), or when the lengths differ (fastai fails on an IndexError only once a missing
 *   phase is reached, and ignores extra schedules); TypeError for a schedule without a horizon.
 * @example
 * ```ts
 * const s = combine_scheds({
 *   pcts: [0.3, 0.2, 0.5],
 *   scheds: [SchedLin({ start: 0, end: 1 }), SchedNo({ start: 1, end: 1 }), SchedCos({ start: 1, end: 0 })],
 *   steps: 20,
 * });
 * [s(0), s(3), s(6), s(14), s(20)]; // [0, 0.5, 1, 0.6545085328052083, 0]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function combine_scheds(options: CombineSchedsOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const f = combination(NAME, o.pcts, o.scheds);
  const s = withPosition(define(overSteps(f, o.steps), specOf(NAME, options), { horizon: o.steps }), f);
  const phases = o.scheds.map(fastaiCallOf);
  const call = phases.every((c) => c !== undefined)
    ? fastaiExpression("combine_scheds", [o.pcts, `[${phases.join(", ")}]`])
    : undefined;
  return withFastaiCall(s, call);
}

/**
 * fastai's `combined_cos(pct, start, middle, end)`: `combine_scheds([pct, 1-pct],
 * [SchedCos(start, middle), SchedCos(middle, end)])`, the one-cycle shape: a cosine from `start` to
 * `middle` over the fraction `pct` of training, then from `middle` to `end`.
 *
 * fastai gives `pct`, `start`, `middle` and `end` no defaults; `fit_one_cycle` passes
 * `(pct_start, lr_max/div, lr_max, lr_max/div_final)` and the momentums `(0.95, 0.85, 0.95)`.
 * The float32 positions of {@link combine_scheds} apply: at pos 0.5 with pct 0.25 fastai gives
 * 0.7499999864861414, not 0.75.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link CombinedCosOptions} for each one's meaning and default.
 * @throws RangeError for a `pct` outside [0, 1], negative values or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * const s = combined_cos({ pct: 0.25, start: 0.5, middle: 1, end: 0, steps: 20 });
 * [s(0), s(5), s(10), s(20)]; // [0.5, 1, 0.7499999864861414, 0]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function combined_cos(options: CombinedCosOptions): Schedule {
  const { pct, start, middle, end, steps } = parseParams(COS, cosParams, options);
  const inner = combine_scheds({
    pcts: [pct, 1 - pct],
    scheds: [SchedCos({ start, end: middle }), SchedCos({ start: middle, end })],
    steps,
  });
  const s = withPosition(relabel(inner, specOf(COS, options), { horizon: steps }), positionFunction(inner)!);
  return withFastaiCall(s, fastaiExpression("combined_cos", [pct, start, middle, end]));
}

/** Registry entry of {@link combine_scheds}. */
export const combine_schedsFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "fastai combine_scheds: schedules in phases taking the fractions pcts of training.",
  example:
    "fastai.combine_scheds(pcts=[0.3, 0.7], scheds=[fastai.SchedLin(start=0.01, end=0.1), fastai.SchedCos(start=0.1, end=0.001)], steps=100)",
  params,
  // Positional: fastai's signature (pcts, scheds), then lrkit's steps.
  positional: ["pcts", "scheds", "steps"],
  create: (o) => combine_scheds(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});

/** Registry entry of {@link combined_cos}. */
export const combined_cosFamily = /* @__PURE__ */ definePreset({
  type: COS,
  summary: "fastai combined_cos: cosine from start to middle over pct of training, then to end.",
  example: "fastai.combined_cos(pct=0.25, start=0.004, middle=0.1, end=1e-6, steps=100)",
  params: cosParams,
  // Positional: fastai's signature (pct, start, middle, end: no defaults), then lrkit's steps.
  positional: ["pct", "start", "middle", "end", "steps"],
  create: (o) => combined_cos(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
