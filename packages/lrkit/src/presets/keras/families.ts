import type { Family } from "../../spec/family.js";
import { CosineDecayFamily } from "./cosineDecay.js";
import { CosineDecayRestartsFamily } from "./cosineDecayRestarts.js";
import { ExponentialDecayFamily } from "./exponentialDecay.js";
import { InverseTimeDecayFamily } from "./inverseTimeDecay.js";
import { PiecewiseConstantDecayFamily } from "./piecewiseConstantDecay.js";
import { PolynomialDecayFamily } from "./polynomialDecay.js";

/** The registry entries of the keras presets, in the order of Keras' source file. */
export const kerasFamilies: readonly Family[] = [
  ExponentialDecayFamily,
  PiecewiseConstantDecayFamily,
  PolynomialDecayFamily,
  InverseTimeDecayFamily,
  CosineDecayFamily,
  CosineDecayRestartsFamily,
];
