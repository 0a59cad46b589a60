/**
 * Keeps value labels from overlapping: labels that share a column are spread vertically, a minimum
 * gap apart, staying inside `[top, bottom]`. A simple one-dimensional relaxation, written by hand
 * because no small well-kept library does label placement without a DOM.
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
