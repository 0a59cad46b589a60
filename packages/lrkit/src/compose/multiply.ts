import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { P } from "../export/expr.js";

const params = v.strictObject({
  schedules: p.schedules("The factors."),
});

/**
 * The pointwise product of schedules, `s1(t) * s2(t) * ...`: a schedule times a multiplier
 * (a PyTorch `LambdaLR` lambda, a cyclical amplitude, a decay envelope).
 *
 * @param schedules - at least one schedule.
 * @throws RangeError for an empty list.
 * @example
 * ```ts
 * const s = multiply([constant({ lr: 0.1 }), formula("0.95 ** t")]);
 * ```
 */
export function multiply(schedules: readonly Schedule[]): Schedule {
  const o = parseParams("multiply", params, { schedules });
  ensure(o.schedules.length > 0, "multiply", "schedules", "must not be empty", o.schedules);
  const parts = [...o.schedules];
  const horizons = parts.map((s) => s.horizon);
  const fn =
    parts.length === 2
      ? (
          (a: Schedule, b: Schedule) => (t: number) =>
            a(t) * b(t)
        )(parts[0]!, parts[1]!)
      : (t: number) => parts.reduce((acc, s) => acc * s(t), 1);
  return define(fn, specOf("multiply", { schedules }), {
    horizon: horizons.every((h) => h !== undefined) ? Math.max(...horizons) : undefined,
  });
}

/** Registry entry of {@link multiply}. */
export const multiplyFamily = /* @__PURE__ */ defineFamily({
  type: "multiply",
  summary: "The product of schedules at every step.",
  example: 'multiply([constant(lr=0.1), formula("0.95 ** t")])',
  params,
  positional: ["schedules"],
  leading: ["schedules"],
  create: ({ schedules }) => multiply(schedules),
  closedForm: (o, x, ctx) => o.schedules.map((s) => P(ctx.form(s, x))).join(" * "),
  lint: { counts: [] },
  native: {},
});
