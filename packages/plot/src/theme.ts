/**
 * The default look of the charts: a colour-blind-safe qualitative palette, a light grid, and font
 * sizes that stay legible when a README scales the SVG down.
 *
 * @module
 */

/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), safe for the common colour
 * vision deficiencies, ordered so that the first colours contrast best on white; yellow is last.
 */
export const palette: readonly string[] = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

/** Dash patterns for series that share a colour (d2l's `-`, `--`, `-.`, `:`). */
export const dashes: readonly (string | undefined)[] = [undefined, "6 4", "8 3 2 3", "2 3"];

/** Colours and sizes of the chart furniture. */
export const theme = {
  background: "#ffffff",
  text: "#1f2937",
  muted: "#6b7280",
  grid: "#e5e7eb",
  axis: "#9ca3af",
  marker: "#9ca3af",
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  titleSize: 15,
  labelSize: 12,
  tickSize: 11,
  valueSize: 11,
  lineWidth: 2,
} as const;

/** The colour of series `i`. */
export function colorAt(i: number): string {
  return palette[i % palette.length]!;
}
