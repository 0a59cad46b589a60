/**
 * The legend: a line sample and a label per entry, flowing in rows above the plot.
 *
 * @module
 */
import { el, text } from "./svg.js";
import { theme } from "./theme.js";

/** One legend entry. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** An SVG dash pattern. Defaults to solid. */
  readonly dash?: string | undefined;
}

const ROW = 18;
const SAMPLE = 22;

function itemWidth(item: LegendItem): number {
  return SAMPLE + 6 + item.label.length * theme.labelSize * 0.58 + 16;
}

function layout(items: readonly LegendItem[], width: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return items.map((item) => {
    const w = itemWidth(item);
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const at = { x, row };
    x += w;
    return at;
  });
}

/** The height the legend takes (0 without entries). */
export function legendHeight(items: readonly LegendItem[], width: number): number {
  if (items.length === 0) return 0;
  const rows = Math.max(...layout(items, width).map((p) => p.row)) + 1;
  return rows * ROW + 8;
}

/** Draws the legend with its top-left corner at (x, y). */
export function drawLegend(items: readonly LegendItem[], x: number, y: number, width: number): string {
  const at = layout(items, width);
  return el(
    "g",
    { class: "legend", "font-size": theme.labelSize, fill: theme.text },
    items.map((item, i) => {
      const px = x + at[i]!.x;
      const py = y + at[i]!.row * ROW + ROW / 2;
      return el("g", { class: "legend-item" }, [
        el("line", {
          x1: px,
          x2: px + SAMPLE,
          y1: py,
          y2: py,
          stroke: item.color,
          "stroke-width": theme.lineWidth + 0.5,
          "stroke-dasharray": item.dash,
        }),
        text(item.label, { x: px + SAMPLE + 6, y: py + 4 }),
      ]);
    }),
  );
}
