/**
 * `x ** y` correctly rounded, which is what CPython's float `**` gives on all but a few inputs.
 *
 * CPython's `x ** y` for floats is the C library's `pow`. glibc's `pow` computes it with an error
 * below 0.52 ulp: it rounds to nearest except where the exact value lies within a few thousandths
 * of an ulp of a midpoint between two doubles (32 of 45,000 random inputs, each checked against
 * 400-bit mpmath; glibc has FMA and non-FMA builds of `pow`, which may differ there). V8's
 * `Math.pow` and `**` are off by an ulp far more often (4,088 of the same 45,000; `2 ** -0.5` is
 * 0.7071067811865475, CPython's 0.7071067811865476), so a preset whose anchor evaluates `**` in
 * CPython (fastai's `start * (end/start) ** pos`) differs from it in the last bit at many steps. The
 * correctly rounded value is the portable one, and CPython's wherever glibc rounds correctly.
 * Written by hand: no library offers a correctly rounded `pow` for JavaScript numbers.
 *
 * The value is `exp(y ln x)` in BigInt fixed point (Ziv's strategy): with `f` fraction bits the
 * result is known within a bound; when both ends of that interval round to the same double, that is
 * the answer, else `f` doubles. Integer exponents up to 64 are computed exactly. About 15 µs a call.
 *
 * @module
 */
import { bitLength, decompose, lnFixed, twoAtanh } from "../math/fixedPoint.js";

/** `exp(r)` in fixed point with `f` fraction bits, for `|r| <= 1`, by its Taylor series. */
function expFixed(r: bigint, f: bigint): bigint {
  let term = 1n << f;
  let sum = term;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / (n << f);
    sum += term;
  }
  return sum;
}

/**
 * The double nearest to `n * 2^e` (ties to even), gradual underflow included; `undefined` beyond
 * the double range.
 */
function toDouble(n: bigint, e: number): number | undefined {
  const b = bitLength(n);
  const exponent = b - 1 + e; // n * 2^e lies in [2^exponent, 2^(exponent + 1))
  if (exponent > 1023 || exponent < -1076) return undefined;
  const keep = exponent >= -1022 ? 53 : 53 - (-1022 - exponent); // bits of the result's mantissa
  const shift = b - keep;
  let q = shift > 0 ? n >> BigInt(shift) : n << BigInt(-shift);
  if (shift > 0) {
    const rest = n - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  }
  const scale = shift + e; // the result is q * 2^scale, exactly representable
  return scale < -1000 ? Number(q) * 2 ** (scale + 200) * 2 ** -200 : Number(q) * 2 ** scale;
}

/** The double nearest to `m^k * 2^(e k)` for an integer `k`, exactly. */
function integerPower(m: bigint, e: number, k: number): number | undefined {
  if (k >= 0) return toDouble(m ** BigInt(k), e * k);
  // 2^(-e|k|) / m^|k|, rounded: scaled so that the quotient has 64 + 53 bits, its remainder sticky.
  const d = m ** BigInt(-k);
  const extra = bitLength(d) + 117;
  const q = (1n << BigInt(extra)) / d;
  const sticky = q * d === 1n << BigInt(extra) ? 0n : 1n;
  return toDouble((q << 1n) | sticky, e * k - extra - 1);
}

let ln2Bits = 0n;
let ln2Value = 0n;

/**
 * ln 2 with `f` fraction bits, within a unit: the most precise value computed so far, truncated
 * (which value it is may depend on the calls before, but the result of {@link correctlyRoundedPow}
 * does not: it is returned only once the error bound decides the rounding).
 */
function ln2(f: bigint): bigint {
  if (f > ln2Bits) {
    ln2Bits = f + 64n;
    ln2Value = twoAtanh(1n, 3n, ln2Bits);
  }
  return ln2Value >> (ln2Bits - f);
}

/** Past this many fraction bits, an undecided rounding is an exact midpoint (or too close to tell). */
const MAX_BITS = 4096n;

/** Integer exponents up to this size are computed exactly (a midpoint result is only possible there). */
const MAX_INTEGER = 64;

