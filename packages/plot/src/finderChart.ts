/**
 * The LR range test's chart: loss against learning rate on a log axis, with each suggestion method's
 * answer marked on the curve.
 *
 * @module
 */
import { bisector } from "d3-array";
import { formatValue } from "./format.js";
import { lineChart, type ChartOptions, type Marker, type PointMarker, type Series } from "./lineChart.js";
import { colorAt } from "./theme.js";

/** A named suggestion: the method and its learning rate. */
export interface Suggestion {
  readonly name: string;
  readonly lr: number;
}

/** What {@link lrFinderChart} draws. */
export interface FinderCurve {
  /** The learning rates tried, increasing. */
  readonly lrs: ArrayLike<number>;
  /** The (smoothed) loss at each. */
  readonly losses: ArrayLike<number>;
  /** The raw losses, drawn faintly behind. Defaults to none. */
  readonly rawLosses?: ArrayLike<number>;
  /** The suggestions, as `{ valley: 3e-3, steep: 1e-3 }` or a list of `{ name, lr }`. */
  readonly suggestions?: Readonly<Record<string, number>> | readonly Suggestion[];
}

/** Options of {@link lrFinderChart}. */
export interface FinderChartOptions extends ChartOptions {
  /** A log loss axis. Defaults to false. */
  readonly logY?: boolean;
  /**
   * Clip the loss axis at this multiple of the first loss, so a divergent tail does not flatten the
   * curve. Defaults to 2, the MXNet tutorial's stopping rule; `Infinity` shows everything.
   */
  readonly clipAt?: number;
}

/** The loss at `lr`, interpolated in log-lr between the nearest points. */
export function lossAt(lrs: ArrayLike<number>, losses: ArrayLike<number>, lr: number): number {
  const xs = Array.from(lrs);
  const i = bisector((v: number) => v).left(xs, lr);
  if (i <= 0) return losses[0]!;
  if (i >= xs.length) return losses[xs.length - 1]!;
  const [a, b] = [xs[i - 1]!, xs[i]!];
  const w = (Math.log(lr) - Math.log(a)) / (Math.log(b) - Math.log(a));
  return losses[i - 1]! + w * (losses[i]! - losses[i - 1]!);
}

/**
 * An SVG chart of an LR-finder curve: loss against lr (log x), with suggestions marked by a dashed
 * line, a dot on the curve and a label `name: lr`.
 *
 * @param curve - learning rates, losses and named suggestions.
 * @param options - log y, clipping, size, titles; see {@link FinderChartOptions}.
 * @throws RangeError when `lrs` and `losses` differ in length.
 * @example
 * ```ts
 * lrFinderChart({ lrs, losses, suggestions: { valley: 3e-3, steep: 1e-3 } }, { logY: true });
 * ```
 */
export function lrFinderChart(curve: FinderCurve, options: FinderChartOptions = {}): string {
  const { lrs, losses } = curve;
  if (lrs.length !== losses.length) {
    throw new RangeError(
      `lrFinderChart: lrs and losses must have the same length, got ${lrs.length} and ${losses.length}`,
    );
  }
  const suggestions: Suggestion[] = Array.isArray(curve.suggestions)
    ? [...(curve.suggestions as readonly Suggestion[])]
    : Object.entries(curve.suggestions ?? {}).map(([name, lr]) => ({ name, lr }));
  const series: Series[] = [];
  if (curve.rawLosses) series.push({ label: "loss (raw)", x: lrs, y: curve.rawLosses, color: "#c7d2e0" });
  series.push({ label: curve.rawLosses ? "loss (smoothed)" : "loss", x: lrs, y: losses, color: colorAt(0) });
  const finite = Array.from(losses).filter((v) => Number.isFinite(v) && (!options.logY || v > 0));
  const first = finite[0] ?? 1;
  const clip = options.clipAt ?? 2;
  const top = Math.min(Math.max(...finite), Number.isFinite(clip) ? Math.abs(first) * clip : Infinity);
  const low = curve.rawLosses
    ? Array.from(curve.rawLosses).filter((v) => Number.isFinite(v) && (!options.logY || v > 0))
    : [];
  const bottom = Math.min(...finite, ...low);
  const markers: Marker[] = [];
  const points: PointMarker[] = [];
  suggestions.forEach((s, i) => {
    const color = colorAt(i + 1);
    markers.push({ x: s.lr, color, kind: "suggestion" });
    points.push({ x: s.lr, y: lossAt(lrs, losses, s.lr), label: `${s.name}: ${formatValue(s.lr)}`, color });
  });
  return lineChart(series, {
    ...options,
    title: options.title ?? "LR range test",
    description:
      options.description ??
      `Loss against learning rate (log scale) over ${lrs.length} learning rates from ${formatValue(lrs[0] ?? NaN)} to ${formatValue(lrs[lrs.length - 1] ?? NaN)}` +
        (suggestions.length
          ? `. Suggestions: ${suggestions.map((s) => `${s.name} ${formatValue(s.lr)}`).join(", ")}.`
          : "."),
    xLabel: options.xLabel ?? "learning rate (log scale)",
    yLabel: options.yLabel ?? "loss",
    xScale: "log",
    yScale: options.logY ? "log" : "linear",
    yDomain: finite.length ? [bottom, Math.max(top, bottom)] : undefined,
    markers,
    points,
    legend: series.length > 1,
  });
}
