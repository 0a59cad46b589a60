import { fmt, pct } from "../format.js";
import type { Diagnostic, LintRule } from "../types.js";

/** `zero-lr`: an lr of exactly 0 wastes the update (DESIGN: warmup never starts at 0 by default). */
export const zeroRule: LintRule = {
  code: "zero-lr",
  severity: "warning",
  summary: "The lr is exactly 0 at some steps: those updates are wasted.",
  check: ({ values, peak, plan }) => {
    const runs: [number, number][] = [];
    values.forEach((v, t) => {
      if (v !== 0) return;
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[1] = t + 1;
      else runs.push([t, t + 1]);
    });
    if (runs.length > 3) {
      const total = runs.reduce((n, [a, b]) => n + b - a, 0);
      const steps = runs
        .slice(0, 4)
        .map(([a]) => a)
        .join(", ");
      return [
        {
          code: "zero-lr",
          severity: "warning",
          step: runs[0]![0],
          message: `lr is exactly 0 at ${total} steps in ${runs.length} separate runs (starting at steps ${steps}, ...): those updates do nothing.`,
          fix: `Keep the bottom of the curve above 0: a floor such as ${peak > 0 ? fmt(peak * 0.01) : "1% of the peak"} (baseLr / minLr / endLr).`,
        },
      ];
    }
    return runs.map(([a, b]): Diagnostic => {
      const n = b - a;
      const where =
        n === 1
          ? `at step ${a}`
          : `from step ${a} to step ${b - 1} (${n} steps, ${pct(n, plan.steps)} of the plan)`;
      if (a === 0) {
        return {
          code: "zero-lr",
          severity: "warning",
          step: 0,
          message: `lr is exactly 0 ${where}: the first update${n > 1 ? "s do" : " does"} nothing (a warmup that starts at 0).`,
          fix: `Start the warmup above 0: leave lrkit's warmup \`from\` unset (it starts at lr / (steps + 1)) or set startRatio=0.1; for a LambdaLR ramp use (epoch + 1) / (warmup + 1) instead of epoch / warmup.`,
        };
      }
      const floor = peak > 0 ? fmt(peak * 0.01) : "a small positive value";
      return {
        code: "zero-lr",
        severity: "warning",
        step: a,
        message: `lr is exactly 0 ${where}: ${n === 1 ? "that update does" : "those updates do"} nothing.`,
        fix:
          b === plan.steps
            ? `Give the decay a floor above 0 (minLr / endLr = ${floor}, 1% of the peak), or end the plan at step ${a}.`
            : `Keep the lr above 0 there (a floor such as minLr = ${floor}), or remove the steps at 0 from the plan.`,
      };
    });
  },
};
