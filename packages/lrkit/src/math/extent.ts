/**
 * The smallest and largest of many numbers.
 *
 * @module
 */

/**
 * `[min, max]` of `values` (`[Infinity, -Infinity]` when empty; NaN is skipped), in one loop:
 * `Math.max(...values)` overflows the stack past about 120,000 values, and lint and the range test
 * see millions.
 */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
