// Generated from the registry entries' schemas by packages/lrkit/src/test/optionsInterfaces.ts:
// do not edit. `LRKIT_WRITE_GENERATED=1 npx vitest run packages/lrkit/src/spec/options.test.ts` rewrites it.
/**
 * The options of every core family and combinator, one TSDoc'd interface each (hover shows each
 * field's meaning and default), written from the family's schema.
 *
 * @module
 */
import type * as v from "valibot";
import type { clampFamily } from "../compose/clamp.js";
import type { noiseFamily } from "../compose/noise.js";
import type { repeatFamily } from "../compose/repeat.js";
import type { warmupFamily } from "../compose/warmup.js";
import type { constantFamily } from "../families/constant.js";
import type { cosineFamily } from "../families/cosine.js";
import type { cyclicFamily } from "../families/cyclic.js";
import type { exponentialFamily } from "../families/exponential.js";
import type { factorFamily } from "../families/factor.js";
import type { formulaFamily } from "../families/formula.js";
import type { interpolateFamily } from "../families/interpolate.js";
import type { inverseSqrtFamily } from "../families/inverseSqrt.js";
import type { inverseTimeFamily } from "../families/inverseTime.js";
import type { linearFamily } from "../families/linear.js";
import type { multiStepFamily } from "../families/multiStep.js";
import type { oneCycleFamily, oneCycleMomentumFamily } from "../families/oneCycle.js";
import type { piecewiseConstantFamily } from "../families/piecewiseConstant.js";
import type { polynomialFamily } from "../families/polynomial.js";
import type { sgdrFamily } from "../families/sgdr.js";
import type { stepFamily } from "../families/step.js";
import type { tanhFamily } from "../families/tanh.js";
import type { wsdFamily } from "../families/wsd.js";

/** Options of `constant`. */
export interface ConstantOptions {
  /** The learning rate at every step. */
  readonly lr: number;
}

/** Options of `step`. */
export interface StepOptions {
  /** The learning rate before the first decay. */
  readonly lr: number;
  /** Steps between two decays. */
  readonly stepSize: number;
  /** The factor applied at every decay. Defaults to 0.1. */
  readonly gamma?: number;
}

/** Options of `multiStep`. */
export interface MultiStepOptions {
  /** The learning rate before the first milestone. */
  readonly lr: number;
  /** Steps at which the lr is multiplied by gamma; sorted; a repeated milestone applies gamma twice. */
  readonly milestones: number[];
  /** The factor applied at every milestone. Defaults to 0.1. */
  readonly gamma?: number;
}

/** Options of `exponential`. */
export interface ExponentialOptions {
  /** The learning rate until the decay begins. */
  readonly lr: number;
  /** The decay rate: the lr is multiplied by gamma every decaySteps steps. */
  readonly gamma: number;
  /** Steps over which the lr is multiplied by gamma once. Defaults to 1. */
  readonly decaySteps?: number;
  /** Decay in discrete jumps (floor of the exponent). Defaults to false. */
  readonly staircase?: boolean;
  /** Steps before the decay begins. Defaults to 0. */
  readonly transitionBegin?: number;
  /** A bound the decay stops at: a floor when gamma < 1, a ceiling when gamma > 1. Defaults to none. */
  readonly endLr?: number;
}

/** Options of `factor`. */
export interface FactorOptions {
  /** The learning rate before the first decay. */
  readonly lr: number;
  /** The factor applied every stepSize steps, in (0, 1]. */
  readonly factor: number;
  /** Steps between two decays. Defaults to 1. */
  readonly stepSize?: number;
  /** The floor the lr never goes below. Defaults to 0. */
  readonly minLr?: number;
}

/** Options of `inverseSqrt`. */
export interface InverseSqrtOptions {
  /** The learning rate at step 0. */
  readonly lr: number;
  /** Steps over which the lr falls by a factor sqrt(2). Defaults to 1. */
  readonly timescale?: number;
}

/** Options of `inverseTime`. */
export interface InverseTimeOptions {
  /** The learning rate at step 0. */
  readonly lr: number;
  /** How fast the lr falls: lr / (1 + decayRate * t / decaySteps). */
  readonly decayRate: number;
  /** The unit of t in the decay. Defaults to 1. */
  readonly decaySteps?: number;
  /** Floor t / decaySteps. Defaults to false. */
  readonly staircase?: boolean;
}

