// Anchor: fastai/fastai fastai/callback/schedule.py (from nbs/14_callback.schedule.ipynb):
// sched_lin/SchedLin, sched_cos/SchedCos, sched_no/SchedNo, sched_exp/SchedExp.
import * as v from "valibot";
import { constant } from "../../families/constant.js";
import { linear } from "../../families/linear.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { fastaiExpression, fastaiScheduler, withFastaiCall } from "./torchCall.js";
import { definePreset } from "../../spec/defineFamily.js";
import {
  overSteps,
  schedCos,
  schedExp,
  schedLin,
  stepsParam,
  withPosition,
  type PositionFunction,
} from "./position.js";
import type {
  SchedLinOptions,
  SchedCosOptions,
  SchedNoOptions,
  SchedExpOptions,
} from "./options.generated.js";

export type { SchedLinOptions, SchedCosOptions, SchedNoOptions, SchedExpOptions };

const params = v.strictObject({
  start: p.nonNegative("The value at pos = 0 (step 0)."),
  end: p.nonNegative("The value at pos = 1 (step `steps`), held after."),
  steps: stepsParam(),
});

const noParams = v.strictObject({
  start: p.nonNegative("The value at every step."),
  end: p.nonNegative("Unused, as in fastai (its signature has it)."),
  steps: stepsParam(),
});

const expParams = v.strictObject({
  start: p.positive("The value at pos = 0 (step 0); positive (fastai divides by it)."),
  end: p.nonNegative("The value at pos = 1 (step `steps`), held after."),
  steps: stepsParam(),
});

/** The parsed options of an annealer: fastai's `start` and `end`, and lrkit's `steps`. */
interface Parsed {
  readonly start: number;
  readonly end: number;
  readonly steps: number;
}

/**
 * The preset: `inner` (or `f` over the steps) with the preset's spec, remembering `f` for
 * combine_scheds and fastai's own call for export.
 */
function annealer(
  name: string,
  options: object,
  { start, end, steps }: Parsed,
  f: PositionFunction,
  inner: (t: number) => number = overSteps(f, steps),
): Schedule {
  const s = define((t) => inner(t), specOf(name, options), { horizon: steps });
  return withFastaiCall(withPosition(s, f), fastaiExpression(name.slice("fastai.".length), [start, end]));
}

