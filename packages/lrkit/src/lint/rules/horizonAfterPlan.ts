import { extent } from "../../math/extent.js";
import { fmt, pct, text } from "../format.js";
import { extendSpec, scaleSpec } from "../../spec/rewrite.js";
import type { LintRule } from "../types.js";

/** `horizon-after-plan`: the plan ends long before the schedule does, so the lr never anneals. */
export const horizonAfterPlanRule: LintRule = {
  code: "horizon-after-plan",
  severity: "warning",
  summary: "The horizon ends after the plan: the lr never finishes annealing.",
  check: ({ schedule, values, plan }) => {
    const H = schedule?.horizon;
    const N = plan.steps;
    if (schedule === undefined || H === undefined || !(H > N)) return [];
    const vEnd = schedule(H);
    const vLast = values[N - 1]!;
    const finite = [...values.filter(Number.isFinite), vEnd].filter(Number.isFinite);
    const [lo, hi] = extent(finite);
    const range = hi - lo;
    if (!(range > 0) || !Number.isFinite(vLast) || !Number.isFinite(vEnd)) return [];
    const left = Math.abs(vLast - vEnd) / range;
    if (left <= 0.1) return [];
    const shorter = extendSpec(schedule.spec, N - H) ?? scaleSpec(schedule.spec, N / H);
    return [
      {
        code: "horizon-after-plan",
        severity: "warning",
        step: N - 1,
        message:
          `The plan stops at step ${N - 1} with lr ${fmt(vLast)}, but the schedule's horizon is step ${fmt(H)}, ` +
          `where it reaches ${fmt(vEnd)}: ${pct(left, 1)} of the way down never happens.`,
        fix: shorter
          ? `Fit the schedule to the ${N}-step plan: ${text(shorter)}; or run the plan for ${Math.ceil(H)} steps.`
          : `Set the schedule's step counts so that its horizon is ${N}, or run the plan for ${Math.ceil(H)} steps.`,
      },
    ];
  },
};
