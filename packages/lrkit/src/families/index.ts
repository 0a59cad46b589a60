export { constant, type ConstantOptions } from "./constant.js";
export { cosine, type CosineOptions } from "./cosine.js";
export { cyclic, type CyclicOptions } from "./cyclic.js";
export { exponential, type ExponentialOptions } from "./exponential.js";
export { factor, type FactorOptions } from "./factor.js";
export { formula, type FormulaScheduleOptions } from "./formula.js";
export { interpolate, type InterpolateOptions } from "./interpolate.js";
export { inverseSqrt, type InverseSqrtOptions } from "./inverseSqrt.js";
export { inverseTime, type InverseTimeOptions } from "./inverseTime.js";
export { linear, type LinearOptions } from "./linear.js";
export { multiStep, type MultiStepOptions } from "./multiStep.js";
export {
  oneCycle,
  oneCycleMomentum,
  type OneCycleMomentumOptions,
  type OneCycleOptions,
} from "./oneCycle.js";
export { piecewiseConstant, type PiecewiseConstantOptions } from "./piecewiseConstant.js";
export { polynomial, type PolynomialOptions } from "./polynomial.js";
export { sgdr, type SgdrOptions } from "./sgdr.js";
export { step, type StepOptions } from "./step.js";
export { tanh, type TanhOptions } from "./tanh.js";
export { wsd, type WsdOptions } from "./wsd.js";