/** Options of `polynomial`. */
export interface PolynomialOptions {
  /** The learning rate at step 0. */
  readonly lr: number;
  /** The horizon: steps to reach endLr. */
  readonly steps: number;
  /** The exponent of the decay; 1 is linear. Defaults to 1. */
  readonly power?: number;
  /** The learning rate at the horizon. Defaults to 0. */
  readonly endLr?: number;
  /** Restart past the horizon with a horizon stretched to the next multiple of steps. Defaults to false. */
  readonly cycle?: boolean;
}

/** Options of `linear`. */
export interface LinearOptions {
  /** The learning rate at step 0. */
  readonly from: number;
  /** The learning rate from step `steps` on. */
  readonly to: number;
  /** The length of the ramp. */
  readonly steps: number;
}

/** Options of `cosine`. */
export interface CosineOptions {
  /** The learning rate at step 0 (the peak). */
  readonly lr: number;
  /** The horizon: steps to reach minLr. */
  readonly steps: number;
  /** The learning rate at the horizon. Defaults to 0. */
  readonly minLr?: number;
  /** Past the horizon: "hold" stays at minLr (d2l, Keras, Optax); "periodic" rises again (PyTorch). Defaults to "hold". */
  readonly after?: "hold" | "periodic";
  /** Raises the cosine factor to this power (Optax). Defaults to 1. */
  readonly exponent?: number;
  /** k-decay: the phase is pi * (t/steps)^k; k > 1 holds the lr up longer. Defaults to 1. */
  readonly k?: number;
}

/** Options of `sgdr`. */
export interface SgdrOptions {
  /** The peak learning rate of the first cycle. */
  readonly lr: number;
  /** The length of the first cycle (T_0). */
  readonly period: number;
  /** Each cycle is periodMult times longer than the previous one (T_mult). Defaults to 1. */
  readonly periodMult?: number;
  /** The learning rate at the end of each cycle. Defaults to 0. */
  readonly minLr?: number;
  /** The peak is multiplied by decay at every restart. Defaults to 1. */
  readonly decay?: number;
  /** What decay scales: the "peak" lr (timm) or the "amplitude" lr - minLr (Keras). Defaults to "peak". */
  readonly decayMode?: "peak" | "amplitude";
  /** Cycles to run; after them the lr stays at minLr. Defaults to unlimited. */
  readonly cycleLimit?: number;
  /** k-decay exponent of each cycle's cosine. Defaults to 1. */
  readonly k?: number;
}

/** Options of `cyclic`. */
export interface CyclicOptions {
  /** The learning rate at the bottom of each cycle. */
  readonly baseLr: number;
  /** The learning rate at the top of the first cycle. */
  readonly maxLr: number;
  /** Steps from the bottom to the top of a cycle. */
  readonly stepsUp: number;
  /** Steps from the top back to the bottom. Defaults to stepsUp. */
  readonly stepsDown?: number;
  /** "triangular" keeps the amplitude, "triangular2" halves it every cycle, "exp_range" multiplies it by gamma^t. Defaults to "triangular". */
  readonly mode?: "triangular" | "triangular2" | "exp_range";
  /** The per-step amplitude factor of "exp_range". Defaults to 1. */
  readonly gamma?: number;
  /** A formula in x that scales the amplitude, replacing mode (e.g. "1 / (2 ** (x - 1))"). Defaults to none. */
  readonly scale?: string;
  /** Whether x in `scale` is the cycle number (from 1) or the step. Defaults to "cycle". */
  readonly scaleMode?: "cycle" | "iterations";
}

/** Options of `oneCycle`. */
export interface OneCycleOptions {
  /** The peak learning rate. */
  readonly maxLr: number;
  /** The length of the run (PyTorch's total_steps). */
  readonly steps: number;
  /** The fraction of the run spent rising. Defaults to 0.3. */
  readonly pctStart?: number;
  /** The shape of every phase. Defaults to "cos". */
  readonly anneal?: "cos" | "linear";
  /** Fall back to the start value symmetrically before the final annihilation. Defaults to false. */
  readonly threePhase?: boolean;
  /** The start lr is maxLr / divFactor. Defaults to 25. */
  readonly divFactor?: number;
  /** The final lr is the start lr / finalDivFactor. Defaults to 1e4. */
  readonly finalDivFactor?: number;
}

