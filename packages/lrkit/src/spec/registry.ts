/**
 * The registry of every schedule type that `fromSpec` and the text syntax know: the core families
 * and combinators, and what {@link registerFamilies} adds (importing `lrkit/presets` adds the
 * anchors' presets).
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

const known = new Map([...coreFamilies, ...combinators].map((f) => [f.type, f]));

/**
 * Every registered type by name: the core families and combinators, and the anchors' presets once
 * `lrkit/presets` is imported (the presets are a quarter of lrkit's code: an app that never names
 * one does not bundle them).
 */
export const registry: ReadonlyMap<string, Family> = known;

/**
 * Adds schedule types to the {@link registry}, so that `fromSpec`, the text syntax, `lint` and the
 * exporters know them. Importing `lrkit/presets` registers the anchors' presets this way; an app
 * registers its own families the same way.
 *
 * @param families - the registry entries; registering the same entry again does nothing.
 * @throws TypeError when another entry already has one of the types.
 * @example
 * ```ts
 * registerFamilies([myFamily]);
 * parseSchedule("my.schedule(lr=0.1)");
 * ```
 */
export function registerFamilies(families: readonly Family[]): void {
  for (const family of families) {
    const existing = known.get(family.type);
    if (existing !== undefined && existing !== family)
      throw new TypeError(`registerFamilies: the type "${family.type}" is already registered`);
  }
  for (const family of families) known.set(family.type, family);
}

/**
 * Why a type is unknown, for the messages of `fromSpec` and the text syntax: a preset's name
 * before `lrkit/presets` is imported, or a name `lrkit types` does not list.
 *
 * @param type - the unknown type, e.g. `"optax.cosine_decay_schedule"`.
 * @example
 * ```ts
 * unknownTypeHint("cosin"); // "(`lrkit types` lists them)"
 * ```
 */
export function unknownTypeHint(type: string): string {
  const anchor = type.includes(".") ? `${type.slice(0, type.indexOf("."))}.` : undefined;
  const anchorKnown = anchor !== undefined && [...known.keys()].some((t) => t.startsWith(anchor));
  return anchor !== undefined && !anchorKnown
    ? `(the anchors' presets are known once "lrkit/presets" is imported)`
    : "(`lrkit types` lists them)";
}
