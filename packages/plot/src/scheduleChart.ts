/**
 * Charts of schedules: one or several curves over the steps, the first and last value written on
 * each, and the milestones their specs declare (multiStep milestones, join boundaries, warmup ends,
 * restarts) marked as dashed lines.
 *
 * @module
 */
import { declaredMilestones, isSchedule, sample, toText, type Schedule } from "lrkit";
import { formatValue } from "./format.js";
import { lineChart, type ChartOptions, type Marker, type Series } from "./lineChart.js";
import { colorAt } from "./theme.js";

/** A schedule with the label it gets in the legend. */
export interface LabelledSchedule {
  readonly schedule: Schedule;
  readonly label?: string;
}

/** Options of {@link scheduleChart}. */
export interface ScheduleChartOptions extends ChartOptions {
  /** Steps to draw, `t = 0 .. steps - 1`. Defaults to the longest horizon (plus one step), or 100. */
  readonly steps?: number;
  /** A logarithmic lr axis. Defaults to false. */
  readonly log?: boolean;
  /** Mark the declared milestones (not for a schedule that declares more than 16 in the chart). Defaults to true. */
  readonly milestones?: boolean;
  /** Write the first and last value on each curve. Defaults to true. */
  readonly valueLabels?: boolean;
  /** Draw each value as a flat step. Defaults to false (straight lines between steps, as d2l plots). */
  readonly stepped?: boolean;
}

/** Schedules that declare more milestones than this within the chart get none drawn. */
const MAX_MILESTONES = 16;

/** A schedule's label: its spec in the text syntax, shortened to `max` characters. */
export function scheduleLabel(schedule: Schedule, max = 60): string {
  const t = toText(schedule.spec);
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

/** The steps a chart of these schedules shows by default. */
export function defaultSteps(schedules: readonly Schedule[]): number {
  const hs = schedules
    .map((s) => s.horizon)
    .filter((h): h is number => h !== undefined && h > 0 && Number.isFinite(h));
  return hs.length ? Math.ceil(Math.max(...hs)) + 1 : 100;
}

/**
 * An SVG chart of one or several schedules over `t = 0 .. steps - 1`.
 *
 * @param schedules - a schedule, or a list of schedules or `{ schedule, label }`.
 * @param options - steps, log axis, size, titles; see {@link ScheduleChartOptions}.
 * @returns the SVG document as a string.
 * @throws RangeError for a non-positive or non-integer `steps`.
 * @example
 * ```ts
 * const svg = scheduleChart(parseSchedule("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)"), { steps: 30 });
 * ```
 */
export function scheduleChart(
  schedules: Schedule | readonly (Schedule | LabelledSchedule)[],
  options: ScheduleChartOptions = {},
): string {
  const list = (isSchedule(schedules) ? [schedules] : schedules).map((s) =>
    isSchedule(s)
      ? { schedule: s, label: scheduleLabel(s) }
      : { schedule: s.schedule, label: s.label ?? scheduleLabel(s.schedule) },
  );
  const steps = options.steps ?? defaultSteps(list.map((s) => s.schedule));
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`scheduleChart: steps must be a positive integer, got ${steps}`);
  const x = Float64Array.from({ length: steps }, (_, t) => t);
  const series: Series[] = list.map((s) => ({ label: s.label, x, y: sample(s.schedule, steps) }));
  const markers: Marker[] = [];
  if (options.milestones !== false) {
    const seen = new Map<number, number>();
    list.forEach((s, i) => {
      const ms = declaredMilestones(s.schedule, steps);
      // A change at (almost) every step, as factor(stepSize=1) declares, is a texture, not milestones.
      if (ms.length > MAX_MILESTONES) return;
      for (const m of ms) if (!seen.has(m)) seen.set(m, i);
    });
    for (const [m, i] of [...seen].sort((a, b) => a[0] - b[0])) {
      markers.push({
        x: m,
        label: String(m),
        kind: "milestone",
        color: list.length > 1 ? colorAt(i) : undefined,
      });
    }
  }
  const description =
    options.description ??
    `Learning rate over ${steps} steps of ${list.length === 1 ? "the schedule" : `${list.length} schedules`}: ` +
      series
        .map(
          (s) => `${s.label} starts at ${formatValue(s.y[0]!)} and ends at ${formatValue(s.y[steps - 1]!)}`,
        )
        .join("; ") +
      (markers.length ? `. Milestones at steps ${markers.map((m) => m.x).join(", ")}.` : ".");
  return lineChart(series, {
    ...options,
    title: options.title ?? (list.length === 1 ? toText(list[0]!.schedule.spec) : "Learning-rate schedules"),
    description,
    xLabel: options.xLabel ?? "step",
    yLabel: options.yLabel ?? "learning rate",
    yScale: options.log ? "log" : "linear",
    xDomain: [0, Math.max(1, steps - 1)],
    markers,
    valueLabels: options.valueLabels ?? true,
    curve: options.stepped ? "step" : "linear",
    legend: list.length > 1,
  });
}
