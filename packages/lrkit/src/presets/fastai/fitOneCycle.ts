// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// Learner.fit_one_cycle; defaults.lr and Learner's moms from fastai/learner.py.
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { py } from "../../export/pythonLiteral.js";
import { fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import { combined_cos } from "./combineScheds.js";
import type { FitOneCycleOptions, FitOneCycleMomsOptions } from "./options.generated.js";

export type { FitOneCycleOptions, FitOneCycleMomsOptions };

const NAME = "fastai.fit_one_cycle";
const MOMS = "fastai.fit_one_cycle_moms";

const n_epoch = () => p.positiveInt("The number of epochs (fastai's n_epoch).");
const n_iter = () =>
  p.positiveInt(
    "lrkit's addition: the training batches per epoch (fastai's Learner.n_iter, len(dls.train)); the run is n_epoch * n_iter steps.",
  );
const pct_start = () =>
  v.optional(p.unit("The fraction of training spent warming up, in [0, 1]. Defaults to 0.25."), 0.25);

const params = v.strictObject({
  n_epoch: n_epoch(),
  lr_max: v.optional(
    p.nonNegative("The peak learning rate. Defaults to 1e-3, fastai's defaults.lr (the Learner's lr)."),
    1e-3,
  ),
  div: v.optional(p.positive("The start lr is lr_max / div. Defaults to 25."), 25),
  div_final: v.optional(p.positive("The final lr is lr_max / div_final. Defaults to 1e5."), 1e5),
  pct_start: pct_start(),
  n_iter: n_iter(),
});

const momsParams = v.strictObject({
  n_epoch: n_epoch(),
  pct_start: pct_start(),
  moms: v.optional(
    p.numbers(
      "The momentum at the start, at the lr's peak and at the end: three non-negative values. Defaults to [0.95, 0.85, 0.95], the Learner's moms.",
    ),
    [0.95, 0.85, 0.95],
  ),
  n_iter: n_iter(),
});

/**
 * The learning rate of fastai's `Learner.fit_one_cycle(n_epoch, lr_max, div, div_final, pct_start)`:
 * `combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)` over `n_epoch * n_iter` steps, a
 * cosine from `lr_max/div` up to `lr_max` over the fraction `pct_start` of training, then a cosine
 * down to `lr_max/div_final`.
 *
 * Step t is the batch numbered t of the fit (pos = t / (n_epoch * n_iter), which after fastai's
 * float32 rounding is exactly the position its loop accumulates); from the end on the lr holds at
 * `lr_max/div_final`. fastai also cycles the momentum: {@link fit_one_cycle_moms}. fastai's
 * discriminative lrs (`lr_max` as a slice or an array) are one schedule per parameter group here.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link FitOneCycleOptions} for each one's meaning and default.
 * @throws RangeError for non-positive counts or factors, a negative `lr_max` or a `pct_start`
 *   outside [0, 1].
 * @example
 * ```ts
 * const s = fit_one_cycle({ n_epoch: 2, lr_max: 1e-2, n_iter: 10 });
 * [s(0), s(5), s(19), s(20)]; // [0.0004, 0.01, 0.00010936089073374129, 9.999999999940612e-8]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`; Smith & Topin, "Super-Convergence", 2017.
 */
export function fit_one_cycle(options: FitOneCycleOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = combined_cos({
    pct: o.pct_start,
    start: o.lr_max / o.div,
    middle: o.lr_max,
    end: o.lr_max / o.div_final,
    steps: o.n_epoch * o.n_iter,
  });
  const divided = (d: number) => `${py(o.lr_max)} / ${py(d)}`;
  const call = fastaiExpression("combined_cos", [
    o.pct_start,
    divided(o.div),
    o.lr_max,
    divided(o.div_final),
  ]);
  return withFastaiCall(relabel(inner, specOf(NAME, options)), call);
}

/**
 * The momentum of fastai's `Learner.fit_one_cycle`: `combined_cos(pct_start, *moms)` over
 * `n_epoch * n_iter` steps, from `moms[0]` down to `moms[1]` while the lr rises, then up to
 * `moms[2]`. With Adam, fastai's `mom` is beta1.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link FitOneCycleMomsOptions} for each one's meaning and default.
 * @throws RangeError for non-positive counts, a `pct_start` outside [0, 1], or `moms` that are not
 *   three non-negative values (fastai unpacks them into three arguments).
 * @example
 * ```ts
 * const m = fit_one_cycle_moms({ n_epoch: 2, n_iter: 10 });
 * [m(0), m(5), m(20)]; // [0.95, 0.85, 0.95]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function fit_one_cycle_moms(options: FitOneCycleMomsOptions): Schedule {
  const o = parseParams(MOMS, momsParams, options);
  ensure(o.moms.length === 3, MOMS, "moms", "must hold 3 values (start, middle, end)", o.moms);
  o.moms.forEach((v, i) => ensure(v >= 0, MOMS, `moms[${i}]`, "must be a non-negative number", v));
  const [start, middle, end] = o.moms as [number, number, number];
  const inner = combined_cos({ pct: o.pct_start, start, middle, end, steps: o.n_epoch * o.n_iter });
  const call = fastaiExpression("combined_cos", [o.pct_start, start, middle, end]);
  return withFastaiCall(relabel(inner, specOf(MOMS, options)), call);
}

/** Registry entry of {@link fit_one_cycle}. */
export const fit_one_cycleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "fastai fit_one_cycle's lr: cosine up from lr_max/div to lr_max, then down to lr_max/div_final.",
  example: "fastai.fit_one_cycle(n_epoch=5, lr_max=0.01, n_iter=20)",
  params,
  // Positional: fastai's signature (n_epoch, lr_max, div, div_final, pct_start; wd, moms, cbs,
  // reset_opt and start_epoch do not shape the lr), then lrkit's n_iter.
  positional: ["n_epoch", "lr_max", "div", "div_final", "pct_start", "n_iter"],
  create: (o) => fit_one_cycle(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});

/** Registry entry of {@link fit_one_cycle_moms}. */
export const fit_one_cycle_momsFamily = /* @__PURE__ */ definePreset({
  type: MOMS,
  summary: "fastai fit_one_cycle's momentum: cosine down from moms[0] to moms[1], then up to moms[2].",
  example: "fastai.fit_one_cycle_moms(n_epoch=5, n_iter=20)",
  params: momsParams,
  // Positional: fastai's signature (n_epoch, pct_start, moms), then lrkit's n_iter.
  positional: ["n_epoch", "pct_start", "moms", "n_iter"],
  create: (o) => fit_one_cycle_moms(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
