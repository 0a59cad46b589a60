import type { Family } from "../../spec/family.js";
import { warmUpCosineLrSchedulerFamily } from "./warmUpCosineLrScheduler.js";
import { WarmupCosineLRFamily } from "./warmupCosineLR.js";

/** The registry entries of the recipes presets, in the blog post's order. */
export const recipesFamilies: readonly Family[] = [warmUpCosineLrSchedulerFamily, WarmupCosineLRFamily];
