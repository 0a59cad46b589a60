// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// Learner.fit_sgdr; defaults.lr from fastai/learner.py.
import * as v from "valibot";
import * as p from "../../params.js";
import { ensure, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import { combine_scheds } from "./combineScheds.js";
import { SchedCos } from "./sched.js";
import type { FitSgdrOptions } from "./options.generated.js";

export type { FitSgdrOptions };

const NAME = "fastai.fit_sgdr";

const params = v.strictObject({
  n_cycles: p.positiveInt("The number of cosine cycles."),
  cycle_len: p.positiveInt("The length of the first cycle, in epochs."),
  lr_max: v.optional(
    p.nonNegative(
      "The lr at the start of every cycle. Defaults to 1e-3, fastai's defaults.lr (the Learner's lr).",
    ),
    1e-3,
  ),
  cycle_mult: v.optional(
    p.number(
      "Each cycle is cycle_mult times longer than the one before; an integer other than 1. Defaults to 2.",
    ),
    2,
  ),
  n_iter: p.positiveInt(
    "lrkit's addition: the training batches per epoch (fastai's Learner.n_iter, len(dls.train)); the run is n_epoch * n_iter steps.",
  ),
});

/**
 * The learning rate of fastai's `Learner.fit_sgdr(n_cycles, cycle_len, lr_max, cycle_mult)`:
 * `n_cycles` cosines from `lr_max` to 0, the i-th `cycle_len * cycle_mult**i` epochs long, over
 * `n_epoch = cycle_len * (cycle_mult**n_cycles - 1) // (cycle_mult - 1)` epochs of `n_iter` steps
 * (fastai's `combine_scheds(pcts, [SchedCos(lr_max, 0)] * n_cycles)` with
 * `pcts = [cycle_len * cycle_mult**i / n_epoch]`), held at 0 from the end on.
 *
 * fastai takes no `n_epoch` here; `n_epoch * n_iter` is the horizon. The float32 positions of
 * `combine_scheds` decide the boundary steps: with `fit_sgdr(3, 1)` and 10 batches per epoch, step 30
 * still ends the second cycle (~8e-17) and the third starts at step 31, as fastai's own test notes
 * ("the start of a cycle can be mixed with the 0 of the previous cycle").
 *
 * fastai accepts `cycle_mult = 0` (one cycle of `cycle_len` epochs; the later ones are empty) and a
 * negative `cycle_mult` with one cycle, and so does lrkit; `cycle_mult = 1` divides by zero there and
 * raises here, as do a fractional `cycle_mult` (fastai's `range(n_epoch)` fails on a float) and the
 * combinations that make `n_epoch` zero or a cycle negative.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link FitSgdrOptions} for each one's meaning and default.
 * @throws RangeError for non-positive counts, a negative `lr_max`, or a `cycle_mult` that fastai
 *   cannot run (see above).
 * @example
 * ```ts
 * const s = fit_sgdr({ n_cycles: 3, cycle_len: 1, n_iter: 10 }); // 7 epochs: cycles of 1, 2, 4
 * [s(0), s(5), s(10), s(31), s(70)]; // [0.001, 0.0005, 0.001, 0.0009984586732482827, 0]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`; Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function fit_sgdr(options: FitSgdrOptions): Schedule {
  const { n_cycles, cycle_len, lr_max, cycle_mult, n_iter } = parseParams(NAME, params, options);
  ensure(
    Number.isInteger(cycle_mult),
    NAME,
    "cycle_mult",
    "must be an integer (fastai's n_epoch must be an int)",
    cycle_mult,
  );
  ensure(
    cycle_mult !== 1,
    NAME,
    "cycle_mult",
    "must not be 1 (fastai divides by cycle_mult - 1)",
    cycle_mult,
  );
  const epochs = cycle_len * Math.abs(cycle_mult) ** n_cycles;
  ensure(Number.isSafeInteger(epochs * n_iter), NAME, "n_cycles", "gives more than 2^53 steps", n_cycles);
  // Python's floor division, exact here: |numerator| < 2^53.
  const n_epoch = Math.floor((cycle_len * (cycle_mult ** n_cycles - 1)) / (cycle_mult - 1));
  ensure(n_epoch !== 0, NAME, "cycle_mult", "gives n_epoch = 0 (fastai divides by it)", cycle_mult);
  const pcts = Array.from({ length: n_cycles }, (_, i) => (cycle_len * cycle_mult ** i) / n_epoch);
  ensure(
    pcts.every((v) => v >= 0),
    NAME,
    "cycle_mult",
    `gives a negative cycle with n_cycles = ${n_cycles} (fastai asserts pcts >= 0)`,
    cycle_mult,
  );
  const inner = combine_scheds({
    pcts,
    scheds: pcts.map(() => SchedCos({ start: lr_max, end: 0 })),
    steps: n_epoch * n_iter,
  });
  const cycles = `[${fastaiExpression("SchedCos", [lr_max, 0])}] * ${n_cycles}`;
  return withFastaiCall(
    relabel(inner, specOf(NAME, options)),
    fastaiExpression("combine_scheds", [pcts, cycles]),
  );
}

/** Registry entry of {@link fit_sgdr}. */
export const fit_sgdrFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "fastai fit_sgdr's lr: n_cycles cosines from lr_max to 0, each cycle_mult times longer.",
  example: "fastai.fit_sgdr(n_cycles=3, cycle_len=1, lr_max=0.01, n_iter=20)",
  params,
  // Positional: fastai's signature (n_cycles, cycle_len, lr_max, cycle_mult; cbs, reset_opt, wd and
  // start_epoch do not shape the lr), then lrkit's n_iter. fastai's fit_sgdr takes no n_epoch: it
  // derives it from the cycles.
  positional: ["n_cycles", "cycle_len", "lr_max", "cycle_mult", "n_iter"],
  create: (o) => fit_sgdr(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
