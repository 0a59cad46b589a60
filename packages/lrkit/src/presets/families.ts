/**
 * The registry entries of every preset.
 *
 * @module
 */
import type { Family } from "../spec/family.js";
import { d2lFamilies } from "./d2l/families.js";
import { fastaiFamilies } from "./fastai/families.js";
import { hfFamilies } from "./hf/families.js";
import { kerasFamilies } from "./keras/families.js";
import { mxnetFamilies } from "./mxnet/families.js";
import { optaxFamilies } from "./optax/families.js";
import { recipesFamilies } from "./recipes/families.js";
import { timmFamilies } from "./timm/families.js";

/** Every preset's registry entry, anchor by anchor. */
export const presetFamilies: readonly Family[] = [
  ...d2lFamilies,
  ...mxnetFamilies,
  ...kerasFamilies,
  ...optaxFamilies,
  ...timmFamilies,
  ...hfFamilies,
  ...fastaiFamilies,
  ...recipesFamilies,
];
