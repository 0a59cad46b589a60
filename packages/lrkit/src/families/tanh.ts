import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { ge, minus, num, P, select } from "../export/expr.js";
import { extendParam } from "../spec/lintFacts.js";
import type { TanhOptions } from "../spec/options.generated.js";

export type { TanhOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate the curve starts near."),
  steps: p.positive("The horizon; from it on the lr is minLr."),
  minLr: v.optional(p.nonNegative("The learning rate at and after the horizon. Defaults to 0."), 0),
  lb: v.optional(p.number("The tanh argument at step 0. Defaults to -7."), -7),
  ub: v.optional(p.number("The tanh argument at the horizon. Defaults to 3."), 3),
});

/**
 * Hyperbolic-tangent decay (Hsueh et al., 2019): with `r = t / steps`,
 * `minLr + 0.5 * (lr - minLr) * (1 - tanh(lb * (1 - r) + ub * r))` before the horizon and `minLr`
 * from it on, as timm's `TanhLRScheduler` (one cycle).
 *
 * @param options - the options: see {@link TanhOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `steps`, `minLr > lr` or `ub <= lb`.
 * @example
 * ```ts
 * tanh({ lr: 0.1, steps: 100 })(70); // 0.05
 * ```
 * @see Hsueh et al., "Stochastic Gradient Descent with Hyperbolic-Tangent Decay", WACV 2019;
 *   timm `timm/scheduler/tanh_lr.py`.
 */
export function tanh(options: TanhOptions): Schedule {
  const { lr, steps, minLr, lb, ub } = parseParams("tanh", params, options);
  ensure(minLr <= lr, "tanh", "minLr", `must not exceed lr (${lr})`, minLr);
  ensure(ub > lb, "tanh", "ub", `must exceed lb (${lb})`, ub);
  return define(
    (t) => {
      if (t >= steps) return minLr;
      const r = t / steps;
      return minLr + 0.5 * (lr - minLr) * (1 - Math.tanh(lb * (1 - r) + ub * r));
    },
    specOf("tanh", options),
    { horizon: steps },
  );
}

/** Registry entry of {@link tanh}. */
export const tanhFamily = /* @__PURE__ */ defineFamily({
  type: "tanh",
  summary: "Hyperbolic-tangent decay from lr to minLr (timm TanhLRScheduler).",
  example: "tanh(lr=0.1, steps=100, minLr=0.001)",
  params,
  positional: ["lr", "steps", "minLr", "lb", "ub"],
  create: (o) => tanh(o),
  closedForm: (o, x) => {
    const r = `${P(x)} / ${num(o.steps)}`;
    const minLr = num(o.minLr);
    const value = `${minLr} + 0.5 * ${num(o.lr - o.minLr)} * (1 - tanh(${num(o.lb)} * (1 - ${P(r)}) + ${num(o.ub)} * ${P(r)}))`;
    return select(ge(minus(x, o.steps)), minLr, value);
  },
  lint: {
    counts: ["steps"],
    milestones: (o) => [o.steps],
    extend: (spec, extra) => extendParam(spec, "steps", extra),
  },
  native: {},
});
