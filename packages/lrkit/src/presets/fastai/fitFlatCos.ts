// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// Learner.fit_flat_cos; defaults.lr from fastai/learner.py.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { py } from "../../export/pythonLiteral.js";
import { fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import { combined_cos } from "./combineScheds.js";
import type { FitFlatCosOptions } from "./options.generated.js";

export type { FitFlatCosOptions };

const NAME = "fastai.fit_flat_cos";

const params = v.strictObject({
  n_epoch: p.positiveInt("The number of epochs (fastai's n_epoch)."),
  lr: v.optional(
    p.nonNegative("The flat learning rate. Defaults to 1e-3, fastai's defaults.lr (the Learner's lr)."),
    1e-3,
  ),
  div_final: v.optional(p.positive("The final lr is lr / div_final. Defaults to 1e5."), 1e5),
  pct_start: v.optional(
    p.unit("The fraction of training at the flat lr before the cosine, in [0, 1]. Defaults to 0.75."),
    0.75,
  ),
  n_iter: p.positiveInt(
    "lrkit's addition: the training batches per epoch (fastai's Learner.n_iter, len(dls.train)); the run is n_epoch * n_iter steps.",
  ),
});

/**
 * The learning rate of fastai's `Learner.fit_flat_cos(n_epoch, lr, div_final, pct_start)`:
 * `combined_cos(pct_start, lr, lr, lr/div_final)` over `n_epoch * n_iter` steps, flat at `lr` for
 * the fraction `pct_start` of training (a cosine from `lr` to `lr`, which is exactly `lr`), then a
 * cosine down to `lr/div_final`, held from the end on. The float32 positions of `combine_scheds`
 * apply to the cosine.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link FitFlatCosOptions} for each one's meaning and default.
 * @throws RangeError for non-positive counts or `div_final`, a negative `lr` or a `pct_start`
 *   outside [0, 1].
 * @example
 * ```ts
 * const s = fit_flat_cos({ n_epoch: 4, lr: 0.01, div_final: 100, pct_start: 0.5, n_iter: 25 });
 * [s(0), s(50), s(75), s(100)]; // [0.01, 0.01, 0.00505, 9.99999999999994e-5]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function fit_flat_cos(options: FitFlatCosOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = combined_cos({
    pct: o.pct_start,
    start: o.lr,
    middle: o.lr,
    end: o.lr / o.div_final,
    steps: o.n_epoch * o.n_iter,
  });
  const end = `${py(o.lr)} / ${py(o.div_final)}`;
  const call = fastaiExpression("combined_cos", [o.pct_start, o.lr, o.lr, end]);
  return withFastaiCall(relabel(inner, specOf(NAME, options)), call);
}

/** Registry entry of {@link fit_flat_cos}. */
export const fit_flat_cosFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "fastai fit_flat_cos's lr: flat for pct_start of training, then cosine to lr/div_final.",
  example: "fastai.fit_flat_cos(n_epoch=5, lr=0.01, n_iter=20)",
  params,
  // Positional: fastai's signature (n_epoch, lr, div_final, pct_start; wd, cbs, reset_opt and
  // start_epoch do not shape the lr), then lrkit's n_iter.
  positional: ["n_epoch", "lr", "div_final", "pct_start", "n_iter"],
  create: (o) => fit_flat_cos(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
