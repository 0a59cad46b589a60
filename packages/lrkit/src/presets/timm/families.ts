import type { Family } from "../../spec/family.js";

/** The registry entries of the timm presets. */
export const timmFamilies: readonly Family[] = [];
