/**
 * The core schedule families: each one's factory, registry entry and options, one line per family.
 * A family's line here is what registers it: the registry collects the entries exported here (in
 * the order of their names), so a new family is its file plus its line.
 *
 * @module
 */
export { constant, constantFamily, type ConstantOptions } from "./constant.js";
export { cosine, cosineFamily, type CosineOptions } from "./cosine.js";
export { cyclic, cyclicFamily, type CyclicOptions } from "./cyclic.js";
export { exponential, exponentialFamily, type ExponentialOptions } from "./exponential.js";
export { factor, factorFamily, type FactorOptions } from "./factor.js";
export { formula, formulaFamily, type FormulaScheduleOptions } from "./formula.js";
export { interpolate, interpolateFamily, type InterpolateOptions } from "./interpolate.js";
export { inverseSqrt, inverseSqrtFamily, type InverseSqrtOptions } from "./inverseSqrt.js";
export { inverseTime, inverseTimeFamily, type InverseTimeOptions } from "./inverseTime.js";
export { linear, linearFamily, type LinearOptions } from "./linear.js";
export { multiStep, multiStepFamily, type MultiStepOptions } from "./multiStep.js";
export {
  oneCycle,
  oneCycleMomentum,
  oneCycleFamily,
  oneCycleMomentumFamily,
  type OneCycleMomentumOptions,
  type OneCycleOptions,
} from "./oneCycle.js";
export {
  piecewiseConstant,
  piecewiseConstantFamily,
  type PiecewiseConstantOptions,
} from "./piecewiseConstant.js";
export { polynomial, polynomialFamily, type PolynomialOptions } from "./polynomial.js";
export { sgdr, sgdrFamily, type SgdrOptions } from "./sgdr.js";
export { step, stepFamily, type StepOptions } from "./step.js";
export { tanh, tanhFamily, type TanhOptions } from "./tanh.js";
export { wsd, wsdFamily, type WsdOptions } from "./wsd.js";
