/**
 * The chart of a whole range-test result, as lrkit's `rangeTest` returns it.
 *
 * @module
 */
import type { RangeTestResult } from "lrkit";
import { lrFinderChart, type FinderChartOptions, type Suggestion } from "./finderChart.js";

/**
 * What {@link rangeTestChart} reads of a range-test result: lrkit's `RangeTestResult` has it, and so
 * does that result read back from JSON.
 */
export interface RangeTestCurve {
  /** The learning rates tried, increasing. */
  readonly lrs: ArrayLike<number>;
  /** The raw loss at each. */
  readonly losses: ArrayLike<number>;
  /** The smoothed loss at each. */
  readonly smoothed: ArrayLike<number>;
  /** Every suggestion method's lr, or null where the curve gives none. */
  readonly suggestions: Readonly<Record<string, number | null>>;
  /** The recommended method, or null. */
  readonly recommended: string | null;
}

// Fails to compile if lrkit's result stops being a RangeTestCurve.
type _ResultIsCurve<T extends RangeTestCurve = RangeTestResult> = T;

/**
 * An SVG chart of a range test: {@link lrFinderChart} of the smoothed loss against the lr, the raw
 * losses faintly behind, and every suggestion that is not null marked on the smoothed curve; the
 * recommended one's label reads `name (recommended): lr`.
 *
 * @param result - the result of lrkit's `rangeTest` (or any {@link RangeTestCurve}).
 * @param options - log y, clipping, size, titles; see {@link FinderChartOptions}.
 * @throws RangeError when `lrs`, `losses` and `smoothed` differ in length.
 * @example
 * ```ts
 * const result = await rangeTest(learner, { start: 1e-6, end: 1 });
 * writeFileSync("finder.svg", rangeTestChart(result, { logY: true }));
 * ```
 */
export function rangeTestChart(result: RangeTestCurve, options: FinderChartOptions = {}): string {
  const { lrs, losses, smoothed } = result;
  if (losses.length !== lrs.length || smoothed.length !== lrs.length) {
    throw new RangeError(
      `rangeTestChart: lrs, losses and smoothed must have the same length, got ${lrs.length}, ` +
        `${losses.length} and ${smoothed.length}`,
    );
  }
  const suggestions: Suggestion[] = Object.entries(result.suggestions)
    .filter((e): e is [string, number] => e[1] !== null)
    .map(([name, lr]) => ({ name: name === result.recommended ? `${name} (recommended)` : name, lr }));
  return lrFinderChart({ lrs, losses: smoothed, rawLosses: losses, suggestions }, options);
}
