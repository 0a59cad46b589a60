import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { cycleStart, locateCycle } from "../families/math.js";
import { ge, num, P, select } from "../export/expr.js";
import { cyclesOf } from "../export/cycles.js";
import { MAX_CYCLES } from "../spec/lintFacts.js";
import type { RepeatOptions } from "../spec/options.generated.js";

export type { RepeatOptions };

const params = v.strictObject({
  schedule: p.schedule("One cycle, over steps 0..period."),
  period: p.positive("The length of the first cycle."),
  periodMult: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 1, "must be at least 1"),
      v.description("Each cycle is periodMult times longer, the schedule stretched to fit. Defaults to 1."),
    ),
    1,
  ),
  decay: v.optional(p.nonNegative("Cycle i is scaled by decay^i. Defaults to 1."), 1),
  limit: v.optional(
    p.positiveInt("Cycles to run; then the end of the last cycle holds. Defaults to unlimited."),
  ),
});

/**
 * Repeats one cycle of a schedule: cycle `i` lasts `period * periodMult ** i` steps, over which the
 * cycle schedule (defined on `0..period`) is stretched, and is scaled by `decay ** i`. After `limit`
 * cycles the value at the end of the last one holds. SGDR is a repeat of cosine cycles. A cycle
 * starts exactly on its step whatever the multiplier (see `cycleOf`).
 *
 * @param schedule - one cycle.
 * @param options - the options: see {@link RepeatOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive period or a multiplier below 1.
 * @example
 * ```ts
 * const s = repeat(cosine({ lr: 0.1, steps: 10 }), { period: 10, periodMult: 2, decay: 0.5 });
 * s(10); // 0.05: the second cycle, twice as long, at half the height
 * ```
 * @see Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function repeat(schedule: Schedule, options: RepeatOptions): Schedule {
  const o = parseParams("repeat", params, { ...options, schedule });
  const { period, periodMult, decay } = o;
  const inner = o.schedule;
  const limit = o.limit ?? Infinity;
  const end = o.limit === undefined ? undefined : cycleStart(o.limit, period, periodMult);
  const last = o.limit === undefined ? 0 : decay ** (o.limit - 1) * inner(period);
  return define(
    (t) => {
      const { cycle, offset, length } = locateCycle(t, period, periodMult);
      if (cycle >= limit) return last;
      const local = length === period ? offset : (offset * period) / length;
      return decay ** cycle * inner(local);
    },
    specOf("repeat", { schedule, ...options }),
    { horizon: end },
  );
}

/** Registry entry of {@link repeat}. */
export const repeatFamily = /* @__PURE__ */ defineFamily({
  type: "repeat",
  summary: "A schedule repeated in cycles, optionally longer and lower each time.",
  example: "repeat(cosine(lr=0.1, steps=20), period=20, decay=0.7)",
  params,
  positional: ["schedule", "period", "periodMult", "decay", "limit"],
  leading: ["schedule"],
  create: ({ schedule, ...rest }) => repeat(schedule, rest),
  closedForm: (o, x, ctx) => {
    const { period, periodMult: mult, decay } = o;
    const limit = o.limit ?? Infinity;
    const { cycle, offset, length } = cyclesOf(x, period, mult, limit, ctx, "repeat");
    const at =
      mult === 1
        ? offset
        : select(ge(`${cycle} - 1`), `(${P(offset)} * ${num(period)}) / ${P(length)}`, offset);
    const inner = P(ctx.form(o.schedule, at));
    const scaled = decay === 1 ? inner : `${num(decay)} ** ${cycle} * ${inner}`;
    if (!Number.isFinite(limit)) return scaled;
    const last = decay ** (limit - 1) * ctx.build(o.schedule)(period);
    return select(ge(`${cycle} - ${num(limit)}`), num(last), scaled);
  },
  lint: {
    counts: ["period"],
    cycles: (o) => ({ name: "repeat", period: o.period, mult: o.periodMult, limit: o.limit ?? Infinity }),
    place: (o, at) => {
      const { period, periodMult: mult } = o;
      const cycles = o.limit ?? Infinity;
      for (let i = 0; i < Math.min(cycles, MAX_CYCLES); i++) {
        const c0 = at.g(cycleStart(i, period, mult));
        if (!(c0 < Math.min(at.to, at.limit))) break;
        if (i > 0) at.declare(c0);
        const end = at.g(cycleStart(i + 1, period, mult));
        const length = period * mult ** i;
        at.child({
          start: c0,
          stretch: (at.stretch * length) / period,
          from: Math.max(at.from, Math.ceil(c0 - 1e-9)),
          to: Math.min(at.to, Math.ceil(end - 1e-9)),
        });
      }
      if (Number.isFinite(cycles)) at.declare(at.g(cycleStart(cycles, period, mult)));
    },
  },
  native: {},
});
