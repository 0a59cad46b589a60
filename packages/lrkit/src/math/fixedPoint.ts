/**
 * BigInt fixed-point building blocks of the correctly rounded functions (`libm.ts`'s `ln` and
 * `cos`, the presets' `correctlyRoundedPow`): a double's exact value, and `ln` to any precision.
 * Written by hand: no library offers correctly rounded elementary functions for JavaScript numbers.
 *
 * @module
 */

/** `[m, e]` with `|x| = m * 2^e` exactly, `m` a BigInt, for a finite non-zero `x`. */
export function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

/** The number of bits of a positive BigInt. */
export const bitLength = (n: bigint): number => n.toString(2).length;

/** `2 atanh(n / d)` in fixed point with `f` fraction bits, for `|n / d| <= 1/3`. */
export function twoAtanh(n: bigint, d: bigint, f: bigint): bigint {
  const one = 1n << f;
  const z = (n * one) / d;
  const z2 = (z * z) >> f;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / one; // truncates toward zero, so that a negative term reaches 0 too
    sum += term / k;
  }
  return 2n * sum;
}

/**
 * `ln(m * 2^e)` in fixed point with `f` fraction bits, given `ln2` at that precision:
 * `2 atanh((u - 1) / (u + 1)) + j ln 2`, `u` in [2/3, 4/3).
 */
export function lnFixed(m: bigint, e: number, f: bigint, ln2: bigint): bigint {
  const bits = bitLength(m);
  const shift = m * 3n < 1n << BigInt(bits + 1) ? bits : bits - 1; // u = m / 2^shift
  const d = 1n << BigInt(shift);
  return twoAtanh(m - d, m + d, f) + BigInt(e + shift) * ln2;
}
