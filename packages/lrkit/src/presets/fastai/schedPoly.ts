// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb): SchedPoly.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import { overSteps, schedPoly, stepsParam, withPosition } from "./position.js";
import type { SchedPolyOptions } from "./options.generated.js";

export type { SchedPolyOptions };

const NAME = "fastai.SchedPoly";

const params = v.strictObject({
  start: p.nonNegative("The value at pos = 0 (step 0)."),
  end: p.nonNegative("The value at pos = 1 (step `steps`), held after."),
  power: p.nonNegative("The exponent of pos; 1 is linear, 2 leaves start slowly, 0.5 quickly. Non-negative."),
  steps: stepsParam(),
});

/**
 * fastai's `SchedPoly(start, end, power)`: `start + (end - start) * pos ** power` at
 * `pos = min(t, steps) / steps`.
 *
 * Not the polynomial decay of Keras or PyTorch, which raise `1 - pos` to the power: fastai's curve
 * moves away from `start` like `pos ** power` (slowly for `power > 1`), so it is a closed form here
 * rather than the core {@link polynomial}. Unlike `SchedLin` and the others it is a plain closure in
 * fastai, not an `_Annealer`. A negative `power` raises ZeroDivisionError in fastai at the first
 * batch (`0.0 ** power`), and a RangeError here; `power = 0` gives `end` from step 0 on
 * (`0.0 ** 0 = 1`).
 *
 * @param options - fastai's parameters and lrkit's length: see {@link SchedPolyOptions} for each one's meaning and default.
 * @throws RangeError for negative values or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * const s = SchedPoly({ start: 0, end: 2, power: 2, steps: 4 });
 * [s(0), s(1), s(2), s(3), s(4)]; // [0, 0.125, 0.5, 1.125, 2]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function SchedPoly(options: SchedPolyOptions): Schedule {
  const { start, end, power, steps } = parseParams(NAME, params, options);
  const f = (pos: number) => schedPoly(start, end, power, pos);
  const s = withPosition(define(overSteps(f, steps), specOf(NAME, options), { horizon: steps }), f);
  return withFastaiCall(s, fastaiExpression("SchedPoly", [start, end, power]));
}

/** Registry entry of {@link SchedPoly}. */
export const SchedPolyFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "fastai SchedPoly: start + (end - start) * pos ** power over steps (pos = t / steps).",
  example: "fastai.SchedPoly(start=0.1, end=0.001, power=2, steps=100)",
  params,
  // Positional: fastai's signature (start, end, power), then lrkit's steps.
  positional: ["start", "end", "power", "steps"],
  create: (o) => SchedPoly(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
