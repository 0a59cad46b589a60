/**
 * Small numeric helpers shared by several families.
 *
 * @module
 */
import { compareToStart } from "./exactStart.js";

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

/**
 * `a ** k / b ** k`, as k-decay writes it, or `(a / b) ** k` where either power overflows (or `b ** k`
 * underflows to 0): the same value in the range where the first is finite, a value where it is not.
 */
export function powerRatio(a: number, b: number, k: number): number {
  const num = a ** k;
  const den = b ** k;
  return Number.isFinite(num) && Number.isFinite(den) && den !== 0 ? num / den : (a / b) ** k;
}

/**
 * `cos(pi * x)`, exact where `x` is beyond 2^53: every double that large is an even integer (and an
 * overflowed phase, Infinity, stands for one), so the value is 1 there, where `Math.cos(Math.PI * x)`
 * would round `pi * x` to noise (or give NaN).
 */
export function cosPi(x: number): number {
  return Math.abs(x) >= 2 ** 53 ? 1 : Math.cos(Math.PI * x);
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

/** Cycle `i`'s start in float64: `period * (mult^i - 1) / (mult - 1)`, or `period * i`. */
function floatStart(i: number, period: number, mult: number): number {
  return mult === 1 ? period * i : (period * (mult ** i - 1)) / (mult - 1);
}

/**
 * A bound on `|floatStart - S_i| / S_i`, with `S_i` the exact start of {@link compareToStart}:
 * a few ulps from `pow` and the three operations, amplified by `mult / (mult - 1)` where
 * `mult^i - 1` cancels, plus `i` ulps from reading `mult` as its decimal (`S_i` grows like
 * `mult^(i-1)`); 2^-48 leaves a margin of 16 over 2^-52.
 */
function slack(i: number, mult: number): number {
  return 2 ** -48 * (i + 2 + (mult === 1 ? 0 : mult / (mult - 1)));
}

/**
 * Whether step `t >= 0` is at or past the start of cycle `i`: exact (see {@link compareToStart})
 * where `t` is within {@link slack} of the float start, which cannot decide there.
 */
function reaches(t: number, i: number, period: number, mult: number): boolean {
  const s = floatStart(i, period, mult);
  if (!(Math.abs(t - s) <= slack(i, mult) * s)) return t > s;
  // An integer period times i is exact below 2^53, and so is the comparison: no decimals needed.
  if (mult === 1 && Number.isInteger(period) && s <= 2 ** 53) return t >= s;
  const sign = compareToStart(t, i, period, mult);
  return sign === undefined ? t >= s : sign >= 0;
}

/**
 * The step at which cycle `i` starts when cycle lengths are `period * mult^j`:
 * `period * (mult^i - 1) / (mult - 1)`, exactly the integer where that start is one with `period`
 * and `mult` read as decimals (`cycleStart(1, 15, 2.4)` is 15, where float64 gives
 * 15.000000000000002), else its float64 value.
 */
export function cycleStart(i: number, period: number, mult: number): number {
  const s = floatStart(i, period, mult);
  const r = Math.round(s);
  return r !== s && Math.abs(r - s) <= slack(i, mult) * s && compareToStart(r, i, period, mult) === 0 ? r : s;
}

/**
 * The index of the cycle that step `t` falls in among cycles of lengths `period * mult^i` (SGDR,
 * Loshchilov & Hutter 2017): the largest `i` whose start `period * (1 + mult + ... + mult^(i-1))`
 * is at most `t`, with the start taken exactly (`period`, `mult` and `t` read as decimals, see
 * {@link cycleStart}), so that a step on a cycle boundary always starts the new cycle whatever the
 * multiplier. O(1): the closed form `floor(log(1 + t (mult - 1) / period) / log(mult))`, corrected
 * by at most one cycle, which an exact comparison decides where floats cannot (with glibc,
 * `log(243) / log(3)` is below 5; the start 15 of `period = 15, mult = 2.4` is 15.000000000000002
 * in float64). A negative step gives the closed form alone, an infinite step Infinity, a NaN step
 * NaN. Returns a number, not a record, so that a schedule's hot path allocates nothing.
 */
export function cycleOf(t: number, period: number, mult: number): number {
  const x = mult === 1 ? t / period : cyclesBefore(t, period, mult);
  const i = Math.floor(x);
  if (!Number.isFinite(i)) return i === Infinity ? i : NaN;
  if (!(t >= 0)) return i;
  // x is within a few ulps of the exact logarithm, amplified by mult / (mult - 1) where mult - 1
  // differs from its decimal: away from an integer by more than that, its floor is the cycle.
  const frac = x - i;
  const tolerance = 2 ** -44 * (x + 2) * (mult === 1 ? 1 : 1 + mult / (mult - 1));
  if (frac > tolerance && frac < 1 - tolerance) return i;
  if (i > 0 && !reaches(t, i, period, mult)) return i - 1;
  return reaches(t, i + 1, period, mult) ? i + 1 : i;
}

/**
 * `log(1 + t (mult - 1) / period) / log(mult)` for `mult > 1`, with `log1p` (exact for a `mult`
 * near 1) and without overflow for a huge `mult`.
 */
function cyclesBefore(t: number, period: number, mult: number): number {
  const y = (t * (mult - 1)) / period;
  const log = y < Infinity ? Math.log1p(y) : Math.log(t / period) + Math.log(mult - 1);
  return log / Math.log1p(mult - 1);
}

/**
 * Locates step `t` among cycles of lengths `period * mult^i` (see {@link cycleOf}): the cycle, the
 * steps into it (never negative) and its length. The steps into it count from the float64 start
 * (within a few ulps of {@link cycleStart}, which can be slow), so they are exact for integer
 * periods and multipliers and within an ulp or two otherwise.
 */
export function locateCycle(t: number, period: number, mult: number): CyclePosition {
  const cycle = cycleOf(t, period, mult);
  const length = mult === 1 ? period : period * mult ** cycle;
  return { cycle, offset: Math.max(0, t - floatStart(cycle, period, mult)), length };
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
