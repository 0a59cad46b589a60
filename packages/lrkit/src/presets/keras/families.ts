import type { Family } from "../../spec/family.js";

/** The registry entries of the keras presets. */
export const kerasFamilies: readonly Family[] = [];
