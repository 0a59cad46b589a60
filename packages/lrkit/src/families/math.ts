/**
 * Small numeric helpers shared by several families.
 *
 * @module
 */

/**
 * The number of entries of the sorted list `xs` that are `<= x` (Python's `bisect_right`), in
 * O(log n). A NaN `x` gives NaN.
 */
export function countAtOrBelow(xs: ArrayLike<number>, x: number): number {
  if (Number.isNaN(x)) return NaN;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The smallest double above `x` (`Math.nextUp` in Java); NaN and Infinity stay as they are.
 * For finite `b`, `b < t` exactly when `nextUp(b) <= t`.
 */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = bits[0]! + (x > 0 ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}

/** Where step `t` falls in a sequence of cycles whose lengths grow geometrically. */
export interface CyclePosition {
  /** The cycle index, from 0. */
  readonly cycle: number;
  /** Steps into the current cycle. */
  readonly offset: number;
  /** The current cycle's length. */
  readonly length: number;
}

/** The step at which cycle `i` starts when cycle lengths are `period * mult^j`. */
export function cycleStart(i: number, period: number, mult: number): number {
  return mult === 1 ? period * i : (period * (mult ** i - 1)) / (mult - 1);
}

/**
 * The index of the cycle that step `t` falls in among cycles of lengths `period * mult^i` (SGDR,
 * Loshchilov & Hutter 2017); NaN when there is none (a NaN or infinite step with `mult > 1`).
 * The closed form `i = floor(log_mult(1 + t (mult - 1) / period))` is corrected so that steps on
 * a cycle boundary always start the new cycle, which logarithms alone get wrong for some
 * multipliers (log(243) / log(3) < 5). Returns a number, not a record, so that a schedule's hot
 * path allocates nothing.
 */
export function cycleOf(t: number, period: number, mult: number): number {
  if (mult === 1) return Math.floor(t / period);
  let cycle = Math.floor(Math.log(1 + (t * (mult - 1)) / period) / Math.log(mult));
  if (!Number.isFinite(cycle)) return NaN;
  while (cycle > 0 && cycleStart(cycle, period, mult) > t) cycle--;
  while (cycleStart(cycle + 1, period, mult) <= t) cycle++;
  return cycle;
}

/** Locates step `t` among cycles of lengths `period * mult^i` (see {@link cycleOf}). */
export function locateCycle(t: number, period: number, mult: number): CyclePosition {
  if (mult === 1) {
    const cycle = Math.floor(t / period);
    return { cycle, offset: t - cycle * period, length: period };
  }
  const cycle = cycleOf(t, period, mult);
  if (Number.isNaN(cycle)) return { cycle: NaN, offset: NaN, length: NaN };
  return { cycle, offset: t - cycleStart(cycle, period, mult), length: period * mult ** cycle };
}

/**
 * Python's float floor division `a // b` (CPython's `float_floor_div`): the floor of the exact
 * quotient of the two doubles, where `Math.floor(a / b)` floors the rounded quotient (`11 // 1.1` is
 * 9 in Python, `Math.floor(11 / 1.1)` is 10).
 */
export function floorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 ? -0 : 0;
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}
