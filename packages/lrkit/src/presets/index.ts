/**
 * The anchors' schedules under their own names and parameter names, so that a recipe can be copied
 * over unchanged. Each returns a `Schedule` whose spec type is `"<anchor>.<Name>"`.
 *
 * Importing this entry registers every preset (see `registerFamilies`), so that `fromSpec`, the
 * text syntax, `lint` and the exporters know them: `import "lrkit/presets"` is enough.
 *
 * @module
 */
import { registerFamilies } from "../spec/registry.js";
import { presetFamilies } from "./families.js";

registerFamilies(presetFamilies);

export * as d2l from "./d2l/index.js";
export * as fastai from "./fastai/index.js";
export * as hf from "./hf/index.js";
export * as keras from "./keras/index.js";
export * as mxnet from "./mxnet/index.js";
export * as optax from "./optax/index.js";
export * as recipes from "./recipes/index.js";
export * as timm from "./timm/index.js";
export { presetFamilies } from "./families.js";
