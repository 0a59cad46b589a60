/**
 * The text written on a chart: the first and last value of each curve, and the labels of annotated
 * points, placed so that they do not collide.
 *
 * @module
 */
import type { Frame, ScaleType } from "./axes.js";
import type { Pt } from "./data.js";
import { formatValue } from "./format.js";
import { labelWidth, placeLabels, spreadLabels } from "./labels.js";
import type { PointMarker, Series } from "./lineChart.js";
import { el, text } from "./svg.js";
import { theme } from "./theme.js";

/** The first and last value of each curve, written next to it, spread apart where they collide. */
export function valueLabels(
  series: readonly (Series & { color: string })[],
  pixels: readonly Pt[][],
  f: Frame,
  yType: ScaleType,
  first: boolean,
): string {
  const ends = series.map((s, i) => {
    const idx = Array.from(s.y, (v, k) => (Number.isFinite(v) && (yType !== "log" || v > 0) ? k : -1)).filter(
      (k) => k >= 0,
    );
    if (idx.length === 0) return undefined;
    const a = idx[0]!;
    const b = idx[idx.length - 1]!;
    const pa = pixels[i]![a];
    const pb = pixels[i]![b];
    return pa && pb ? { a: { p: pa, v: s.y[a]! }, b: { p: pb, v: s.y[b]! }, color: s.color } : undefined;
  });
  const out: string[] = [];
  const present = ends.filter((e) => e !== undefined);
  const firstYs = spreadLabels(
    present.map((e) => (e.a.p[1] - f.top < 24 ? e.a.p[1] + 16 : e.a.p[1] - 8)),
    13,
    f.top + 10,
    f.bottom - 4,
  );
  const lastYs = spreadLabels(
    present.map((e) => e.b.p[1] + 4),
    13,
    f.top + 4,
    f.bottom + 4,
  );
  // A dot on the curve and its value to the right, at the label's spread-out height.
  const mark = (end: { p: Pt; v: number }, which: "first" | "last", y: number, color: string) => [
    el("circle", { class: "value-dot", cx: end.p[0], cy: end.p[1], r: 3, fill: color }),
    text(formatValue(end.v), {
      class: `value-label ${which}`,
      "data-value": String(end.v),
      x: end.p[0] + 6,
      y,
      fill: color,
      "font-size": theme.valueSize,
    }),
  ];
  present.forEach((e, k) => {
    if (first) out.push(...mark(e.a, "first", firstYs[k]!, e.color));
    out.push(...mark(e.b, "last", lastYs[k]!, e.color));
  });
  return el("g", { class: "value-labels" }, out);
}

/** The labels of annotated points, each at the free spot nearest to it inside the plot area. */
export function pointLabels(
  points: readonly PointMarker[],
  xAt: (v: number) => number,
  yAt: (v: number) => number,
  f: Frame,
): string {
  const size = theme.valueSize;
  const placed = points
    .map((p) => ({ p, x: xAt(p.x), y: yAt(p.y), width: labelWidth(p.label, size) }))
    .filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
  const spots = placeLabels(placed, size, f);
  return el(
    "g",
    { class: "point-labels", "font-size": size },
    placed.map((q, k) =>
      text(q.p.label, {
        class: "point-label",
        x: spots[k]!.x,
        y: spots[k]!.y,
        "text-anchor": spots[k]!.anchor,
        fill: q.p.color ?? theme.text,
      }),
    ),
  );
}
