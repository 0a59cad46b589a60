/**
 * Training curves as d2l's `Animator` draws them (its train loss, train accuracy and test accuracy)
 * against epochs, for any logged values, for one run or several.
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
  /**
   * The curves by name, in legend order: one value per epoch, e.g. `{ loss, acc, val_acc }` as
   * TensorFlow.js logs them, or d2l's `{ "train loss", "train acc", "test acc" }`.
   */
  readonly curves: Readonly<Record<string, ArrayLike<number>>>;
}

/** Options of {@link trainingChart}. */
export interface TrainingChartOptions extends ChartOptions {
  /** The y domain. Defaults to [0, max(1, the largest value)], as d2l's `ylim`. */
  readonly yDomain?: readonly [number, number];
  /** Write the last value of each curve. Defaults to true. */
  readonly valueLabels?: boolean;
}

/**
 * An SVG chart of training curves. One run: one colour per curve (d2l's legend
 * `["train loss", "train acc", "test acc"]`). Several runs: one colour per run and one dash pattern
 * per curve name, with a legend of both.
 *
 * @param runs - one run or several.
 * @param options - size, titles, y domain; see {@link TrainingChartOptions}.
 * @example
 * ```ts
 * trainingChart({ curves: { "train loss": [0.9, 0.5], "train acc": [0.7, 0.8], "test acc": [0.68, 0.79] } });
 * ```
 */
export function trainingChart(
  runs: TrainingRun | readonly TrainingRun[],
  options: TrainingChartOptions = {},
): string {
  const list: readonly TrainingRun[] = Array.isArray(runs) ? runs : [runs as TrainingRun];
  const single = list.length === 1;
  const series: Series[] = [];
  // A dash per curve name, in order of first appearance, so that a name looks the same in every run.
  const names: string[] = [];
  list.forEach((run, r) => {
    Object.entries(run.curves).forEach(([name, y]) => {
      if (!y || y.length === 0) return;
      if (!names.includes(name)) names.push(name);
      const m = names.indexOf(name);
      const x = run.epochs ?? Float64Array.from({ length: y.length }, (_, i) => i + 1);
      const runName = run.label ?? `run ${r + 1}`;
      series.push({
        label: single ? name : `${runName}: ${name}`,
        x,
        y,
        color: colorAt(single ? m : r),
        dash: dashes[m % dashes.length],
      });
    });
  });
  const legend: LegendItem[] = single
    ? series.map((s) => ({ label: s.label, color: s.color!, dash: s.dash }))
    : [
        ...list.map((run, r) => ({ label: run.label ?? `run ${r + 1}`, color: colorAt(r) })),
        ...names.map((name, m) => ({ label: name, color: theme.muted, dash: dashes[m % dashes.length] })),
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