/** Options of `oneCycleMomentum`. */
export interface OneCycleMomentumOptions {
  /** The length of the run (PyTorch's total_steps). */
  readonly steps: number;
  /** The fraction of the run spent rising. Defaults to 0.3. */
  readonly pctStart?: number;
  /** The shape of every phase. Defaults to "cos". */
  readonly anneal?: "cos" | "linear";
  /** Fall back to the start value symmetrically before the final annihilation. Defaults to false. */
  readonly threePhase?: boolean;
  /** The momentum at the lr's peak. Defaults to 0.85. */
  readonly baseMomentum?: number;
  /** The momentum at the start and the end. Defaults to 0.95. */
  readonly maxMomentum?: number;
}

/** Options of `tanh`. */
export interface TanhOptions {
  /** The learning rate the curve starts near. */
  readonly lr: number;
  /** The horizon; from it on the lr is minLr. */
  readonly steps: number;
  /** The learning rate at and after the horizon. Defaults to 0. */
  readonly minLr?: number;
  /** The tanh argument at step 0. Defaults to -7. */
  readonly lb?: number;
  /** The tanh argument at the horizon. Defaults to 3. */
  readonly ub?: number;
}

/** Options of `wsd`. */
export interface WsdOptions {
  /** The learning rate of the stable phase. */
  readonly lr: number;
  /** The length of the stable and decay phases together; minLr from it on. */
  readonly steps: number;
  /** The length of the decay phase, the last decaySteps of steps. */
  readonly decaySteps: number;
  /** The learning rate at the end of the decay. Defaults to 0. */
  readonly minLr?: number;
  /** The shape of the decay. Defaults to "1-sqrt". */
  readonly decay?: "linear" | "1-sqrt" | "cosine" | "power" | "exponential";
  /** The exponent of the "power" decay, 1 - frac^p. Defaults to 0.5. */
  readonly decayPower?: number;
  /** The "exponential" decay's ratio before normalisation. Defaults to 0.1. */
  readonly decayRatio?: number;
  /** The stable phase: "constant", or a slow "rsqrt" / "power" decay. Defaults to "constant". */
  readonly stable?: "constant" | "rsqrt" | "power";
  /** The timescale of the "rsqrt" and "power" stable phases. */
  readonly stableTimescale?: number;
  /** The exponent of the "power" stable phase. Defaults to 0.5. */
  readonly stablePower?: number;
}

/** Options of `piecewiseConstant`. */
export interface PiecewiseConstantOptions {
  /** Steps at which the value changes; sorted. */
  readonly boundaries: number[];
  /** One more value than boundaries: the value before, between and after them. */
  readonly values: number[];
  /** "left": the new value starts at the boundary (Optax, PyTorch); "right": just after it (Keras). Defaults to "left". */
  readonly closed?: "left" | "right";
}

/** Options of `interpolate`. */
export interface InterpolateOptions {
  /** Steps at which the curve passes through the given values; strictly increasing. */
  readonly knots: number[];
  /** The value at each knot. */
  readonly values: number[];
  /** How to go from knot to knot. Defaults to "linear". */
  readonly mode?: "linear" | "cos";
}

/** Options of `formula`. */
export interface FormulaScheduleOptions {
  /** A formula in t: numbers, t, pi, + - * / **, parentheses, floor ceil min max abs cos sin tanh exp sqrt log. */
  readonly expr: string;
}

/** Options of `warmup`, after its schedule. */
export interface WarmupOptions {
  /** The length of the warmup. */
  readonly steps: number;
  /** The lr at step 0. Defaults to schedule(0) / (steps + 1). */
  readonly from?: number;
  /** The lr at step 0 as a fraction of schedule(0); instead of from. */
  readonly startRatio?: number;
  /** The shape of the ramp. Defaults to "linear". */
  readonly mode?: "linear" | "constant" | "cosine" | "exponential" | "1-sqrt";
  /** Count the warmup steps in the schedule's own steps (timm warmup_prefix=False). Defaults to false. */
  readonly includeInHorizon?: boolean;
}

