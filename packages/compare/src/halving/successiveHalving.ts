/**
 * Successive halving (the synchronous form of ASHA, Li et al. 2020, "A System for Massively
 * Parallel Hyperparameter Tuning"): every run trains `minEpochs` epochs; the best 1/`eta` of them,
 * by the comparison's headline value, go on to `minEpochs·eta` epochs, the best 1/`eta` of those
 * to `minEpochs·eta²`, and so on; the survivors of the last rung train every epoch. Synchronous
 * (each rung decided once every run has reached it) so that the same runs survive whatever the
 * order the runs finish in: on one machine, on a queue, interrupted and resumed.
 *
 * @module
 */
import { better } from "../results/metrics.js";

/** The parameters of successive halving. */
export interface HalvingOptions {
  /** Epochs of the first rung (ASHA's r); a positive integer. */
  readonly minEpochs: number;
  /** The reduction factor (ASHA's η): the best 1/eta of a rung go on; a number > 1. Defaults to 2. */
  readonly eta?: number;
}

/** One run's value of the headline at a rung (null: not finite, ranks last). */
export interface RungScore {
  /** The run's index in the comparison. */
  readonly run: number;
  readonly value: number | null;
}

/**
 * The rungs of a comparison of `epochs` epochs: `minEpochs·etaᵏ` (rounded down) for k = 0, 1, ...
 * while below `epochs`; empty when `minEpochs >= epochs` (nothing to decide).
 *
 * @throws RangeError naming the parameter and its value: minEpochs not a positive integer, eta not
 *   a finite number above 1.
 * @example
 * ```ts
 * halvingRungs(10, { minEpochs: 1, eta: 2 }); // [1, 2, 4, 8]
 * ```
 */
export function halvingRungs(epochs: number, options: HalvingOptions): number[] {
  const { minEpochs, eta = 2 } = options;
  if (!Number.isInteger(minEpochs) || minEpochs < 1)
    throw new RangeError(`halving: minEpochs must be a positive integer, got ${JSON.stringify(minEpochs)}`);
  if (typeof eta !== "number" || !Number.isFinite(eta) || eta <= 1)
    throw new RangeError(`halving: eta must be a number above 1, got ${JSON.stringify(eta)}`);
  const rungs: number[] = [];
  for (let r = minEpochs; r < epochs; r = Math.max(Math.floor(r * eta), r + 1)) rungs.push(r);
  return rungs;
}

/**
 * The runs that go on after a rung: the best `max(1, floor(n / eta))` of the `n` scored runs by
 * `headline` (larger is better for accuracies, smaller for losses: {@link better}); a value that is
 * null or not finite ranks last; equal values keep the order of the runs. Pure: the same scores give the same
 * survivors, in the order of `scores`'s runs.
 *
 * @example
 * ```ts
 * rungSurvivors([{ run: 0, value: 0.7 }, { run: 1, value: 0.8 }, { run: 2, value: null }], "val_acc", 2);
 * // [1]
 * ```
 */
export function rungSurvivors(scores: readonly RungScore[], headline: string, eta = 2): number[] {
  const sign = better(headline) === "max" ? -1 : 1;
  const finite = scores.map((s) => ({ run: s.run, value: Number.isFinite(s.value) ? s.value : null }));
  const ranked = finite.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return sign * (a.value - b.value);
  });
  const keep = new Set(ranked.slice(0, Math.max(1, Math.floor(scores.length / eta))).map((s) => s.run));
  return scores.filter((s) => keep.has(s.run)).map((s) => s.run);
}
