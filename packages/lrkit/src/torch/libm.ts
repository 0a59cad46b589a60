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

const FRACTION_BITS = 256n;
const ONE = 1n << FRACTION_BITS;

/** The exact value of a finite, positive double: `mantissa * 2 ** exponent`. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

/** `value / 2^256` rounded to the nearest double (`Number(bigint)` rounds correctly). */
const toDouble = (value: bigint): number => Number(value) / 2 ** Number(FRACTION_BITS);

/** `2 * atanh(n / d)` scaled by 2^256, for `|n / d| <= 1/3`. */
function twoAtanh(n: bigint, d: bigint): bigint {
  const z = (n * ONE) / d;
  const z2 = (z * z) / ONE;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / ONE; // BigInt division truncates toward zero, so this reaches 0
    sum += term / k;
  }
  return 2n * sum;
}

const LN2 = twoAtanh(1n, 3n);

/**
 * The natural logarithm, correctly rounded: `k ln 2 + 2 atanh((y - 1) / (y + 1))` for
 * `x = y * 2^k`, `y` in [2/3, 4/3).
 */
export function ln(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  const [mantissa, exponent] = decompose(x);
  const bits = mantissa.toString(2).length;
  const shift = mantissa * 3n < 1n << BigInt(bits + 1) ? bits : bits - 1; // y = mantissa / 2^shift
  const denominator = 1n << BigInt(shift);
  return toDouble(twoAtanh(mantissa - denominator, mantissa + denominator) + BigInt(exponent + shift) * LN2);
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
 * The cosine, correctly rounded for `|x| < 2^200` (beyond, `Math.cos`): `x` is reduced by a
 * 512-bit pi / 2, then a Taylor series gives cos or sin of the remainder.
 */
export function cosine(x: number): number {
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
