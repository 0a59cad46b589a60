/**
 * The geometry of a schedule chart, read back from @lrkit/plot's SVG: where the plot area is, which
 * step a pointer position falls on, and at what height a value is drawn. The hover layer needs it,
 * and the chart only returns a string.
 *
 * The x axis of `scheduleChart` maps steps `0 .. max(1, steps - 1)` linearly onto the plot area (no
 * "nice" domain); the y axis is recovered from two of its tick labels, linear or logarithmic.
 *
 * @module
 */

/** The plot area in SVG units. */
export interface PlotFrame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A tick label: its value, and the y of the line it labels. */
export interface Tick {
  readonly value: number;
  readonly at: number;
}

/** The step under SVG x coordinate `x`, clamped to `0 .. steps - 1`. */
export function stepAt(x: number, frame: PlotFrame, steps: number): number {
  const last = Math.max(1, steps - 1);
  const t = Math.round(((x - frame.left) / (frame.right - frame.left)) * last);
  return Math.min(Math.max(t, 0), steps - 1);
}

/** The SVG x coordinate of `step`. */
export function xOfStep(step: number, frame: PlotFrame, steps: number): number {
  return frame.left + (step / Math.max(1, steps - 1)) * (frame.right - frame.left);
}

/**
 * The y position of a value, from two ticks of the axis (the first and the last, for precision);
 * undefined when the ticks do not determine it or the value cannot be drawn (not positive on a log axis).
 */
export function yScale(ticks: readonly Tick[], log: boolean): (value: number) => number | undefined {
  const usable = ticks.filter((t) => Number.isFinite(t.value) && (!log || t.value > 0));
  const a = usable[0];
  const b = usable[usable.length - 1];
  const f = (v: number) => (log ? Math.log(v) : v);
  if (!a || !b || f(a.value) === f(b.value)) return () => undefined;
  const slope = (b.at - a.at) / (f(b.value) - f(a.value));
  return (v) => (Number.isFinite(v) && (!log || v > 0) ? a.at + (f(v) - f(a.value)) * slope : undefined);
}
