import type { Family } from "../../spec/family.js";

/** The registry entries of the mxnet presets. */
export const mxnetFamilies: readonly Family[] = [];
