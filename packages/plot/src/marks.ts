/**
 * The marks written on a chart: the first and last value of each curve, the vertical markers with
 * their labels, and the labels of annotated points, placed so that they do not collide.
 *
 * @module
 */
import type { Frame, ScaleType } from "./axes.js";
import type { Pt } from "./data.js";
import { formatValue } from "./format.js";
import { keepApart, labelWidth, placeLabels, spreadLabels, textBox, type Box } from "./labels.js";
import type { Marker, PointMarker, Series } from "./lineChart.js";
import { el, text } from "./svg.js";
import { theme } from "./theme.js";

/**
 * The first and last value of each curve, written next to it, spread apart where they collide: the
 * SVG, and the boxes the labels take (for the labels drawn later to stay off them).
 */
export function valueLabels(
  series: readonly (Series & { color: string })[],
  pixels: readonly Pt[][],
  f: Frame,
  yType: ScaleType,
  first: boolean,
): { svg: string; boxes: Box[] } {
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
  const boxes: Box[] = [];
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
  const mark = (end: { p: Pt; v: number }, which: "first" | "last", y: number, color: string) => {
    const label = formatValue(end.v);
    boxes.push(textBox(end.p[0] + 6, y, label, theme.valueSize));
    return [
      el("circle", { class: "value-dot", cx: end.p[0], cy: end.p[1], r: 3, fill: color }),
      text(label, {
        class: `value-label ${which}`,
        "data-value": String(end.v),
        x: end.p[0] + 6,
        y,
        fill: color,
        "font-size": theme.valueSize,
      }),
    ];
  };
  present.forEach((e, k) => {
    if (first) out.push(...mark(e.a, "first", firstYs[k]!, e.color));
    out.push(...mark(e.b, "last", lastYs[k]!, e.color));
  });
  return { svg: el("g", { class: "value-labels" }, out), boxes };
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

/**
 * Vertical markers inside the x range, dashed, each labelled at the top unless its label would
 * cover one written before it (left to right) or one of the `taken` boxes.
 */
export function drawMarkers(
  markers: readonly Marker[],
  xAt: (v: number) => number,
  f: Frame,
  taken: readonly Box[],
): string {
  const size = theme.tickSize - 1;
  const shown = markers
    .map((m) => ({ m, x: xAt(m.x) }))
    .filter(({ x }) => x >= f.left - 0.5 && x <= f.right + 0.5);
  const labelled = keepApart(
    shown.map(({ m, x }) => (m.label ? textBox(x + 3, f.top + 10, m.label, size) : undefined)),
    3,
    taken,
  );
  return shown
    .map(({ m, x }, i) => {
      const kind = m.kind ?? "marker";
      const line = el("line", {
        class: kind,
        "data-x": String(m.x),
        x1: x,
        x2: x,
        y1: f.top,
        y2: f.bottom,
        stroke: m.color ?? theme.marker,
        "stroke-width": 1,
        "stroke-dasharray": "4 3",
      });
      if (!labelled[i]) return line;
      const label = text(m.label!, {
        class: `${kind}-label`,
        x: x + 3,
        y: f.top + 10,
        fill: m.color ?? theme.muted,
        "font-size": size,
      });
      return line + label;
    })
    .join("");
}
