/**
 * `floor(log(x) / log(base))` as the anchors compute it in float64 with glibc's `log`.
 *
 * timm (`math.floor(math.log(x, base))` in CPython) and Keras (`floor(log(x) / log(t_mul))` in
 * TensorFlow, whose scalar `log` is glibc's) locate a restart cycle this way, and their rounding
 * decides some restarts: with glibc, `log(243) / log(3)` is 4.999999999999999, so timm puts step
 * 242 of `t_initial = 2, cycle_mul = 3` at the end of cycle 4 rather than the start of cycle 5.
 * glibc's `log` is correctly rounded in practice; V8's `Math.log` is off by an ulp on a few
 * percent of inputs, which moves the quotient by a few ulps. So the quotient is taken from
 * `Math.log` where it is far from an integer (the floor cannot change), and from the correctly
 * rounded logarithm (math/libm.ts) near one.
 *
 * @module
 */
import { ln } from "../math/libm.js";

/**
 * `floor(log(x) / log(base))` with a correctly rounded `log` (glibc's, as CPython's `math.log` and
 * TensorFlow's scalar `log` use), for `x > 0` and `base > 0, base != 1`; NaN for a NaN argument.
 *
 * @example
 * ```ts
 * floorLogRatio(243, 3); // 4, as timm gets it (the exact logarithm is 5)
 * ```
 */
export function floorLogRatio(x: number, base: number): number {
  const r = Math.log(x) / Math.log(base);
  if (Math.abs(r - Math.round(r)) > 2 ** -48 * Math.max(1, Math.abs(r))) return Math.floor(r);
  return Math.floor(ln(x) / ln(base));
}
