// Anchor: google-deepmind/optax optax/schedules/_schedule.py, constant_schedule.
import * as v from "valibot";
import { constant } from "../../families/constant.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import type { Family } from "../../spec/family.js";

const NAME = "optax.constant_schedule";

const params = v.strictObject({
  value: p.nonNegative("The value held at every step."),
});

/** Options of {@link constant_schedule}: Optax's parameter names. */
export type ConstantScheduleOptions = v.InferInput<typeof params>;

/**
 * Optax's `constant_schedule`: `value` at every step. The core {@link constant} family.
 *
 * @param options.value - non-negative (Optax accepts any value; lrkit schedules learning rates).
 * @throws RangeError for a negative or non-finite value.
 * @example
 * ```ts
 * constant_schedule({ value: 5 })(100); // 5
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function constant_schedule(options: ConstantScheduleOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = constant({ lr: o.value });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link constant_schedule}. */
export const constantScheduleFamily: Family = {
  type: NAME,
  summary: "Optax constant_schedule: the same value at every step.",
  example: "optax.constant_schedule(0.1)",
  params,
  create: (o) => constant_schedule(o as ConstantScheduleOptions),
};
