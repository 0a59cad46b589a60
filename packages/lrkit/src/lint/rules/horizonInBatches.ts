import { fmt, text } from "../format.js";
import { scaleSpec } from "../../spec/rewrite.js";
import type { LintRule } from "../types.js";

/**
 * `horizon-in-batches`: the plan steps the schedule once per epoch, but its horizon is about the
 * number of batches of the run: it would need `stepsPerEpoch` times more steps to anneal.
 */
export const horizonInBatchesRule: LintRule = {
  code: "horizon-in-batches",
  severity: "warning",
  summary: "The horizon looks like a number of batches while the plan steps once per epoch.",
  check: ({ schedule, plan }) => {
    const H = schedule?.horizon;
    const spe = plan.stepsPerEpoch;
    const N = plan.steps;
    if (schedule === undefined || H === undefined || spe === undefined || plan.unit !== "epoch") return [];
    const batches = N * spe;
    if (!(H >= 0.5 * batches && H <= 1.1 * batches && H > 2 * N)) return [];
    const scaled = scaleSpec(schedule.spec, 1 / spe);
    return [
      {
        code: "horizon-in-batches",
        severity: "warning",
        step: N - 1,
        message:
          `The schedule's horizon is ${fmt(H)} steps, about the run's ${batches} batches, but the plan steps it once ` +
          `per epoch (${N} steps): it gets through ${fmt(N / H)} of its course.`,
        fix: scaled
          ? `Count in epochs: ${text(scaled)} (every step count divided by ${spe}); or step it every batch (plan unit "batch").`
          : `Divide every step count by ${spe} (batches per epoch), or step the schedule every batch (plan unit "batch").`,
      },
    ];
  },
};
