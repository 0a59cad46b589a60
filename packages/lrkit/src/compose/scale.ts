import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num, P } from "../export/expr.js";
import { extendNested } from "../spec/lintFacts.js";

const params = v.strictObject({
  schedule: p.schedule("The schedule to scale."),
  factor: p.nonNegative("The constant factor."),
});

/**
 * A schedule times a constant: `factor * schedule(t)`.
 *
 * @param schedule - the schedule.
 * @param factor - non-negative.
 * @throws RangeError for a negative or non-finite factor.
 * @example
 * ```ts
 * scale(cosine({ lr: 1, steps: 100 }), 0.3)(0); // 0.3
 * ```
 */
export function scale(schedule: Schedule, factor: number): Schedule {
  const o = parseParams("scale", params, { schedule, factor });
  const inner = o.schedule;
  const k = o.factor;
  return define((t) => k * inner(t), specOf("scale", { schedule, factor }), { horizon: inner.horizon });
}

/** Registry entry of {@link scale}. */
export const scaleFamily = /* @__PURE__ */ defineFamily({
  type: "scale",
  summary: "A schedule times a constant factor.",
  example: "scale(cosine(lr=1, steps=100), factor=0.1)",
  params,
  positional: ["schedule", "factor"],
  leading: ["schedule", "factor"],
  create: ({ schedule, factor }) => scale(schedule, factor),
  closedForm: (o, x, ctx) => `${num(o.factor)} * ${P(ctx.form(o.schedule, x))}`,
  lint: { counts: [], extend: (spec, _extra, nested) => extendNested(spec, "schedule", nested) },
  native: {},
});
