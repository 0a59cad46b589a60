import type { Family } from "../../spec/family.js";

/** The registry entries of the hf presets. */
export const hfFamilies: readonly Family[] = [];
