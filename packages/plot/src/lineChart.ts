/**
 * The line chart every other chart is made of: series of (x, y) points on linear or log axes, with a
 * grid, ticks, axis titles, a legend, vertical markers, annotated points, and the first and last
 * value written on each curve. Pure string output: the same input gives the same bytes.
 *
 * @module
 */
import { curveLinear, curveStepAfter, line } from "d3-shape";
import { drawAxes, makeAxis, type Frame, type ScaleType } from "./axes.js";
import { extent, thin, type Pt } from "./data.js";
import { formatValue } from "./format.js";
import { drawLegend, legendHeight, type LegendItem } from "./legend.js";
import { drawMarkers, pointLabels, valueLabels } from "./marks.js";
import { el, escapeXml, hashId, text } from "./svg.js";
import { colorAt, theme } from "./theme.js";

/** One curve. */
export interface Series {
  /** Its name in the legend and the description. */
  readonly label: string;
  /** The x values (steps, learning rates, epochs). */
  readonly x: ArrayLike<number>;
  /** The y values; non-finite ones (and non-positive ones on a log axis) leave a gap. */
  readonly y: ArrayLike<number>;
  /** Its colour. Defaults to the palette's colour for its index. */
  readonly color?: string;
  /** An SVG dash pattern (`"6 4"`). Defaults to a solid line. */
  readonly dash?: string;
}

/** A vertical line across the plot (a milestone, a suggestion). */
export interface Marker {
  /** Where, in x units. */
  readonly x: number;
  /** A short label at the top of the line. Defaults to none. */
  readonly label?: string;
  /** Its colour. Defaults to a neutral grey. */
  readonly color?: string;
  /** Its class in the SVG, e.g. `"milestone"`. Defaults to `"marker"`. */
  readonly kind?: string;
}

/** A labelled point (an LR-finder suggestion on the loss curve). */
export interface PointMarker {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  /** Its colour. Defaults to the text colour. */
  readonly color?: string;
}

/** Options shared by every chart. */
export interface ChartOptions {
  /** Width in pixels. Defaults to 640. */
  readonly width?: number;
  /** Height in pixels. Defaults to 360. */
  readonly height?: number;
  /** The title, drawn at the top and used as the SVG `<title>`. Defaults to none (a generic `<title>`). */
  readonly title?: string;
  /** The SVG `<desc>` for screen readers. Defaults to a summary of the series. */
  readonly description?: string;
  /** The x axis title. */
  readonly xLabel?: string;
  /** The y axis title. */
  readonly yLabel?: string;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  /** Defaults to `"linear"`. */
  readonly xScale?: ScaleType;
  /** Defaults to `"linear"`. */
  readonly yScale?: ScaleType;
  /** The x domain. Defaults to the data's extent, made nice. */
  readonly xDomain?: readonly [number, number];
  /** The y domain. Defaults to the data's extent (from 0 for non-negative data on a linear axis). */
  readonly yDomain?: readonly [number, number];
  /** Vertical markers. */
  readonly markers?: readonly Marker[];
  /** Labelled points. */
  readonly points?: readonly PointMarker[];
  /** Write the first and last value on each curve (`"last"`: only the last). Defaults to false. */
  readonly valueLabels?: boolean | "last";
  /** The legend: true for one entry per series, or explicit entries. Defaults to true for 2+ series. */
  readonly legend?: boolean | readonly LegendItem[];
  /** `"step"` draws each value as a flat segment until the next x (a schedule's value holds for a whole step). Defaults to `"linear"`. */
  readonly curve?: "linear" | "step";
}

const CHAR = 0.6; // average glyph width as a fraction of the font size

/** A short summary of the series for `<desc>`. */
export function describeSeries(series: readonly Series[]): string {
  const parts = series.map((s) => {
    const ys = Array.from(s.y).filter(Number.isFinite);
    if (ys.length === 0) return `${s.label}: no finite values`;
    const [lo, hi] = extent([ys], (y) => y, false);
    return `${s.label}: from ${formatValue(ys[0]!)} to ${formatValue(ys[ys.length - 1]!)}, between ${formatValue(lo)} and ${formatValue(hi)}`;
  });
  return `Line chart of ${series.length} series. ${parts.join("; ")}.`;
}

/**
 * An SVG line chart, as a string.
 *
 * @param series - the curves.
 * @param options - size, titles, scales, markers, labels; see {@link LineChartOptions}.
 * @returns a standalone `<svg>` document with `role="img"`, `<title>` and `<desc>`.
 * @example
 * ```ts
 * const svg = lineChart([{ label: "loss", x: [1, 2, 3], y: [0.9, 0.5, 0.4] }], { xLabel: "epoch" });
 * ```
 */