/**
 * fastai's `SchedLin(start, end)`: linear annealing, `start + pos*(end-start)` at
 * `pos = min(t, steps) / steps`.
 *
 * fastai's `SchedLin` returns an `_Annealer` (the picklable form of the `annealer` decorator, which
 * turns `sched_lin(start, end, pos)` into a function of `pos`); lrkit's `steps` maps the step onto
 * `pos`. The core {@link linear} computes the same numbers in the same order.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link SchedLinOptions} for each one's meaning and default.
 * @throws RangeError for negative values or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * const s = SchedLin({ start: 0, end: 2, steps: 4 });
 * [s(0), s(1), s(4), s(9)]; // [0, 0.5, 2, 2]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function SchedLin(options: SchedLinOptions): Schedule {
  const name = "fastai.SchedLin";
  const o = parseParams(name, params, options);
  const { start, end, steps } = o;
  const inner = linear({ from: start, to: end, steps });
  return annealer(name, options, o, (pos) => schedLin(start, end, pos), inner);
}

/**
 * fastai's `SchedCos(start, end)`: cosine annealing, `start + (1 + cos(pi*(1-pos))) * (end-start) / 2`
 * at `pos = min(t, steps) / steps`, rising or falling.
 *
 * The closed form in fastai's own operation order: the core {@link cosine} writes the same curve as
 * `minLr + amplitude * (1 + cos(pi*pos)) / 2`, which rounds differently (by far more than an ulp
 * relative to the value where the curve approaches 0) and only falls.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link SchedCosOptions} for each one's meaning and default.
 * @throws RangeError for negative values or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * const s = SchedCos({ start: 0, end: 2, steps: 4 });
 * [s(0), s(1), s(2), s(4)]; // [0, 0.29289321881345254, 1, 2]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function SchedCos(options: SchedCosOptions): Schedule {
  const name = "fastai.SchedCos";
  const o = parseParams(name, params, options);
  const { start, end } = o;
  return annealer(name, options, o, (pos) => schedCos(start, end, pos));
}

/**
 * fastai's `SchedNo(start, end)`: the constant `start`; `end` is accepted and ignored, as in fastai.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link SchedNoOptions} for each one's meaning and default.
 * @throws RangeError for negative values or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * SchedNo({ start: 0.1, end: 1, steps: 100 })(50); // 0.1
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function SchedNo(options: SchedNoOptions): Schedule {
  const name = "fastai.SchedNo";
  const o = parseParams(name, noParams, options);
  const { start } = o;
  const inner = constant({ lr: start });
  return annealer(name, options, o, () => start, inner);
}

/**
 * fastai's `SchedExp(start, end)`: exponential annealing, `start * (end/start) ** pos` at
 * `pos = min(t, steps) / steps` (the LR finder's sweep).
 *
 * fastai divides by `start`, so `start = 0` raises ZeroDivisionError there and a RangeError here.
 * `end = 0` is accepted, as in fastai: `start` at step 0, then 0. A closed form: the core
 * {@link exponential} computes the same numbers for `end > 0` but rejects a zero rate.
 *
 * @param options - fastai's parameters and lrkit's length: see {@link SchedExpOptions} for each one's meaning and default.
 * @throws RangeError for `start <= 0`, a negative `end` or a `steps` that is not a positive integer.
 * @example
 * ```ts
 * const s = SchedExp({ start: 1e-7, end: 10, steps: 100 });
 * [s(0), s(50), s(100)]; // [1e-7, 0.001, 10]
 * ```
 * @see fastai/fastai `fastai/callback/schedule.py`.
 */
export function SchedExp(options: SchedExpOptions): Schedule {
  const name = "fastai.SchedExp";
  const o = parseParams(name, expParams, options);
  const { start, end } = o;
  return annealer(name, options, o, (pos) => schedExp(start, end, pos));
}

/** Registry entry of {@link SchedLin}. */
export const SchedLinFamily = /* @__PURE__ */ definePreset({
  type: "fastai.SchedLin",
  summary: "fastai SchedLin: linear from start to end over steps (pos = t / steps).",
  example: "fastai.SchedLin(start=0.1, end=0.001, steps=100)",
  params,
  // Positional: fastai's signature (start, end), then lrkit's steps.
  positional: ["start", "end", "steps"],
  create: (o) => SchedLin(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});

/** Registry entry of {@link SchedCos}. */
export const SchedCosFamily = /* @__PURE__ */ definePreset({
  type: "fastai.SchedCos",
  summary: "fastai SchedCos: half a cosine from start to end over steps (pos = t / steps).",
  example: "fastai.SchedCos(start=0.1, end=0.001, steps=100)",
  params,
  positional: ["start", "end", "steps"],
  create: (o) => SchedCos(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});

/** Registry entry of {@link SchedNo}. */
export const SchedNoFamily = /* @__PURE__ */ definePreset({
  type: "fastai.SchedNo",
  summary: "fastai SchedNo: the constant start (end is ignored).",
  example: "fastai.SchedNo(start=0.1, end=0.1, steps=100)",
  params: noParams,
  positional: ["start", "end", "steps"],
  create: (o) => SchedNo(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});

/** Registry entry of {@link SchedExp}. */
export const SchedExpFamily = /* @__PURE__ */ definePreset({
  type: "fastai.SchedExp",
  summary: "fastai SchedExp: exponential from start to end over steps (pos = t / steps).",
  example: "fastai.SchedExp(start=0.1, end=0.001, steps=100)",
  params: expParams,
  positional: ["start", "end", "steps"],
  create: (o) => SchedExp(o),
  preset: { anchor: "fastai", native: { pytorch: (_, context) => fastaiScheduler(context) } },
});
