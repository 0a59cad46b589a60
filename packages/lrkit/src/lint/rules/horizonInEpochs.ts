import { fmt, text } from "../format.js";
import { scaleSpec } from "../../spec/rewrite.js";
import type { LintRule } from "../types.js";

/**
 * `horizon-in-epochs`: the plan steps the schedule every batch, but its horizon is about the number
 * of epochs: written for one step per epoch, it ends after a small fraction of the run.
 */
export const horizonInEpochsRule: LintRule = {
  code: "horizon-in-epochs",
  severity: "error",
  summary: "The horizon looks like a number of epochs while the plan steps every batch.",
  check: ({ schedule, plan }) => {
    const H = schedule?.horizon;
    const E = plan.epochs;
    const N = plan.steps;
    if (schedule === undefined || H === undefined || E === undefined || plan.unit !== "batch") return [];
    if (!(H >= 0.5 * E && H <= 1.1 * E && H < N / 2)) return [];
    const perEpoch = plan.stepsPerEpoch ?? N / E;
    const scaled = scaleSpec(schedule.spec, perEpoch);
    return [
      {
        code: "horizon-in-epochs",
        severity: "error",
        step: Math.ceil(H) < N ? Math.ceil(H) : null,
        message:
          `The schedule's horizon is ${fmt(H)} steps, about the plan's ${fmt(E)} epochs, but the plan steps it every ` +
          `batch (${N} steps, ${fmt(perEpoch)} per epoch): it is over after ${fmt(H / perEpoch)} epochs.`,
        fix: scaled
          ? `Count in batches: ${text(scaled)} (every step count times ${fmt(perEpoch)}); or step the schedule once per epoch (plan unit "epoch").`
          : `Multiply every step count by ${fmt(perEpoch)} (batches per epoch), or step the schedule once per epoch (plan unit "epoch").`,
      },
    ];
  },
};
