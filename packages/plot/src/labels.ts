/**
 * Keeps labels from overlapping: value labels that share a column are spread vertically (a
 * one-dimensional relaxation), a row of marker labels is thinned, and the labels of points are each
 * put at the free spot nearest to their point. Written by hand because no small well-kept library places labels without a DOM.
 *
 * @module
 */

/** New y positions, in the input order, at least `gap` apart. */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k++) {
    if (order[k]!.y < order[k - 1]!.y + gap) order[k]!.y = order[k - 1]!.y + gap;
  }
  const overflow = order.length ? order[order.length - 1]!.y - bottom : 0;
  if (overflow > 0) {
    for (const o of order) o.y -= overflow;
    for (let k = order.length - 2; k >= 0; k--) {
      if (order[k]!.y > order[k + 1]!.y - gap) order[k]!.y = order[k + 1]!.y - gap;
    }
  }
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = Math.max(top, o.y);
  return out;
}

/** A rectangle in SVG units. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The box of a text anchored at its start, at `x` and baseline `y`, by {@link labelWidth}. */
export function textBox(x: number, y: number, text: string, size: number): Box {
  return { left: x, right: x + labelWidth(text, size), top: y - size, bottom: y + size * 0.3 };
}

/**
 * Which of a row of labels to write so that none covers another or an obstacle: left to right, a
 * label is kept when its box, widened by `gap` on either side, meets no label kept before it and
 * no obstacle (dense milestones on a narrow chart keep every other label, or fewer).
 *
 * @param boxes - each label's box, or undefined for none.
 * @param gap - the least room between two labels.
 * @param obstacles - boxes already taken (the values written on the curves). Defaults to none.
 * @returns per input, whether to write its label.
 */
export function keepApart(
  boxes: readonly (Box | undefined)[],
  gap: number,
  obstacles: readonly Box[] = [],
): boolean[] {
  const keep = boxes.map(() => false);
  const taken = [...obstacles];
  const order = boxes
    .flatMap((b, i) => (b ? [{ b, i }] : []))
    .sort((p, q) => p.b.left - q.b.left || p.i - q.i);
  for (const { b, i } of order) {
    const wide = { ...b, left: b.left - gap, right: b.right + gap };
    if (taken.some((t) => overlap(wide, t) > 0)) continue;
    keep[i] = true;
    taken.push(b);
  }
  return keep;
}

/** A label to put next to its point: the point and the label's width. */
export interface LabelRequest {
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Where a label went: its text position (x and baseline y), anchor and box. */
export interface PlacedLabel {
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
  readonly box: Box;
}

/** The estimated width of `text` at `size` (a sans-serif glyph is at most ~0.62 em on average). */
export function labelWidth(text: string, size: number): number {
  return text.length * size * 0.62 + 2;
}

const DOT = 5; // half the size of a point's dot, with its stroke
const GAP = 7; // from the point to the label's near edge

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places the labels of points one after the other, each at the free spot nearest to its point:
 * right of it, left of it, or centred on it (slid sideways to stay inside), above or below it,
 * moving away in half-line steps. A spot must lie inside `bounds`; it costs its distance from the
 * point, plus a lot for covering a label placed before and less for covering a point's dot, and the
 * cheapest spot wins. Greedy, deterministic, and enough for the few labels of a chart (the
 * suggestions of a range test); written by hand because no small library places labels without
 * measuring them in a DOM.
 *
 * @param points - the points, in SVG units, each with its label's width ({@link labelWidth}).
 * @param size - the font size of the labels.
 * @param bounds - the area the labels must stay in.
 * @returns one placement per point, in the input order.
 */
export function placeLabels(points: readonly LabelRequest[], size: number, bounds: Box): PlacedLabel[] {
  const height = size * 1.3;
  const dots: Box[] = points.map((p) => ({
    left: p.x - DOT,
    right: p.x + DOT,
    top: p.y - DOT,
    bottom: p.y + DOT,
  }));
  const placed: PlacedLabel[] = [];
  const steps = Math.max(1, Math.ceil((bounds.bottom - bounds.top) / (height / 2)));
  for (const p of points) {
    const centred = Math.max(bounds.left, Math.min(p.x - p.width / 2, bounds.right - p.width));
    const sides = [
      { anchor: "start", left: p.x + GAP, cost: 0 },
      { anchor: "end", left: p.x - GAP - p.width, cost: 6 },
      { anchor: "middle", left: centred, cost: 12 + Math.abs(centred + p.width / 2 - p.x) / 4 },
    ] as const;
    let best: { label: PlacedLabel; cost: number } | undefined;
    for (let k = 0; k <= steps; k++) {
      const rise = height / 2 + 2 + (k * height) / 2;
      for (const cy of [p.y - rise, p.y + rise]) {
        for (const side of sides) {
          const box = {
            left: side.left,
            right: side.left + p.width,
            top: cy - height / 2,
            bottom: cy + height / 2,
          };
          const inside =
            box.left >= bounds.left &&
            box.right <= bounds.right &&
            box.top >= bounds.top &&
            box.bottom <= bounds.bottom;
          if (!inside) continue;
          const cost =
            Math.abs(cy - p.y) +
            side.cost +
            1000 * placed.reduce((s, q) => s + overlap(box, q.box), 0) +
            10 * dots.reduce((s, d) => s + overlap(box, d), 0);
          if (best && best.cost <= cost) continue;
          const x = { start: box.left, middle: (box.left + box.right) / 2, end: box.right }[side.anchor];
          best = { label: { x, y: cy + size * 0.35, anchor: side.anchor, box }, cost };
        }
      }
    }
    // No spot inside (a label wider or a plot lower than the bounds): above the point, kept inside.
    placed.push(best?.label ?? fallback(p, centred, size, height, bounds));
  }
  return placed;
}

function fallback(p: LabelRequest, left: number, size: number, height: number, bounds: Box): PlacedLabel {
  const top = Math.max(bounds.top, Math.min(p.y - height - DOT, bounds.bottom - height));
  const box = { left, right: left + p.width, top, bottom: top + height };
  return { x: left, y: top + height / 2 + size * 0.35, anchor: "start", box };
}
