import type { Family } from "../../spec/family.js";

/** The registry entries of the recipes presets. */
export const recipesFamilies: readonly Family[] = [];
