/**
 * Training curves as d2l's `Animator` draws them: train loss, train accuracy and test accuracy
 * against epochs, for one run or several.
 *
 * @module
 */
import { formatValue } from "./format.js";
import type { LegendItem } from "./legend.js";
import { lineChart, type ChartOptions, type Series } from "./lineChart.js";
import { colorAt, dashes, theme } from "./theme.js";

/** The history of one training run. */
export interface TrainingRun {
  /** The run's name in the legend (e.g. the schedule). Defaults to `run 1`, `run 2`, ... */
  readonly label?: string;
  /** The x of each record. Defaults to 1, 2, 3, ... (epochs). */
  readonly epochs?: ArrayLike<number>;
  /** Training loss per epoch. */
  readonly trainLoss?: ArrayLike<number>;
  /** Training accuracy per epoch. */
  readonly trainAcc?: ArrayLike<number>;
  /** Test accuracy per epoch. */
  readonly testAcc?: ArrayLike<number>;
}

/** Options of {@link trainingChart}. */
export interface TrainingChartOptions extends ChartOptions {
  /** The y domain. Defaults to [0, max(1, the largest value)], as d2l's `ylim`. */
  readonly yDomain?: readonly [number, number];
  /** Write the last value of each curve. Defaults to true. */
  readonly valueLabels?: boolean;
}

const METRICS = [
  ["trainLoss", "train loss"],
  ["trainAcc", "train acc"],
  ["testAcc", "test acc"],
] as const;

/**
 * An SVG chart of training curves. One run: one colour per metric (d2l's legend
 * `["train loss", "train acc", "test acc"]`). Several runs: one colour per run and one dash pattern
 * per metric, with a legend of both.
 *
 * @param runs - one run or several.
 * @param options - size, titles, y domain; see {@link TrainingChartOptions}.
 * @example
 * ```ts
 * trainingChart({ trainLoss: [0.9, 0.5], trainAcc: [0.7, 0.8], testAcc: [0.68, 0.79] });
 * ```
 */
export function trainingChart(
  runs: TrainingRun | readonly TrainingRun[],
  options: TrainingChartOptions = {},
): string {
  const list: readonly TrainingRun[] = Array.isArray(runs) ? runs : [runs as TrainingRun];
  const single = list.length === 1;
  const series: Series[] = [];
  const metricsUsed = new Set<number>();
  list.forEach((run, r) => {
    METRICS.forEach(([key, name], m) => {
      const y = run[key];
      if (!y || y.length === 0) return;
      metricsUsed.add(m);
      const x = run.epochs ?? Float64Array.from({ length: y.length }, (_, i) => i + 1);
      const runName = run.label ?? `run ${r + 1}`;
      series.push({
        label: single ? name : `${runName}: ${name}`,
        x,
        y,
        color: colorAt(single ? m : r),
        dash: dashes[m],
      });
    });
  });
  const legend: LegendItem[] = single
    ? series.map((s) => ({ label: s.label, color: s.color!, dash: s.dash }))
    : [
        ...list.map((run, r) => ({ label: run.label ?? `run ${r + 1}`, color: colorAt(r) })),
        ...[...metricsUsed]
          .sort()
          .map((m) => ({ label: METRICS[m]![1], color: theme.muted, dash: dashes[m] })),
      ];
  let hi = 1;
  for (const s of series) for (const v of Array.from(s.y)) if (Number.isFinite(v) && v > hi) hi = v;
  const last = (s: Series) => {
    const ys = Array.from(s.y).filter(Number.isFinite);
    return ys.length ? formatValue(ys[ys.length - 1]!) : "none";
  };
  return lineChart(series, {
    ...options,
    title: options.title ?? "Training",
    description:
      options.description ??
      `Training curves of ${list.length} run${single ? "" : "s"} against epochs; final values: ${series.map((s) => `${s.label} ${last(s)}`).join(", ")}.`,
    xLabel: options.xLabel ?? "epoch",
    yDomain: options.yDomain ?? [0, hi],
    legend,
    valueLabels: options.valueLabels === false ? false : "last",
  });
}
