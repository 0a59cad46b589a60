// Anchor: google-deepmind/optax optax/schedules/_schedule.py, constant_schedule.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, relabel, specOf, type Schedule } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { ConstantScheduleOptions } from "./options.generated.js";

export type { ConstantScheduleOptions };

const NAME = "optax.constant_schedule";

const params = v.strictObject({
  value: p.number("The value held at every step; of any sign, as in Optax."),
});

/**
 * Optax's constant `value` as a schedule (NaN for a NaN step, as every lrkit schedule), with the
 * spec of the `constant_schedule` that it is: what Optax's other schedules fall back to.
 */
export function constantPart(value: number): Schedule {
  return define((t) => (t === t ? value : NaN), specOf(NAME, { value }), { horizon: 0 });
}

/**
 * Optax's `constant_schedule`: `value` at every step.
 *
 * Values of any sign are accepted, as in Optax (its own tests schedule negative values); `lint`
 * reports a negative learning rate (`negative-lr`) where the schedule drives one.
 *
 * @param options - Optax's parameters: see {@link ConstantScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-finite value.
 * @example
 * ```ts
 * constant_schedule({ value: 5 })(100); // 5
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`.
 */
export function constant_schedule(options: ConstantScheduleOptions): Schedule {
  const o = parseParams(NAME, params, options);
  return relabel(constantPart(o.value), specOf(NAME, options));
}

/** Registry entry of {@link constant_schedule}. */
export const constantScheduleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Optax constant_schedule: the same value at every step.",
  example: "optax.constant_schedule(0.1)",
  params,
  positional: ["value"],
  create: (o) => constant_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
