import { fmt, text } from "../format.js";
import type { LintRule } from "../types.js";

/**
 * `negative-lr`: a negative lr turns gradient descent into ascent. Schedules that take values of any
 * sign (formulas, interpolations, and the Optax presets, as Optax's own schedules do) can drive one.
 */
export const negativeRule: LintRule = {
  code: "negative-lr",
  severity: "error",
  summary: "The lr is negative at some step of the plan (gradient ascent).",
  check: ({ values, schedule }) => {
    let first = -1;
    let count = 0;
    let low = 0;
    values.forEach((v, t) => {
      if (!(v < 0) || !Number.isFinite(v)) return;
      if (first < 0) first = t;
      count++;
      low = Math.min(low, v);
    });
    if (first < 0) return [];
    const more = count > 1 ? `, and at ${count - 1} more steps (lowest ${fmt(low)})` : "";
    const wrap = schedule ? `clamp(${text(schedule.spec)}, min=0)` : "clamp(schedule, min=0)";
    return [
      {
        code: "negative-lr",
        severity: "error",
        step: first,
        message: `lr is ${fmt(values[first]!)} at step ${first}${more}: a negative lr climbs the loss.`,
        fix: `Fix the parameter that drives it below zero (a formula, a scale, an interpolation value, or an Optax value, which Optax lets be negative), or bound it: ${wrap}.`,
      },
    ];
  },
};