export function lineChart(series: readonly Series[], options: LineChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const xType = options.xScale ?? "linear";
  const yType = options.yScale ?? "linear";
  const id = hashId(
    JSON.stringify([series.map((s) => [s.label, Array.from(s.x), Array.from(s.y)]), options]),
  );
  const styled = series.map((s, i) => ({ ...s, color: s.color ?? colorAt(i) }));
  const legendItems: readonly LegendItem[] =
    options.legend === false || (options.legend === undefined && series.length < 2)
      ? []
      : Array.isArray(options.legend)
        ? options.legend
        : styled.map((s) => ({ label: s.label, color: s.color, dash: s.dash }));

  const xDomain = options.xDomain ?? extent(series, (s) => s.x, xType === "log");
  let yDomain = options.yDomain ?? extent(series, (s) => s.y, yType === "log");
  if (!options.yDomain && yType === "linear" && yDomain[0] >= 0 && yDomain[0] <= 0.5 * yDomain[1]) {
    yDomain = [0, yDomain[1]];
  }

  const top = 12 + (options.title ? 26 : 0) + legendHeight(legendItems, width - 32);
  const bottom = height - (28 + (options.xLabel ? 18 : 0));
  const y = makeAxis(yType, yDomain, [bottom, top], Math.max(2, Math.round((bottom - top) / 50)));
  const yTickWidth = Math.max(...y.ticks.map((t) => t.label.length), 1) * theme.tickSize * CHAR;
  const left = Math.ceil(12 + (options.yLabel ? 18 : 0) + yTickWidth + 8);

  const labelled = options.valueLabels === true || options.valueLabels === "last";
  const lastLabels = labelled
    ? styled.map((s) => {
        const ys = Array.from(s.y).filter((v) => Number.isFinite(v) && (yType !== "log" || v > 0));
        return ys.length ? formatValue(ys[ys.length - 1]!) : "";
      })
    : [];
  const right =
    width - (labelled ? Math.max(...lastLabels.map((l) => l.length), 1) * theme.valueSize * CHAR + 14 : 18);
  const x = makeAxis(
    xType,
    xDomain,
    [left, right],
    Math.max(2, Math.round((right - left) / 80)),
    !options.xDomain,
  );
  const frame: Frame = { left, top, right, bottom };

  const parts: string[] = [el("rect", { class: "background", width, height, fill: theme.background })];
  if (options.title) {
    const room = Math.floor((width - 32) / (theme.titleSize * CHAR));
    const shown = options.title.length > room ? `${options.title.slice(0, room - 3)}...` : options.title;
    parts.push(
      text(shown, {
        class: "title",
        x: 16,
        y: 12 + theme.titleSize,
        fill: theme.text,
        "font-size": theme.titleSize,
        "font-weight": 600,
      }),
    );
  }
  if (legendItems.length) parts.push(drawLegend(legendItems, 16, 12 + (options.title ? 26 : 0), width - 32));
  parts.push(drawAxes(x, y, frame, options.xLabel, options.yLabel));

  const pixels = styled.map((s) => {
    const pts: Pt[] = [];
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const xv = s.x[i]!;
      const yv = s.y[i]!;
      const ok =
        Number.isFinite(yv) &&
        (yType !== "log" || yv > 0) &&
        Number.isFinite(xv) &&
        (xType !== "log" || xv > 0);
      if (!Number.isFinite(xv) || (xType === "log" && !(xv > 0))) continue;
      pts.push([x.at(xv), ok ? y.at(yv) : NaN]);
    }
    return pts;
  });
  const values = labelled
    ? valueLabels(styled, pixels, frame, yType, options.valueLabels !== "last")
    : undefined;
  parts.push(drawMarkers(options.markers ?? [], x.at, frame, values?.boxes ?? []));

  const clip = `${id}-clip`;
  const path = line<Pt>()
    .x((p) => p[0])
    .y((p) => p[1])
    .defined((p) => Number.isFinite(p[1]))
    .curve(options.curve === "step" ? curveStepAfter : curveLinear)
    .digits(2);
  parts.push(
    el(
      "clipPath",
      { id: clip },
      el("rect", { x: left - 2, y: top - 2, width: right - left + 4, height: bottom - top + 4 }),
    ),
    el(
      "g",
      {
        class: "series-group",
        "clip-path": `url(#${clip})`,
        fill: "none",
        "stroke-width": theme.lineWidth,
        "stroke-linejoin": "round",
        "stroke-linecap": "round",
      },
      styled.map((s, i) =>
        el("path", {
          class: "series",
          "data-label": s.label,
          d: path(thin(pixels[i]!, right - left)) ?? "",
          stroke: s.color,
          "stroke-dasharray": s.dash,
        }),
      ),
    ),
  );

  for (const p of options.points ?? []) {
    const px = x.at(p.x);
    const py = y.at(p.y);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(
      el("circle", {
        class: "point",
        "data-x": String(p.x),
        "data-y": String(p.y),
        cx: px,
        cy: py,
        r: 4,
        fill: theme.background,
        stroke: p.color ?? theme.text,
        "stroke-width": 2,
      }),
    );
  }

  if (values) parts.push(values.svg);
  if (options.points?.length) parts.push(pointLabels(options.points, x.at, y.at, frame));

  const title = options.title ?? "Line chart";
  const desc = options.description ?? describeSeries(series);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(theme.font)}">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    parts.join("") +
    "</svg>\n"
  );
}