/** Options of `clamp`, after its schedule. */
export interface ClampOptions {
  /** The lower bound. Defaults to none. */
  readonly min?: number;
  /** The upper bound. Defaults to none. */
  readonly max?: number;
}

/** Options of `repeat`, after its schedule. */
export interface RepeatOptions {
  /** The length of the first cycle. */
  readonly period: number;
  /** Each cycle is periodMult times longer, the schedule stretched to fit. Defaults to 1. */
  readonly periodMult?: number;
  /** Cycle i is scaled by decay^i. Defaults to 1. */
  readonly decay?: number;
  /** Cycles to run; then the end of the last cycle holds. Defaults to unlimited. */
  readonly limit?: number;
}

/** Options of `noise`, after its schedule. */
export interface NoiseOptions {
  /** The seed: the same seed gives the same noise. Defaults to 42. */
  readonly seed?: number;
  /** The noise is kept within (-pct, pct) of the value, at most 1. Defaults to 0.67. */
  readonly pct?: number;
  /** The standard deviation of the "normal" noise. Defaults to 1. */
  readonly std?: number;
  /** "normal" (truncated) or "uniform". Defaults to "normal". */
  readonly distribution?: "normal" | "uniform";
  /** The first step with noise. Defaults to 0. */
  readonly start?: number;
  /** The first step without noise again. Defaults to never. */
  readonly end?: number;
}

/** `true` when `A` and `B` are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Accepts `true` only. */
type Assert<T extends true> = T;

/** Compiles only while every interface above takes what its schema takes. */
export type OptionsMatchSchemas = Assert<
  [
    Same<ConstantOptions, v.InferInput<(typeof constantFamily)["params"]>>,
    Same<StepOptions, v.InferInput<(typeof stepFamily)["params"]>>,
    Same<MultiStepOptions, v.InferInput<(typeof multiStepFamily)["params"]>>,
    Same<ExponentialOptions, v.InferInput<(typeof exponentialFamily)["params"]>>,
    Same<FactorOptions, v.InferInput<(typeof factorFamily)["params"]>>,
    Same<InverseSqrtOptions, v.InferInput<(typeof inverseSqrtFamily)["params"]>>,
    Same<InverseTimeOptions, v.InferInput<(typeof inverseTimeFamily)["params"]>>,
    Same<PolynomialOptions, v.InferInput<(typeof polynomialFamily)["params"]>>,
    Same<LinearOptions, v.InferInput<(typeof linearFamily)["params"]>>,
    Same<CosineOptions, v.InferInput<(typeof cosineFamily)["params"]>>,
    Same<SgdrOptions, v.InferInput<(typeof sgdrFamily)["params"]>>,
    Same<CyclicOptions, v.InferInput<(typeof cyclicFamily)["params"]>>,
    Same<OneCycleOptions, v.InferInput<(typeof oneCycleFamily)["params"]>>,
    Same<OneCycleMomentumOptions, v.InferInput<(typeof oneCycleMomentumFamily)["params"]>>,
    Same<TanhOptions, v.InferInput<(typeof tanhFamily)["params"]>>,
    Same<WsdOptions, v.InferInput<(typeof wsdFamily)["params"]>>,
    Same<PiecewiseConstantOptions, v.InferInput<(typeof piecewiseConstantFamily)["params"]>>,
    Same<InterpolateOptions, v.InferInput<(typeof interpolateFamily)["params"]>>,
    Same<FormulaScheduleOptions, v.InferInput<(typeof formulaFamily)["params"]>>,
    Same<WarmupOptions, Omit<v.InferInput<(typeof warmupFamily)["params"]>, "schedule">>,
    Same<ClampOptions, Omit<v.InferInput<(typeof clampFamily)["params"]>, "schedule">>,
    Same<RepeatOptions, Omit<v.InferInput<(typeof repeatFamily)["params"]>, "schedule">>,
    Same<NoiseOptions, Omit<v.InferInput<(typeof noiseFamily)["params"]>, "schedule">>,
  ] extends true[]
    ? true
    : false
>;
