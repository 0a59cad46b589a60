/**
 * The data side of a line chart: extents and thinning of long series.
 *
 * @module
 */

/** A point in pixels. */
export type Pt = [number, number];

/** The finite extent of the values `pick` selects (positive ones only on a log axis). */
export function extent<S>(
  series: readonly S[],
  pick: (s: S) => ArrayLike<number>,
  log: boolean,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const v = pick(s);
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (!Number.isFinite(x) || (log && !(x > 0))) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  return lo <= hi ? [lo, hi] : log ? [1e-3, 1] : [0, 1];
}

/** Keeps the shape of a long series at one point per pixel: first, min, max and last of each column. */
export function thin(points: Pt[], width: number): Pt[] {
  if (points.length <= 4 * width) return points;
  const out: Pt[] = [];
  let bucket: Pt[] = [];
  let col = NaN;
  const flush = () => {
    if (bucket.length === 0) return;
    const finite = bucket.filter((p) => Number.isFinite(p[1]));
    const keep = new Set<Pt>([bucket[0]!, bucket[bucket.length - 1]!]);
    if (finite.length) {
      keep.add(finite.reduce((a, b) => (b[1] < a[1] ? b : a)));
      keep.add(finite.reduce((a, b) => (b[1] > a[1] ? b : a)));
    }
    out.push(...bucket.filter((p) => keep.has(p)));
    bucket = [];
  };
  for (const p of points) {
    const c = Math.floor(p[0]);
    if (c !== col) flush();
    col = c;
    bucket.push(p);
  }
  flush();
  return out;
}
