/**
 * The registry entries of the keras presets, one line per file: a preset's entry exported here is
 * registered by `lrkit/presets` (`presets/families.ts`) and gets its options interface.
 *
 * @module
 */
export { CosineDecayFamily } from "./cosineDecay.js";
export { CosineDecayRestartsFamily } from "./cosineDecayRestarts.js";
export { ExponentialDecayFamily } from "./exponentialDecay.js";
export { InverseTimeDecayFamily } from "./inverseTimeDecay.js";
export { PiecewiseConstantDecayFamily } from "./piecewiseConstantDecay.js";
export { PolynomialDecayFamily } from "./polynomialDecay.js";
