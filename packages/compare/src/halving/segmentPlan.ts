/**
 * Which epochs each run of a comparison trains to, segment by segment: every epoch at once, or
 * with successive halving the rungs, each decided once every run still in has reached it.
 *
 * @module
 */
import { halvingRungs, rungSurvivors, type HalvingOptions, type RungScore } from "./successiveHalving.js";

/** A segment to train: run `run` until `untilEpoch` epochs are finished. */
export interface Segment {
  readonly run: number;
  readonly untilEpoch: number;
}

/** One rung's decision. */
export interface RungDecision {
  /** Epochs every run had trained. */
  readonly epoch: number;
  /** The runs ranked, with their headline values at the rung (in the order of the runs). */
  readonly scores: readonly RungScore[];
  /** The runs that went on. */
  readonly kept: readonly number[];
}

/** What became of a segment's end: the segments to train now, and the runs stopped. */
export interface PlanStep {
  readonly next: readonly Segment[];
  /** Runs stopped at a rung (pruned), with the epochs they trained. */
  readonly pruned: readonly { readonly run: number; readonly epoch: number }[];
}

/** The segments of a comparison, decided as the runs reach their rungs. */
export interface SegmentPlan {
  /** The rungs (empty without halving). */
  readonly rungs: readonly number[];
  /** Every rung decided so far. */
  readonly decisions: readonly RungDecision[];
  /** The first segment of every run. */
  first(): Segment[];
  /**
   * Run `run` finished a segment with `values` (its headline value after each finished epoch), or
   * ended without finishing it (failed, aborted, skipped: `values` null).
   */
  reached(run: number, values: readonly (number | null)[] | null): PlanStep;
}

/**
 * The plan of `runs` runs of `epochs` epochs: without `halving`, one segment of every epoch per run;
 * with it, a segment per rung ({@link halvingRungs}), the survivors of each rung
 * ({@link rungSurvivors} by `headline`) going on once every run still in has reached it.
 *
 * @throws RangeError for bad halving options (see {@link halvingRungs}).
 */
export function segmentPlan(
  runs: number,
  epochs: number,
  headline: string,
  halving?: HalvingOptions,
): SegmentPlan {
  const rungs = halving ? halvingRungs(epochs, halving) : [];
  const eta = halving?.eta ?? 2;
  const decisions: RungDecision[] = [];
  const until = (stage: number) => rungs[stage] ?? epochs;
  let stage = 0;
  let alive = new Set(Array.from({ length: runs }, (_, i) => i));
  const scored = new Map<number, number | null>();
  const decide = (): PlanStep => {
    if (stage >= rungs.length || scored.size < alive.size) return { next: [], pruned: [] };
    const scores = [...alive].sort((a, b) => a - b).map((run) => ({ run, value: scored.get(run)! }));
    const kept = rungSurvivors(scores, headline, eta);
    decisions.push({ epoch: rungs[stage]!, scores, kept });
    const pruned = scores
      .filter((s) => !kept.includes(s.run))
      .map((s) => ({ run: s.run, epoch: rungs[stage]! }));
    stage++;
    alive = new Set(kept);
    scored.clear();
    return { next: kept.map((run) => ({ run, untilEpoch: until(stage) })), pruned };
  };
  return {
    rungs,
    decisions,
    first: () => [...alive].map((run) => ({ run, untilEpoch: until(0) })),
    reached(run, values) {
      if (!alive.has(run) || stage >= rungs.length) return { next: [], pruned: [] };
      if (values === null || values.length < rungs[stage]!) alive.delete(run);
      else scored.set(run, values[rungs[stage]! - 1] ?? null);
      return decide();
    },
  };
}
