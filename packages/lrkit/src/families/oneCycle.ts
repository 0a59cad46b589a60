import * as z from "zod";
import { ensure, p, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";
import { interpolation } from "./interpolate.js";

const shape = {
  steps: p.positiveInt().describe("The length of the run (PyTorch's total_steps)."),
  pctStart: p.openUnit().default(0.3).describe("The fraction of the run spent rising. Defaults to 0.3."),
  anneal: p.oneOf(["cos", "linear"]).default("cos").describe('The shape of every phase. Defaults to "cos".'),
  threePhase: p
    .boolean()
    .default(false)
    .describe("Fall back to the start value symmetrically before the final annihilation. Defaults to false."),
};

const params = z.strictObject({
  maxLr: p.nonNegative().describe("The peak learning rate."),
  ...shape,
  divFactor: p.positive().default(25).describe("The start lr is maxLr / divFactor. Defaults to 25."),
  finalDivFactor: p
    .positive()
    .default(1e4)
    .describe("The final lr is the start lr / finalDivFactor. Defaults to 1e4."),
});

const momentumParams = z.strictObject({
  ...shape,
  baseMomentum: p.unit().default(0.85).describe("The momentum at the lr's peak. Defaults to 0.85."),
  maxMomentum: p.unit().default(0.95).describe("The momentum at the start and the end. Defaults to 0.95."),
});

/** Options of {@link oneCycle}. */
export type OneCycleOptions = z.input<typeof params>;
/** Options of {@link oneCycleMomentum}. */
export type OneCycleMomentumOptions = z.input<typeof momentumParams>;

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
 * @param options.maxLr - the peak.
 * @param options.steps - the run length; a positive integer.
 * @param options.pctStart - in (0, 1). Defaults to 0.3.
 * @param options.divFactor - Defaults to 25.
 * @param options.finalDivFactor - Defaults to 1e4.
 * @param options.anneal - `"cos"` or `"linear"`. Defaults to `"cos"`.
 * @param options.threePhase - Defaults to false.
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
 * @param options.steps - the run length.
 * @param options.pctStart - Defaults to 0.3.
 * @param options.baseMomentum - Defaults to 0.85.
 * @param options.maxMomentum - Defaults to 0.95.
 * @param options.anneal - Defaults to `"cos"`.
 * @param options.threePhase - Defaults to false.
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
export const oneCycleFamily: Family = {
  type: "oneCycle",
  summary: "Smith's one-cycle: warm up to maxLr, then anneal far below the start (OneCycleLR).",
  example: "oneCycle(maxLr=0.1, steps=100)",
  params,
  create: (o) => oneCycle(o as OneCycleOptions),
};

/** Registry entry of {@link oneCycleMomentum}. */
export const oneCycleMomentumFamily: Family = {
  type: "oneCycleMomentum",
  summary: "The momentum of the one-cycle policy: down while the lr rises, up while it falls.",
  example: "oneCycleMomentum(steps=100)",
  params: momentumParams,
  create: (o) => oneCycleMomentum(o as OneCycleMomentumOptions),
};
