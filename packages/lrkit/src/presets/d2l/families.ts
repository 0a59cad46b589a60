import type { Family } from "../../spec/family.js";

/** The registry entries of the d2l presets. */
export const d2lFamilies: readonly Family[] = [];
