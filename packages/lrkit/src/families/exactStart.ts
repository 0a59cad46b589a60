/**
 * The exact position of a step relative to a cycle start, for cycles of lengths `period * mult^i`.
 *
 * Cycle `i` starts at `S_i = period * (1 + mult + ... + mult^(i-1))`. In float64 that sum is off
 * by an ulp or more: `15 * (2.4 - 1) / (2.4 - 1)` is 15.000000000000002, and the double 2.4 is not
 * 2.4 either, so even the exact sum `15 * (1 + 2.4)` of the doubles is not 51. The starts meant by
 * `period: 15, periodMult: 2.4` are 15 and 51. This module decides `t` against `S_i` exactly, with
 * `t`, `period` and `mult` read as the decimals they print as (JavaScript's shortest round-trip
 * `String(x)`), in BigInt arithmetic. It is slow next to float arithmetic, so callers use it only
 * where the float start cannot decide: a step within a few ulps of a start.
 *
 * @module
 */

/** The exact fraction `n / d` of the decimal that a finite, non-negative double prints as. */
function decimalFraction(x: number): [n: bigint, d: bigint] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
  const digits = match[1]! + (match[2] ?? "");
  const exponent = Number(match[3] ?? 0) - (match[2]?.length ?? 0);
  return exponent >= 0
    ? [BigInt(digits) * 10n ** BigInt(exponent), 1n]
    : [BigInt(digits), 10n ** BigInt(-exponent)];
}

/** Past this many bits in `mult`'s numerator to the power `i`, the comparison is not attempted. */
const MAX_BITS = 1 << 16;

/**
 * The sign of `t - S_i`, exactly, with `t`, `period` and `mult` read as decimals (see the module);
 * `undefined` where the numbers would exceed {@link MAX_BITS} bits (a start that large is far
 * beyond 2^53, where steps are not integers apart anyway) or an argument is out of range (`t` and
 * `period` finite and non-negative, `mult >= 1` finite, `i` a non-negative integer).
 *
 * `S_i = P (M^i - 1) / (M - 1)` with `P = pn / pd`, `M = mn / md`, `t = tn / td`, so
 * `t >= S_i` exactly when `tn pd md^(i-1) (mn - md) >= td pn (mn^i - md^i)` (for `M > 1`).
 */
export function compareToStart(t: number, i: number, period: number, mult: number): -1 | 0 | 1 | undefined {
  if (!(t >= 0 && t < Infinity && period >= 0 && period < Infinity && mult >= 1 && mult < Infinity))
    return undefined;
  if (!(Number.isInteger(i) && i >= 0)) return undefined;
  if (i === 0) return t === 0 ? 0 : 1;
  const [tn, td] = decimalFraction(t);
  const [pn, pd] = decimalFraction(period);
  const [mn, md] = decimalFraction(mult);
  let left: bigint;
  let right: bigint;
  if (mn === md) {
    left = tn * pd;
    right = td * pn * BigInt(i);
  } else {
    if (mn.toString(2).length * i > MAX_BITS) return undefined;
    left = tn * pd * md ** BigInt(i - 1) * (mn - md);
    right = td * pn * (mn ** BigInt(i) - md ** BigInt(i));
  }
  return left > right ? 1 : left < right ? -1 : 0;
}
