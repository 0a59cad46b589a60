/**
 * Keras' learning-rate schedules (`keras.optimizers.schedules`) under their own names and
 * parameter names, from keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`.
 * Keras computes in float32 by default; these give the same formulas in float64.
 *
 * @module
 */
export { CosineDecay, type CosineDecayOptions } from "./cosineDecay.js";
export { CosineDecayRestarts, type CosineDecayRestartsOptions } from "./cosineDecayRestarts.js";
export { ExponentialDecay, type ExponentialDecayOptions } from "./exponentialDecay.js";
export { InverseTimeDecay, type InverseTimeDecayOptions } from "./inverseTimeDecay.js";
export { PiecewiseConstantDecay, type PiecewiseConstantDecayOptions } from "./piecewiseConstantDecay.js";
export { PolynomialDecay, type PolynomialDecayOptions } from "./polynomialDecay.js";
