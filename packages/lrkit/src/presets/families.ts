/**
 * The registry entries of every preset: the entries each anchor's `families.ts` exports.
 *
 * @module
 */
import type { Family } from "../spec/family.js";
import { entriesIn } from "../spec/registry.js";
import * as d2l from "./d2l/families.js";
import * as fastai from "./fastai/families.js";
import * as hf from "./hf/families.js";
import * as keras from "./keras/families.js";
import * as mxnet from "./mxnet/families.js";
import * as optax from "./optax/families.js";
import * as recipes from "./recipes/families.js";
import * as timm from "./timm/families.js";

/** Every preset's registry entry, anchor by anchor. */
export const presetFamilies: readonly Family[] = [
  d2l,
  mxnet,
  keras,
  optax,
  timm,
  hf,
  fastai,
  recipes,
].flatMap((anchor) => entriesIn(anchor));
