/**
 * Correctly rounded `log` and `cos`, computed in BigInt fixed point.
 *
 * CPython's `math.log` and `math.cos` are glibc's, which are (almost always) correctly rounded;
 * V8's `Math.log` and `Math.cos` are off by an ulp on a few percent of inputs. Mostly that is
 * rounding noise, but PyTorch turns some of it into different numbers: `int(log(243, 3))` decides
 * a whole `CosineAnnealingWarmRestarts` cycle (glibc's log gives 4), and `1 + cos(x)` near -1
 * (the end of a long cosine or one-cycle schedule) cancels down to the ulp. Written by hand: no
 * library offers correctly rounded elementary functions for JavaScript numbers.
 *
 * @module
 */

import { decompose, lnFixed, twoAtanh } from "./fixedPoint.js";

const FRACTION_BITS = 256n;
const ONE = 1n << FRACTION_BITS;

/** `value / 2^256` rounded to the nearest double (`Number(bigint)` rounds correctly). */
const toDouble = (value: bigint): number => Number(value) / 2 ** Number(FRACTION_BITS);

const LN2 = twoAtanh(1n, 3n, FRACTION_BITS);

/**
 * The natural logarithm, correctly rounded: `k ln 2 + 2 atanh((y - 1) / (y + 1))` for
 * `x = y * 2^k`, `y` in [2/3, 4/3).
 */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  const [mantissa, exponent] = decompose(x);
  return toDouble(lnFixed(mantissa, exponent, FRACTION_BITS, LN2));
}

/** `atan(1 / n)` scaled by 2^bits. */
function atanInverse(n: bigint, bits: bigint): bigint {
  let term = (1n << bits) / n;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= n * n;
    sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
  }
  return sum;
}

const PI_BITS = 512n;
/** pi / 2 scaled by 2^512 (Machin: pi = 16 atan(1/5) - 4 atan(1/239)). */
const HALF_PI = (16n * atanInverse(5n, PI_BITS + 8n) - 4n * atanInverse(239n, PI_BITS + 8n)) / 512n;

/** `sum of (-1)^n r^(2n + p) / (2n + p)!` scaled by 2^256: cos (`p = 0`) or sin (`p = 1`) of r. */
function series(r: bigint, p: bigint): bigint {
  const r2 = (r * r) >> FRACTION_BITS;
  let term = p === 0n ? ONE : r;
  let sum = term;
  for (let n = 1n; term !== 0n; n++) {
    term = -((term * r2) >> FRACTION_BITS) / ((2n * n - 1n + p) * (2n * n + p));
    sum += term;
  }
  return sum;
}

/**
 * The cosine, correctly rounded for `|x| < 2^200` (beyond, `Math.cos`), by the BigInt series:
 * `x` is reduced by a 512-bit pi / 2, then a Taylor series gives cos or sin of the remainder.
 * The reference that {@link cosine}'s fast path falls back to.
 */
export function cosineExact(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a) || a >= 2 ** 200) return Math.cos(x);
  if (a < 2 ** -27) return 1;
  const [mantissa, exponent] = decompose(a);
  const shift = BigInt(exponent) + PI_BITS; // > 0 since a >= 2^-27
  const scaled = mantissa << shift;
  const quadrant = (scaled + HALF_PI / 2n) / HALF_PI;
  const r = (scaled - quadrant * HALF_PI) >> (PI_BITS - FRACTION_BITS);
  const q = Number(quadrant % 4n);
  const value = toDouble(series(r, BigInt(q % 2)));
  return q === 1 || q === 2 ? -value : value;
}

// The fast path (Ziv's strategy): cos in double-double arithmetic (about 100 bits), and the
// BigInt series only when that cannot decide the rounding (about once in 2^38 inputs). Written
// out with module-level scratch values, so that a step of CosineAnnealingLR or OneCycleLR
// allocates nothing.

/** Dekker's splitter, 2^27 + 1. */
const SPLIT = 134217729;

/** `value / 2^256` (for `value` a BigInt scaled by 2^256) as a double-double `[hi, lo]`. */
function toDoubleDouble(value: bigint): [number, number] {
  const hi = toDouble(value);
  return [hi, toDouble(value - BigInt(hi * 2 ** 256))];
}

