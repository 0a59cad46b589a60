/**
 * Scales, ticks and axes (d3-scale): linear or logarithmic, with d3's nice tick values and
 * formats; only powers of ten are labelled on a log axis that spans two decades or more.
 *
 * @module
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { formatPower } from "./format.js";
import { el, text } from "./svg.js";
import { theme } from "./theme.js";

/** A linear or log scale. */
export type ScaleType = "linear" | "log";

/** A position function with its ticks. */
export interface Axis {
  readonly type: ScaleType;
  /** Maps a value to a pixel coordinate. */
  readonly at: (v: number) => number;
  /** Tick values with their labels. */
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
  /** The (nice) domain. */
  readonly domain: readonly [number, number];
}

/** Builds an axis from a domain to a pixel range. */
export function makeAxis(
  type: ScaleType,
  domain: readonly [number, number],
  range: readonly [number, number],
  count: number,
  nice = true,
): Axis {
  let [lo, hi] = domain;
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * (type === "log" ? 9 : 0.1);
    [lo, hi] = type === "log" ? [lo / 10, lo * 10] : [lo - pad, hi + pad];
    if (type === "log" && !(lo > 0)) [lo, hi] = [1e-3, 1];
  }
  if (type === "log") {
    const s = scaleLog().domain([lo, hi]).range(range);
    if (nice) s.nice();
    const all = s.ticks();
    const powers = all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
    const format = s.tickFormat(count, "~e");
    const ticks =
      powers.length >= 2
        ? powers.map((v) => ({ value: v, label: formatPower(v) }))
        : all.map((v) => ({ value: v, label: format(v).replace("e+", "e") })).filter((t) => t.label !== "");
    const [a, b] = s.domain() as [number, number];
    return { type, at: (v) => s(v), ticks, domain: [a, b] };
  }
  const s = scaleLinear().domain([lo, hi]).range(range);
  if (nice) s.nice(count);
  const format = s.tickFormat(count);
  const ticks = s.ticks(count).map((v) => ({ value: v, label: format(v) }));
  const [a, b] = s.domain() as [number, number];
  return { type, at: (v) => s(v), ticks, domain: [a, b] };
}

/** The plot area. */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The tick labels of one axis, in a group of class `cls`, each at `place(value)`. */
function tickLabels(
  cls: string,
  anchor: "middle" | "end",
  axis: Axis,
  place: (value: number) => { x: number; y: number },
): string {
  return el(
    "g",
    { class: cls, fill: theme.muted, "font-size": theme.tickSize, "text-anchor": anchor },
    axis.ticks.map((t) =>
      text(t.label, { class: "tick-label", "data-value": String(t.value), ...place(t.value) }),
    ),
  );
}

/** Grid lines, axis lines, tick labels and axis titles. */
export function drawAxes(x: Axis, y: Axis, f: Frame, xLabel?: string, yLabel?: string): string {
  const grid = [
    ...y.ticks.map((t) => el("line", { x1: f.left, x2: f.right, y1: y.at(t.value), y2: y.at(t.value) })),
    ...x.ticks.map((t) => el("line", { x1: x.at(t.value), x2: x.at(t.value), y1: f.top, y2: f.bottom })),
  ];
  const parts = [
    el("g", { class: "grid", stroke: theme.grid, "stroke-width": 1 }, grid),
    el("g", { class: "axes", stroke: theme.axis, "stroke-width": 1 }, [
      el("line", { class: "x-axis", x1: f.left, x2: f.right, y1: f.bottom, y2: f.bottom }),
      el("line", { class: "y-axis", x1: f.left, x2: f.left, y1: f.top, y2: f.bottom }),
    ]),
    tickLabels("x-ticks", "middle", x, (v) => ({ x: x.at(v), y: f.bottom + 18 })),
    tickLabels("y-ticks", "end", y, (v) => ({ x: f.left - 6, y: y.at(v) + 4 })),
  ];
  if (xLabel)
    parts.push(
      text(xLabel, {
        class: "axis-label x-label",
        x: (f.left + f.right) / 2,
        y: f.bottom + 36,
        "text-anchor": "middle",
        fill: theme.text,
        "font-size": theme.labelSize,
      }),
    );
  if (yLabel) {
    const cx = 14;
    const cy = (f.top + f.bottom) / 2;
    parts.push(
      text(yLabel, {
        class: "axis-label y-label",
        x: cx,
        y: cy,
        transform: `rotate(-90 ${cx} ${Math.round(cy * 100) / 100})`,
        "text-anchor": "middle",
        fill: theme.text,
        "font-size": theme.labelSize,
      }),
    );
  }
  return parts.join("");
}
