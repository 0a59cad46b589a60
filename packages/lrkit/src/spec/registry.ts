/**
 * The registry of every schedule type that `fromSpec` and the text syntax know.
 *
 * @module
 */
import { clampFamily } from "../compose/clamp.js";
import { joinFamily } from "../compose/join.js";
import { multiplyFamily } from "../compose/multiply.js";
import { noiseFamily } from "../compose/noise.js";
import { repeatFamily } from "../compose/repeat.js";
import { scaleFamily } from "../compose/scale.js";
import { warmupFamily } from "../compose/warmup.js";
import { constantFamily } from "../families/constant.js";
import { cosineFamily } from "../families/cosine.js";
import { cyclicFamily } from "../families/cyclic.js";
import { exponentialFamily } from "../families/exponential.js";
import { factorFamily } from "../families/factor.js";
import { formulaFamily } from "../families/formula.js";
import { interpolateFamily } from "../families/interpolate.js";
import { inverseSqrtFamily } from "../families/inverseSqrt.js";
import { inverseTimeFamily } from "../families/inverseTime.js";
import { linearFamily } from "../families/linear.js";
import { multiStepFamily } from "../families/multiStep.js";
import { oneCycleFamily, oneCycleMomentumFamily } from "../families/oneCycle.js";
import { piecewiseConstantFamily } from "../families/piecewiseConstant.js";
import { polynomialFamily } from "../families/polynomial.js";
import { sgdrFamily } from "../families/sgdr.js";
import { stepFamily } from "../families/step.js";
import { tanhFamily } from "../families/tanh.js";
import { wsdFamily } from "../families/wsd.js";
import { presetFamilies } from "../presets/families.js";
import type { Family } from "./family.js";

/** The core schedule families, in the order menus show them. */
export const coreFamilies: readonly Family[] = [
  constantFamily,
  stepFamily,
  multiStepFamily,
  exponentialFamily,
  factorFamily,
  inverseSqrtFamily,
  inverseTimeFamily,
  polynomialFamily,
  linearFamily,
  cosineFamily,
  sgdrFamily,
  cyclicFamily,
  oneCycleFamily,
  oneCycleMomentumFamily,
  tanhFamily,
  wsdFamily,
  piecewiseConstantFamily,
  interpolateFamily,
  formulaFamily,
];

/** The combinators, which take schedules as parameters. */
export const combinators: readonly Family[] = [
  warmupFamily,
  joinFamily,
  multiplyFamily,
  scaleFamily,
  clampFamily,
  repeatFamily,
  noiseFamily,
];

/** Every registered type by name: core families, combinators and the anchors' presets. */
export const registry: ReadonlyMap<string, Family> = new Map(
  [...coreFamilies, ...combinators, ...presetFamilies].map((f) => [f.type, f]),
);
