import * as v from "valibot";
import * as p from "../params.js";
import { ensure, ensureSorted, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { countAtOrBelow } from "../families/math.js";
import { ge, local, minus, select } from "../export/expr.js";
import { optaxJoin } from "../export/nativeCalls.js";
import { extendNested } from "../spec/lintFacts.js";

const params = v.strictObject({
  schedules: p.schedules("The parts, in order."),
  boundaries: p.numbers("The steps at which each part after the first begins; one fewer than schedules."),
});

/**
 * Joins schedules end to end: part `i` runs from `boundaries[i-1]` (0 for the first) and sees the
 * step counted from its own start, `schedules[i](t - boundaries[i-1])`, as Optax's
 * `join_schedules`. O(log n) per step.
 *
 * @param schedules - at least one schedule.
 * @param boundaries - non-negative, sorted, `schedules.length - 1` of them.
 * @throws RangeError for a wrong number of boundaries, or negative or unsorted ones.
 * @example
 * ```ts
 * const s = join([linear({ from: 0, to: 0.3, steps: 5 }), cosine({ lr: 0.3, steps: 25, minLr: 0.01 })], [5]);
 * s(7) === cosine({ lr: 0.3, steps: 25, minLr: 0.01 })(2); // true
 * ```
 * @see Optax `optax/schedules/_join.py` `join_schedules`.
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const o = parseParams("join", params, { schedules, boundaries });
  ensure(o.schedules.length > 0, "join", "schedules", "must not be empty", o.schedules);
  ensure(
    o.boundaries.length === o.schedules.length - 1,
    "join",
    "boundaries",
    `must hold schedules.length - 1 = ${o.schedules.length - 1} steps`,
    o.boundaries,
  );
  o.boundaries.forEach((b, i) => ensure(b >= 0, "join", `boundaries[${i}]`, "must be non-negative", b));
  ensureSorted("join", "boundaries", o.boundaries);
  const parts = [...o.schedules];
  const starts = [0, ...o.boundaries];
  const last = parts[parts.length - 1]!.horizon;
  return define(
    parts.length === 2 ? joinTwo(parts[0]!, parts[1]!, starts[1]!) : joinMany(parts, starts),
    specOf("join", { schedules, boundaries }),
    { horizon: last === undefined ? undefined : starts[starts.length - 1]! + last },
  );
}

/**
 * Two parts (warmup then decay, the common case): no search, and a call site per part, so that
 * each part can be inlined. A NaN step fails both comparisons and gives NaN.
 */
function joinTwo(a: Schedule, b: Schedule, boundary: number): (t: number) => number {
  return (t) => (t >= boundary ? b(t - boundary) : t < boundary ? a(t - 0) : NaN);
}

/** Any number of parts: the last start at or below the step, then that part. */
function joinMany(parts: readonly Schedule[], starts: readonly number[]): (t: number) => number {
  return (t) => {
    const i = Math.max(0, countAtOrBelow(starts, t) - 1);
    return Number.isNaN(i) ? NaN : parts[i]!(t - starts[i]!);
  };
}

/** Registry entry of {@link join}. */
export const joinFamily = /* @__PURE__ */ defineFamily({
  type: "join",
  summary: "Schedules end to end, each counting steps from its own start (Optax join_schedules).",
  example: "join([linear(from=0.01, to=0.1, steps=10), cosine(lr=0.1, steps=90)], [10])",
  params,
  positional: ["schedules", "boundaries"],
  leading: ["schedules", "boundaries"],
  create: ({ schedules, boundaries }) => join(schedules, boundaries),
  closedForm: (o, x, ctx) => {
    const starts = [0, ...o.boundaries];
    let s = ctx.form(o.schedules[0]!, x);
    for (let i = 1; i < o.schedules.length; i++) {
      s = select(ge(minus(x, starts[i]!)), ctx.form(o.schedules[i]!, local(x, starts[i]!)), s);
    }
    return s;
  },
  lint: {
    counts: ["boundaries"],
    extend: (spec, _extra, nested) => extendNested(spec, "schedules", nested),
    place: (o, at) => {
      const starts = [0, ...o.boundaries];
      o.schedules.forEach((_, i) => {
        const a = Math.ceil(at.g(starts[i]!) - 1e-9);
        const b = i + 1 < starts.length ? Math.ceil(at.g(starts[i + 1]!) - 1e-9) : Infinity;
        if (i > 0) at.declare(at.g(starts[i]!));
        at.child({ start: at.g(starts[i]!), from: Math.max(at.from, a), to: Math.min(at.to, b) }, i);
      });
    },
  },
  native: {
    optax: (o, ctx) => optaxJoin(o.schedules.map(ctx.optax), o.boundaries),
  },
});
