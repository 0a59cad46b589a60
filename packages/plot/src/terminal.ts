/**
 * Charts for the terminal (asciichart): several series overlaid, sized to a given width, with a
 * legend and a step axis underneath. Optional ANSI colours.
 *
 * @module
 */
import asciichart from "asciichart";
import { extent } from "./data.js";
import { formatPower, formatValue } from "./format.js";

/** One curve of a terminal chart. */
export interface TerminalSeries {
  readonly label: string;
  readonly values: ArrayLike<number>;
}

/** Options of {@link terminalChart}. */
export interface TerminalChartOptions {
  /** The width in columns; no line is longer. Defaults to 80. */
  readonly width?: number;
  /** Rows of the plot. Defaults to 12. */
  readonly height?: number;
  /** A logarithmic y axis (non-positive values are drawn at the bottom). Defaults to false. */
  readonly log?: boolean;
  /** ANSI colours. Defaults to false. */
  readonly color?: boolean;
  /** The x of the first and last value, for the axis underneath. Defaults to 0 and length - 1. */
  readonly xRange?: readonly [number, number];
  /** The axis name written under the plot. Defaults to "step". */
  readonly xLabel?: string;
}

const COLORS = [
  asciichart.blue,
  asciichart.red,
  asciichart.green,
  asciichart.magenta,
  asciichart.yellow,
  asciichart.cyan,
];
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");

/** `text` without its ANSI colour escapes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** The visible length of a line (without ANSI escapes). */
export function visibleLength(line: string): number {
  return [...stripAnsi(line)].length;
}

/** `values` at `n` evenly spaced indices. */
function resample(values: ArrayLike<number>, n: number): number[] {
  if (values.length <= n) return Array.from(values);
  return Array.from(
    { length: n },
    (_, i) => values[Math.round((i * (values.length - 1)) / Math.max(1, n - 1))]!,
  );
}

/**
 * A terminal line chart of one or several series, overlaid, at most `width` columns wide: the plot
 * (asciichart), a step axis, and a legend line per series.
 *
 * @param series - the curves; longer ones are resampled to the plot's width.
 * @param options - width, height, log axis, colours; see {@link TerminalChartOptions}.
 * @returns lines separated by `\n`, ending with one.
 * @throws RangeError for a width below 30 columns.
 * @example
 * ```ts
 * terminalChart([{ label: "cosine", values: sample(cosine({ lr: 0.1, steps: 100 }), 101) }], { width: 60 });
 * ```
 */
export function terminalChart(series: readonly TerminalSeries[], options: TerminalChartOptions = {}): string {
  const width = options.width ?? 80;
  if (!(width >= 30)) throw new RangeError(`terminalChart: width must be at least 30 columns, got ${width}`);
  const height = options.height ?? 12;
  const log = options.log ?? false;
  const transform = (v: number) => (log ? Math.log10(v) : v);
  // A loop, not Math.min(...values): a spread of 120,000 values overflows the stack.
  const [lo, hi] = extent(series, (s) => Array.from(s.values, transform), false);
  const label = (v: number) => (log ? formatPower(10 ** v) : formatValue(v));
  const colors = options.color ? COLORS : [];
  const longest = Math.max(1, ...series.map((s) => s.values.length));
  // asciichart writes one label per row; their width is only known once it has chosen the rows, so
  // plot, measure, and plot again with the labels padded to the widest (and the points fitted).
  let labelWidth = Math.max(label(lo).length, label(hi).length) + 1;
  let points = Math.min(longest, width - labelWidth - 1);
  let plot = "";
  for (let attempt = 0; attempt < 8; attempt++) {
    const data = series.map((s) =>
      resample(s.values, points).map((v) => (Number.isFinite(transform(v)) ? transform(v) : lo)),
    );
    let widestLabel = 0;
    plot = asciichart.plot(data.length ? data : [[0]], {
      height,
      offset: 2,
      min: lo,
      max: hi,
      colors: colors.slice(0, Math.max(1, data.length)) as asciichart.Color[],
      format: (x: number) => {
        const l = label(x);
        widestLabel = Math.max(widestLabel, l.length + 1);
        return l.padStart(labelWidth);
      },
    });
    const widest = Math.max(...plot.split("\n").map((l) => visibleLength(l.trimEnd())));
    if (widestLabel > labelWidth) {
      labelWidth = widestLabel;
      points = Math.min(longest, width - labelWidth - 1);
      continue;
    }
    if (widest <= width || points <= 2) break;
    points = Math.max(2, points - (widest - width));
  }
  const lines = plot.split("\n").map((l) => l.trimEnd());
  const [x0, x1] = options.xRange ?? [0, longest - 1];
  const left = " ".repeat(labelWidth + 1);
  const start = String(x0);
  const end = String(x1);
  const name = options.xLabel ?? "step";
  const gap = Math.max(1, points - start.length - end.length);
  const middle =
    name.length + 2 <= gap ? name.padStart(Math.floor((gap + name.length) / 2)).padEnd(gap) : " ".repeat(gap);
  lines.push(`${left}${start}${middle}${end}`.slice(0, width).trimEnd());
  series.forEach((s, i) => {
    const swatch = "───";
    const colored = options.color ? `${COLORS[i % COLORS.length]}${swatch}${asciichart.reset}` : swatch;
    const room = width - labelWidth - 1 - swatch.length - 1;
    const text = s.label.length > room ? `${s.label.slice(0, Math.max(0, room - 3))}...` : s.label;
    lines.push(`${left}${colored} ${text}`);
  });
  return `${lines.join("\n")}\n`;
}