/**
 * `x ** y`, correctly rounded to nearest (ties to even): CPython's float `**` (glibc's `pow`) except
 * where glibc misrounds (see the module). Special values (zeros, infinities, NaN, a negative base with a fractional exponent) and
 * results that overflow or underflow follow `Math.pow`, as C's `pow` does, where CPython raises for
 * an overflow or a negative base with a fractional exponent.
 *
 * @example
 * ```ts
 * correctlyRoundedPow(2, -0.5); // 0.7071067811865476, as CPython's 2 ** -0.5 (Math.pow: 0.7071067811865475)
 * ```
 */
export function correctlyRoundedPow(x: number, y: number): number {
  const fast = x ** y;
  if (!(fast !== 0 && Number.isFinite(fast) && x !== 0 && Number.isFinite(x) && Number.isFinite(y)))
    return fast;
  if (y === 0 || y === 1 || x === 1) return fast;
  const sign = x < 0 && Math.abs(y % 2) === 1 ? -1 : 1; // x < 0 here only with an integer y
  const [mx, ex] = decompose(x);
  if (Number.isInteger(y) && Math.abs(y) <= MAX_INTEGER) return sign * (integerPower(mx, ex, y) ?? fast);
  const [my, ey] = decompose(y);
  let low: number | undefined;
  let high: number | undefined;
  for (let f = 96n + BigInt(Math.max(0, bitLength(my) + ey)); f <= MAX_BITS; f *= 2n) {
    const l2 = ln2(f);
    let z = my * lnFixed(mx, ex, f, l2); // |y| ln x, scaled by 2^(f - ey)
    z = ey >= 0 ? z << BigInt(ey) : z >> BigInt(-ey);
    if (y < 0) z = -z;
    const half = l2 >> 1n;
    const k = (z + half) / l2 - (z < -half ? 1n : 0n); // about round(z / ln 2)
    const value = expFixed(z - k * l2, f); // x^y = value * 2^(k - f)
    // A bound on value's error in units of 2^-f: ln x is within 2^12 (the series, and ln 2 within 1
    // times |exponent| < 1130), times |y|; k ln 2 within |k|; the exp series within 2^9, and
    // exp(r) < 1.42 times r's error.
    const error = (BigInt(Math.ceil(Math.abs(y))) + 2n) * (1n << 14n) + 4n * (k < 0n ? -k : k);
    low = toDouble(value - error, Number(k - f));
    high = toDouble(value + error, Number(k - f));
    if (low !== undefined && low === high) return sign * low;
  }
  return sign * (low !== undefined && high !== undefined ? midpointRounding(mx, ex, y, low, high) : fast);
}

/**
 * Where the interval still straddles the midpoint `w` of `low` and `high` at {@link MAX_BITS}: `|x|^y`
 * is `w` exactly, a tie that goes to even, or the nearer double is beyond 4096 bits and `low` is
 * returned. A tie needs `y = p / 2^q` (`p` odd) with `q <= 5` and `0 < p <= 34` (`|x|` a perfect
 * `2^q`-th power of an odd `z` with `z^p` of 54 bits, as `x = z^2`, `y = 1.5`), checked exactly as
 * `w^(2^q) = |x|^p`.
 */
function midpointRounding(mx: bigint, ex: number, y: number, low: number, high: number): number {
  const [ml, el] = decompose(low);
  const [mh, eh] = decompose(high);
  const e = Math.min(el, eh) - 1;
  const w = (ml << BigInt(el - e)) / 2n + (mh << BigInt(eh - e)) / 2n; // the midpoint, times 2^-e
  const [my, ey] = decompose(y);
  let p = my; // y = p / 2^q with p odd
  let q = -ey;
  while ((p & 1n) === 0n) {
    p >>= 1n;
    q -= 1;
  }
  if (y < 0 || q < 1 || q > 5 || p > 34n) return low;
  // w 2^e to the power 2^q against (mx 2^ex) to the power p: compare mantissas and exponents.
  const left = w ** (1n << BigInt(q));
  const right = mx ** p;
  const shift = ex * Number(p) - e * 2 ** q; // left 2^(e 2^q) = right 2^(ex p) when left = right 2^shift
  const equal = shift >= 0 ? left === right << BigInt(shift) : left << BigInt(-shift) === right;
  if (!equal) return low;
  return (ml & 1n) === 0n ? low : high;
}
