import type { Family } from "../../spec/family.js";

/** The registry entries of the fastai presets. */
export const fastaiFamilies: readonly Family[] = [];
