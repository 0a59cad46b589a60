import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num, P } from "../export/expr.js";
import { kerasCall, optaxCall, torchScheduler } from "../export/nativeCalls.js";
import { every, extendParam } from "../spec/lintFacts.js";
import type { PolynomialOptions } from "../spec/options.generated.js";

export type { PolynomialOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate at step 0."),
  steps: p.positive("The horizon: steps to reach endLr."),
  power: v.optional(p.positive("The exponent of the decay; 1 is linear. Defaults to 1."), 1),
  endLr: v.optional(p.nonNegative("The learning rate at the horizon. Defaults to 0."), 0),
  cycle: v.optional(
    p.boolean(
      "Restart past the horizon with a horizon stretched to the next multiple of steps. Defaults to false.",
    ),
    false,
  ),
});

/**
 * Polynomial decay: `(lr - endLr) * (1 - min(t, steps) / steps) ** power + endLr`, held at
 * `endLr` past the horizon. With `cycle`, past the horizon the decay restarts over
 * `steps * ceil(t / steps)` steps (Keras' `PolynomialDecay(cycle=True)`).
 *
 * @param options - the options: see {@link PolynomialOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `steps` or `power`.
 * @example
 * ```ts
 * polynomial({ lr: 0.1, steps: 100, power: 2 })(50); // 0.1 * 0.5 ** 2
 * ```
 * @see Keras `PolynomialDecay`; Optax `polynomial_schedule`; PyTorch `PolynomialLR`.
 */
export function polynomial(options: PolynomialOptions): Schedule {
  const { lr, steps, power, endLr, cycle } = parseParams("polynomial", params, options);
  return define(
    (t) => {
      let horizon = steps;
      if (cycle) horizon = steps * (t === 0 ? 1 : Math.ceil(t / steps));
      else t = Math.min(t, steps);
      // steps * ceil(t / steps) can round below t (a tiny steps): the remaining fraction is then 0.
      return (lr - endLr) * Math.max(0, 1 - t / horizon) ** power + endLr;
    },
    specOf("polynomial", options),
    { horizon: cycle ? undefined : steps },
  );
}

/** Registry entry of {@link polynomial}. */
export const polynomialFamily = /* @__PURE__ */ defineFamily({
  type: "polynomial",
  summary: "Polynomial decay from lr to endLr over steps (PolynomialDecay, PolynomialLR).",
  example: "polynomial(lr=0.1, steps=100, power=2, endLr=0.001)",
  params,
  positional: ["lr", "steps", "power", "endLr", "cycle"],
  create: (o) => polynomial(o),
  closedForm: (o, x) => {
    const steps = num(o.steps);
    const head = `${num(o.lr - o.endLr)} * `;
    const tail = ` ** ${num(o.power)} + ${num(o.endLr)}`;
    if (!o.cycle) return `${head}(1 - min(${x}, ${steps}) / ${steps})${tail}`;
    return `${head}(1 - ${P(x)} / (${steps} * max(ceil(${P(x)} / ${steps}), 1)))${tail}`;
  },
  lint: {
    counts: ["steps"],
    milestones: (o, end) => (o.cycle ? every(0, o.steps, end) : []),
    extend: (spec, extra) => (spec.cycle === true ? undefined : extendParam(spec, "steps", extra)),
  },
  native: {
    pytorch: (o) =>
      !o.cycle && o.endLr === 0 && Number.isInteger(o.steps)
        ? torchScheduler(o.lr, "PolynomialLR", { total_iters: o.steps, power: o.power })
        : undefined,
    optax: (o) =>
      o.cycle
        ? undefined
        : optaxCall("polynomial_schedule", {
            init_value: o.lr,
            end_value: o.endLr,
            power: o.power,
            transition_steps: o.steps,
          }),
    keras: (o) =>
      kerasCall("PolynomialDecay", {
        initial_learning_rate: o.lr,
        decay_steps: o.steps,
        end_learning_rate: o.endLr,
        power: o.power,
        cycle: o.cycle,
      }),
  },
});
