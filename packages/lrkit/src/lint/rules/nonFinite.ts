import { fmt } from "../format.js";
import type { Diagnostic, LintRule } from "../types.js";

/** `non-finite-lr`: NaN or ±Infinity at some step of the plan. */
export const nonFiniteRule: LintRule = {
  code: "non-finite-lr",
  severity: "error",
  summary: "The lr is NaN or infinite at some step of the plan.",
  check: ({ values }) => {
    let first = -1;
    let count = 0;
    values.forEach((v, t) => {
      if (Number.isFinite(v)) return;
      if (first < 0) first = t;
      count++;
    });
    if (first < 0) return [];
    const more = count > 1 ? ` (and at ${count - 1} more of the ${values.length} steps)` : "";
    const d: Diagnostic = {
      code: "non-finite-lr",
      severity: "error",
      step: first,
      message: `lr is ${fmt(values[first]!)} at step ${first}${more}: the optimizer would write ${fmt(values[first]!)} into every weight.`,
      fix: "Guard the expression that leaves its domain at that step (a division by zero, a log or sqrt of a negative number, an overflowing power): e.g. use max(t, 1) in a formula, or clamp(schedule, min=0, max=<peak>).",
    };
    return [d];
  },
};
