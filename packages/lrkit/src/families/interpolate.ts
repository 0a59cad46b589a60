import * as v from "valibot";
import * as p from "../params.js";
import { ensure, ensureSorted, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { gt, minus, num, P, select } from "../export/expr.js";
import type { InterpolateOptions } from "../spec/options.generated.js";

export type { InterpolateOptions };

const params = v.strictObject({
  knots: p.numbers("Steps at which the curve passes through the given values; strictly increasing."),
  values: p.numbers("The value at each knot."),
  mode: v.optional(
    p.oneOf(["linear", "cos"], 'How to go from knot to knot. Defaults to "linear".'),
    "linear",
  ),
});

/**
 * The value at `t` on one segment, from `a` at `start` to `b` at `start + length`, `span` being
 * `b - a` (linear) or `(a - b) / 2` (cos): PyTorch's `_annealing_linear`, `(b - a) * pct + a`, and `_annealing_cos`,
 * `b + (a - b) / 2 * (cos(pi * pct) + 1)`, with their step-independent parts precomputed by the
 * same operations, so the values are the same.
 */
function onSegment(
  t: number,
  start: number,
  length: number,
  span: number,
  a: number,
  b: number,
  cos: boolean,
) {
  const pct = (t - start) / length;
  return cos ? b + span * (Math.cos(Math.PI * pct) + 1) : span * pct + a;
}

/**
 * The function behind {@link interpolate}, for families built on it (one-cycle). Segment `i`
 * covers `(knots[i-1], knots[i]]`, the first one `[knots[0], knots[1]]`, as PyTorch's
 * `OneCycleLR` phases do; before the first knot and after the last the end values hold.
 *
 * Up to four knots (one-cycle has three or four) the closure holds them as constants and tests
 * them in turn; more knots are found by binary search. Either way the closure is small enough
 * for V8 to inline where it is called.
 */
export function interpolation(knots: readonly number[], values: readonly number[], mode: "linear" | "cos") {
  const n = knots.length;
  const cos = mode === "cos";
  const lengths = knots.map((k, i) => (i === 0 ? 1 : k - knots[i - 1]!));
  const spans = values.map((v, i) => (i === 0 ? 0 : cos ? (values[i - 1]! - v) / 2.0 : v - values[i - 1]!));
  const [k0, k1, k2, k3] = knots as [number, number, number?, number?];
  const [v0, v1, v2, v3] = values as [number, number, number?, number?];
  const [, l1, l2, l3] = lengths as [number, number, number?, number?];
  const [, s1, s2, s3] = spans as [number, number, number?, number?];
  // A NaN step fails every comparison and lands on the last segment, whose formula gives NaN: no
  // test for it (a `t !== t ? NaN` branch keeps V8 from returning an unboxed double, 2.5x slower).
  if (n === 2)
    return (t: number): number => (t < k0 ? v0 : t > k1 ? v1 : onSegment(t, k0, l1, s1, v0, v1, cos));
  if (n === 3)
    return (t: number): number =>
      t < k0
        ? v0
        : t > k2!
          ? v2!
          : t <= k1
            ? onSegment(t, k0, l1, s1, v0, v1, cos)
            : onSegment(t, k1, l2!, s2!, v1, v2!, cos);
  if (n === 4)
    return (t: number): number =>
      t < k0
        ? v0
        : t > k3!
          ? v3!
          : t <= k1
            ? onSegment(t, k0, l1, s1, v0, v1, cos)
            : t <= k2!
              ? onSegment(t, k1, l2!, s2!, v1, v2!, cos)
              : onSegment(t, k2!, l3!, s3!, v2!, v3!, cos);
  const ks = Float64Array.from(knots);
  const vs = Float64Array.from(values);
  const ls = Float64Array.from(lengths);
  const ss = Float64Array.from(spans);
  return (t: number): number => {
    if (t < k0) return v0;
    if (t > ks[n - 1]!) return vs[n - 1]!;
    // The segment: the first knot at or above t, from the second on (t <= the last bounds it).
    let lo = 1;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ks[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return onSegment(t, ks[lo - 1]!, ls[lo]!, ss[lo]!, vs[lo - 1]!, vs[lo]!, cos);
  };
}

/**
 * Piecewise interpolation through `(knots[i], values[i])`, linear or cosine between knots, flat
 * before the first and after the last. Between knots `a < b` with values `u, v` and
 * `pct = (t - a) / (b - a)`: linear `(v - u) * pct + u`, cosine `v + (u - v) / 2 * (cos(pi * pct) + 1)`.
 * Evaluation is O(log n) in the number of knots.
 *
 * @param options - the options: see {@link InterpolateOptions} for each one's meaning and default.
 * @throws RangeError for fewer than two knots, unsorted knots, or a length mismatch.
 * @example
 * ```ts
 * interpolate({ knots: [0, 10, 100], values: [0.001, 0.1, 0], mode: "cos" })(10); // 0.1
 * ```
 * @see Optax `piecewise_interpolate_schedule`; PyTorch `OneCycleLR` phases.
 */
export function interpolate(options: InterpolateOptions): Schedule {
  const { knots, values, mode } = parseParams("interpolate", params, options);
  ensure(knots.length >= 2, "interpolate", "knots", "must hold at least two steps", knots);
  ensureSorted("interpolate", "knots", knots, true);
  ensure(
    values.length === knots.length,
    "interpolate",
    "values",
    `must hold one value per knot (${knots.length})`,
    values,
  );
  return define(interpolation([...knots], [...values], mode), specOf("interpolate", options), {
    horizon: knots[knots.length - 1],
  });
}

/**
 * The closed form of {@link interpolation} at `x`, with the knots, values and spans as it computes
 * them (`(u - v) / 2.0` for cosine segments), for interpolate's and one-cycle's exports.
 */
export function interpolationForm(
  knots: readonly number[],
  values: readonly number[],
  mode: "linear" | "cos",
  x: string,
): string {
  const seg = (i: number) => {
    const a = knots[i - 1]!;
    const [u, v] = [values[i - 1]!, values[i]!];
    const pct = `${P(minus(x, a))} / ${num(knots[i]! - a)}`;
    return mode === "cos"
      ? `${num(v)} + ${num((u - v) / 2.0)} * (cos(pi * ${P(pct)}) + 1)`
      : `${num(v - u)} * ${P(pct)} + ${num(u)}`;
  };
  const last = knots.length - 1;
  let s = seg(1);
  for (let i = 2; i <= last; i++) s = select(gt(minus(x, knots[i - 1]!)), seg(i), s);
  s = select(gt(minus(x, knots[last]!)), num(values[last]!), s);
  return select(gt(`${num(knots[0]!)} - ${P(x)}`), num(values[0]!), s);
}

/** Registry entry of {@link interpolate}. */
export const interpolateFamily = /* @__PURE__ */ defineFamily({
  type: "interpolate",
  summary: "Linear or cosine interpolation through (knot, value) points.",
  example: 'interpolate(knots=[0, 10, 100], values=[0.001, 0.1, 0.0001], mode="cos")',
  params,
  positional: ["knots", "values", "mode"],
  create: (o) => interpolate(o),
  closedForm: (o, x) => interpolationForm(o.knots, o.values, o.mode, x),
  lint: {
    counts: ["knots"],
    extend: (spec, extra) => {
      const knots = spec.knots;
      if (!Array.isArray(knots) || typeof knots.at(-1) !== "number") return undefined;
      return { ...spec, knots: [...knots.slice(0, -1), (knots.at(-1) as number) + extra] };
    },
  },
  native: {},
});
