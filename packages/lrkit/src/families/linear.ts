import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num } from "../export/expr.js";
import { optaxCall, torchScheduler } from "../export/nativeCalls.js";
import { extendParam } from "../spec/lintFacts.js";
import type { LinearOptions } from "../spec/options.generated.js";

export type { LinearOptions };

const params = v.strictObject({
  from: p.nonNegative("The learning rate at step 0."),
  to: p.nonNegative("The learning rate from step `steps` on."),
  steps: p.positive("The length of the ramp."),
});

/**
 * A linear ramp from `from` to `to` over `steps` steps, then held at `to`:
 * `from + (to - from) * min(t, steps) / steps`.
 *
 * @param options - the options: see {@link LinearOptions} for each one's meaning and default.
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
export const linearFamily = /* @__PURE__ */ defineFamily({
  type: "linear",
  summary: "A straight line from `from` to `to` over `steps` steps, then flat.",
  example: "linear(from=0.1, to=0.001, steps=100)",
  params,
  positional: ["from", "to", "steps"],
  create: (o) => linear(o),
  closedForm: (o, x) => {
    const steps = num(o.steps);
    return `${num(o.from)} + ${num(o.to - o.from)} * (min(${x}, ${steps}) / ${steps})`;
  },
  lint: { counts: ["steps"], extend: (spec, extra) => extendParam(spec, "steps", extra) },
  native: {
    pytorch: (o) => {
      const base = Math.max(o.from, o.to);
      return Number.isInteger(o.steps) && o.from > 0
        ? torchScheduler(base, "LinearLR", {
            start_factor: o.from / base,
            end_factor: o.to / base,
            total_iters: o.steps,
          })
        : undefined;
    },
    optax: (o) =>
      optaxCall("linear_schedule", { init_value: o.from, end_value: o.to, transition_steps: o.steps }),
  },
});
