import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num } from "../export/expr.js";
import { extendNested } from "../spec/lintFacts.js";
import type { ClampOptions } from "../spec/options.generated.js";

export type { ClampOptions };

const params = v.strictObject({
  schedule: p.schedule("The schedule to bound."),
  min: v.optional(p.number("The lower bound. Defaults to none.")),
  max: v.optional(p.number("The upper bound. Defaults to none.")),
});

/**
 * Bounds a schedule: `min(max(schedule(t), min), max)`.
 *
 * @param schedule - the schedule.
 * @param options - the options: see {@link ClampOptions} for each one's meaning and default.
 * @throws RangeError when `max < min`.
 * @example
 * ```ts
 * clamp(exponential({ lr: 0.1, gamma: 0.5 }), { min: 1e-3 })(100); // 0.001
 * ```
 */
export function clamp(schedule: Schedule, options: ClampOptions): Schedule {
  const o = parseParams("clamp", params, { ...options, schedule });
  const lo = o.min ?? -Infinity;
  const hi = o.max ?? Infinity;
  ensure(hi >= lo, "clamp", "max", `must be at least min (${lo})`, hi);
  const inner = o.schedule;
  return define((t) => Math.min(Math.max(inner(t), lo), hi), specOf("clamp", { schedule, ...options }), {
    horizon: inner.horizon,
  });
}

/** Registry entry of {@link clamp}. */
export const clampFamily = /* @__PURE__ */ defineFamily({
  type: "clamp",
  summary: "A schedule bounded below and/or above.",
  example: "clamp(exponential(lr=0.1, gamma=0.9), min=0.001)",
  params,
  positional: ["schedule", "min", "max"],
  leading: ["schedule"],
  create: ({ schedule, ...rest }) => clamp(schedule, rest),
  closedForm: (o, x, ctx) => {
    let value = ctx.form(o.schedule, x);
    if (o.min !== undefined) value = `max(${value}, ${num(o.min)})`;
    if (o.max !== undefined) value = `min(${value}, ${num(o.max)})`;
    return value;
  },
  lint: { counts: [], extend: (spec, _extra, nested) => extendNested(spec, "schedule", nested) },
  native: {},
});
