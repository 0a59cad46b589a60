import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { interpolation, interpolationForm } from "./interpolate.js";
import { torchScheduler } from "../export/nativeCalls.js";
import { extendParam } from "../spec/lintFacts.js";
import type { OneCycleOptions, OneCycleMomentumOptions } from "../spec/options.generated.js";

export type { OneCycleOptions, OneCycleMomentumOptions };

const shape = {
  steps: p.positiveInt("The length of the run (PyTorch's total_steps)."),
  pctStart: v.optional(p.openUnit("The fraction of the run spent rising. Defaults to 0.3."), 0.3),
  anneal: v.optional(p.oneOf(["cos", "linear"], 'The shape of every phase. Defaults to "cos".'), "cos"),
  threePhase: v.optional(
    p.boolean("Fall back to the start value symmetrically before the final annihilation. Defaults to false."),
    false,
  ),
};

const params = v.strictObject({
  maxLr: p.nonNegative("The peak learning rate."),
  ...shape,
  divFactor: v.optional(p.positive("The start lr is maxLr / divFactor. Defaults to 25."), 25),
  finalDivFactor: v.optional(
    p.positive("The final lr is the start lr / finalDivFactor. Defaults to 1e4."),
    1e4,
  ),
});

const momentumParams = v.strictObject({
  ...shape,
  baseMomentum: v.optional(p.unit("The momentum at the lr's peak. Defaults to 0.85."), 0.85),
  maxMomentum: v.optional(p.unit("The momentum at the start and the end. Defaults to 0.95."), 0.95),
});

/** PyTorch's phase ends: `pct * T - 1`, (`2 * pct * T - 2`), `T - 1`, from step 0. */
function knots(fn: string, steps: number, pctStart: number, threePhase: boolean): number[] {
  const peak = pctStart * steps - 1;
  const ends = threePhase ? [0, peak, 2 * pctStart * steps - 2, steps - 1] : [0, peak, steps - 1];
  for (let i = 1; i < ends.length; i++) {
    ensure(
      ends[i]! > ends[i - 1]!,
      fn,
      "pctStart",
      `leaves an empty phase with steps = ${steps} (phase ends ${ends.slice(1).join(", ")})`,
      pctStart,
    );
  }
  return ends;
}

/**
 * The one-cycle policy (Smith & Topin, 2019): the lr rises from `maxLr / divFactor` to `maxLr`
 * over the first `pctStart` of the run, then anneals to `maxLr / divFactor / finalDivFactor`;
 * with `threePhase` it first returns to the start value symmetrically. It is an
 * {@link interpolate} through PyTorch's phase ends (`pctStart * steps - 1`, `steps - 1`), so the
 * values equal `OneCycleLR`'s at every step of the run; past the run the final value holds.
 *
 * @param options - the options: see {@link OneCycleOptions} for each one's meaning and default.
 * @throws RangeError when a phase would be empty (too few steps for `pctStart`).
 * @example
 * ```ts
 * const s = oneCycle({ maxLr: 0.1, steps: 100 });
 * [s(0), s(29), s(99)]; // [0.004, 0.1, 4e-7]
 * ```
 * @see Smith & Topin, "Super-Convergence", 2019; PyTorch `torch.optim.lr_scheduler.OneCycleLR`.
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  const o = parseParams("oneCycle", params, options);
  const initial = o.maxLr / o.divFactor;
  const final = initial / o.finalDivFactor;
  const values = o.threePhase ? [initial, o.maxLr, initial, final] : [initial, o.maxLr, final];
  const fn = interpolation(knots("oneCycle", o.steps, o.pctStart, o.threePhase), values, o.anneal);
  return define(fn, specOf("oneCycle", options), { horizon: o.steps });
}

/**
 * The momentum that goes with {@link oneCycle}: from `maxMomentum` down to `baseMomentum` while the
 * lr rises, and back up while it falls (PyTorch's `cycle_momentum`).
 *
 * @param options - the options: see {@link OneCycleMomentumOptions} for each one's meaning and default.
 * @throws RangeError as {@link oneCycle}.
 * @example
 * ```ts
 * oneCycleMomentum({ steps: 100 })(29); // 0.85
 * ```
 */
export function oneCycleMomentum(options: OneCycleMomentumOptions): Schedule {
  const o = parseParams("oneCycleMomentum", momentumParams, options);
  const values = o.threePhase
    ? [o.maxMomentum, o.baseMomentum, o.maxMomentum, o.maxMomentum]
    : [o.maxMomentum, o.baseMomentum, o.maxMomentum];
  const fn = interpolation(knots("oneCycleMomentum", o.steps, o.pctStart, o.threePhase), values, o.anneal);
  return define(fn, specOf("oneCycleMomentum", options), { horizon: o.steps });
}

/** Registry entry of {@link oneCycle}. */
export const oneCycleFamily = /* @__PURE__ */ defineFamily({
  type: "oneCycle",
  summary: "Smith's one-cycle: warm up to maxLr, then anneal far below the start (OneCycleLR).",
  example: "oneCycle(maxLr=0.1, steps=100)",
  params,
  positional: ["maxLr", "steps", "pctStart", "anneal", "threePhase", "divFactor", "finalDivFactor"],
  create: (o) => oneCycle(o),
  closedForm: (o, x) => {
    const initial = o.maxLr / o.divFactor;
    const final = initial / o.finalDivFactor;
    const values = o.threePhase ? [initial, o.maxLr, initial, final] : [initial, o.maxLr, final];
    return interpolationForm(knots("oneCycle", o.steps, o.pctStart, o.threePhase), values, o.anneal, x);
  },
  lint: {
    counts: ["steps"],
    integerCounts: true,
    extend: (spec, extra) => extendParam(spec, "steps", extra),
    total: { param: "steps", torch: "OneCycleLR", torchParam: "total_steps" },
  },
  native: {
    pytorch: (o, { steps }) =>
      steps <= o.steps
        ? torchScheduler(o.maxLr, "OneCycleLR", {
            max_lr: o.maxLr,
            total_steps: o.steps,
            pct_start: o.pctStart,
            anneal_strategy: o.anneal,
            div_factor: o.divFactor,
            final_div_factor: o.finalDivFactor,
            three_phase: o.threePhase,
            cycle_momentum: false,
          })
        : undefined,
  },
});

/** Registry entry of {@link oneCycleMomentum}. */
export const oneCycleMomentumFamily = /* @__PURE__ */ defineFamily({
  type: "oneCycleMomentum",
  summary: "The momentum of the one-cycle policy: down while the lr rises, up while it falls.",
  example: "oneCycleMomentum(steps=100)",
  params: momentumParams,
  positional: ["steps", "pctStart", "anneal", "threePhase", "baseMomentum", "maxMomentum"],
  create: (o) => oneCycleMomentum(o),
  closedForm: (o, x) => {
    const [lo, hi] = [o.baseMomentum, o.maxMomentum];
    const values = o.threePhase ? [hi, lo, hi, hi] : [hi, lo, hi];
    return interpolationForm(
      knots("oneCycleMomentum", o.steps, o.pctStart, o.threePhase),
      values,
      o.anneal,
      x,
    );
  },
  lint: {
    counts: ["steps"],
    integerCounts: true,
    extend: (spec, extra) => extendParam(spec, "steps", extra),
  },
  native: {},
});
