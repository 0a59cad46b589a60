/**
 * Successive halving as the results keep it: its parameters, every rung's ranking and survivors by
 * name, and the compute it spent against a comparison without it.
 *
 * @module
 */
import { better } from "../results/metrics.js";
import type { HalvingReport } from "../results/schema.js";
import type { SegmentPlan } from "./segmentPlan.js";
import type { HalvingOptions } from "./successiveHalving.js";

/**
 * The halving section of the results.
 *
 * @param names - the runs' names, in order.
 * @param trained - the epochs each run finished, in order.
 */
export function halvingReport(
  plan: SegmentPlan,
  options: HalvingOptions,
  metric: string,
  names: readonly string[],
  trained: readonly number[],
  epochs: number,
): HalvingReport {
  const sign = better(metric) === "max" ? -1 : 1;
  return {
    minEpochs: options.minEpochs,
    eta: options.eta ?? 2,
    metric,
    rungs: plan.decisions.map((d) => ({
      epoch: d.epoch,
      ranked: d.scores
        .map((s) => ({ name: names[s.run]!, value: Number.isFinite(s.value) ? s.value : null }))
        .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : sign * (a.value - b.value))),
      kept: d.kept.map((run) => names[run]!),
    })),
    epochsTrained: trained.reduce((a, b) => a + b, 0),
    epochsWithout: names.length * epochs,
  };
}
