import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";

const params = v.strictObject({
  from: p.nonNegative("The learning rate at step 0."),
  to: p.nonNegative("The learning rate from step `steps` on."),
  steps: p.positive("The length of the ramp."),
});

/** Options of {@link linear}. */
export type LinearOptions = v.InferInput<typeof params>;

/**
 * A linear ramp from `from` to `to` over `steps` steps, then held at `to`:
 * `from + (to - from) * min(t, steps) / steps`.
 *
 * @param options.from - the value at step 0.
 * @param options.to - the value at and after `steps`.
 * @param options.steps - the ramp's length; positive.
 * @throws RangeError for negative values or a non-positive `steps`.
 * @example
 * ```ts
 * linear({ from: 0, to: 0.3, steps: 5 })(2); // 0.12
 * ```
 * @see Optax `linear_schedule`.
 */
export function linear(options: LinearOptions): Schedule {
  const { from, to, steps } = parseParams("linear", params, options);
  return define((t) => from + (to - from) * (Math.min(t, steps) / steps), specOf("linear", options), {
    horizon: steps,
  });
}

/** Registry entry of {@link linear}. */
export const linearFamily: Family = {
  type: "linear",
  summary: "A straight line from `from` to `to` over `steps` steps, then flat.",
  example: "linear(from=0.1, to=0.001, steps=100)",
  params,
  create: (o) => linear(o as LinearOptions),
};
