import type { Family } from "../../spec/family.js";

/** The registry entries of the optax presets. */
export const optaxFamilies: readonly Family[] = [];