/** pi / 2 as four doubles, the first three of 33 bits: `q * P1..P3` are exact for `q < 2^20`. */
const [P1, P2, P3, P4] = (() => {
  const parts: number[] = [];
  let rest = HALF_PI; // scaled by 2^512
  for (let i = 0; i < 3; i++) {
    const shift = BigInt(rest.toString(2).length - 33);
    const head = (rest >> shift) << shift;
    parts.push(Number(head) * 2 ** -512);
    rest -= head;
  }
  parts.push(Number(rest) * 2 ** -512);
  return parts as [number, number, number, number];
})();

/** `(-1)^k / (2k + p)!` for k = 0 … 15 as double-doubles, highest k first: cos (`p = 0`), sin (`p = 1`). */
function taylor(p: bigint): Float64Array {
  const out = new Float64Array(32);
  let factorial = 1n;
  for (let k = 0n; k <= 15n; k++) {
    if (k > 0n) factorial *= (2n * k - 1n + p) * (2n * k + p);
    const [hi, lo] = toDoubleDouble((k % 2n === 0n ? ONE : -ONE) / factorial);
    out[2 * (15 - Number(k))] = hi;
    out[2 * (15 - Number(k)) + 1] = lo;
  }
  return out;
}
const COS = taylor(0n);
const SIN = taylor(1n);

/** The double-double result of the last operation below, `[hi, lo]` (a typed array: no boxing). */
const dd = new Float64Array(2);

/** `(ah, al) * (bh, bl)` into `dd` (Dekker's product, relative error below 2^-100). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let t = SPLIT * ah;
  const a1 = t - (t - ah);
  const a2 = ah - a1;
  t = SPLIT * bh;
  const b1 = t - (t - bh);
  const b2 = bh - b1;
  const e = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2 + (ah * bl + al * bh);
  const hi = p + e;
  dd[0] = hi;
  dd[1] = e - (hi - p);
}

/** `(ah, al) + (bh, bl)` into `dd`. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const v = s - ah;
  const e = ah - (s - v) + (bh - v) + al + bl;
  const hi = s + e;
  dd[0] = hi;
  dd[1] = e - (hi - s);
}

/** The Taylor polynomial `coefficients` (highest first) at `r2 = r^2`, by Horner, into `dd`. */
function horner(coefficients: Float64Array, r2h: number, r2l: number): void {
  let h = coefficients[0]!;
  let l = coefficients[1]!;
  for (let i = 2; i < 32; i += 2) {
    ddMul(h, l, r2h, r2l);
    ddAdd(dd[0]!, dd[1]!, coefficients[i]!, coefficients[i + 1]!);
    h = dd[0]!;
    l = dd[1]!;
  }
}

/**
 * The cosine, correctly rounded (as glibc's `cos`, which CPython's `math.cos` is), for every
 * double: for `|x| < 2^20` a double-double evaluation whose error bound decides the rounding
 * almost always; otherwise, and when it does not, {@link cosineExact}.
 */
export function cosine(x: number): number {
  const a = Math.abs(x);
  if (!(a < 2 ** 20)) return cosineExact(x);
  if (a < 2 ** -27) return 1;
  // r = a - q pi / 2 as a double-double: a - q P1 is exact (Sterbenz), q P2 and q P3 are exact.
  const q = Math.round(a * (2 / Math.PI));
  let rh = a;
  let rl = 0;
  if (q !== 0) {
    ddAdd(a - q * P1, 0, -q * P2, 0);
    ddAdd(dd[0]!, dd[1]!, -q * P3, 0);
    const p = q * P4;
    const t = SPLIT * q;
    const q1 = t - (t - q);
    const s = SPLIT * P4;
    const p1 = s - (s - P4);
    const pe = q1 * p1 - p + q1 * (P4 - p1) + (q - q1) * p1 + (q - q1) * (P4 - p1);
    ddAdd(dd[0]!, dd[1]!, -p, -pe);
    rh = dd[0]!;
    rl = dd[1]!;
  }
  ddMul(rh, rl, rh, rl);
  const odd = q % 2 === 1;
  horner(odd ? SIN : COS, dd[0]!, dd[1]!);
  if (odd) ddMul(dd[0]!, dd[1]!, rh, rl);
  const vh = dd[0]!;
  const vl = dd[1]!;
  // The error: below 2^-90 relative from the arithmetic, plus 2^-128 absolute from r (pi / 2 is
  // known to 2^-150, times q < 2^20). When both ends of the interval round to the same double,
  // so does the true value.
  const err = Math.abs(vh) * 2 ** -90 + 2 ** -128;
  const down = vh + (vl - err);
  if (down !== vh + (vl + err)) return cosineExact(x);
  const quadrant = q % 4;
  return quadrant === 1 || quadrant === 2 ? -down : down;
}
