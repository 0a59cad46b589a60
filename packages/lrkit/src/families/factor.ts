import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num, P } from "../export/expr.js";
import { every } from "../spec/lintFacts.js";
import type { FactorOptions } from "../spec/options.generated.js";

export type { FactorOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate before the first decay."),
  factor: v.pipe(
    p.positive(),
    v.check((x) => x <= 1, "must be in (0, 1]"),
    v.description("The factor applied every stepSize steps, in (0, 1]."),
  ),
  stepSize: v.optional(p.positive("Steps between two decays. Defaults to 1."), 1),
  minLr: v.optional(p.nonNegative("The floor the lr never goes below. Defaults to 0."), 0),
});

/**
 * Factor decay with a floor: `max(minLr, lr * factor ** floor(t / stepSize))`, the closed form of
 * `eta_{t+1} = max(eta_min, eta_t * alpha)` applied every `stepSize` steps.
 *
 * @param options - the options: see {@link FactorOptions} for each one's meaning and default.
 * @throws RangeError for a factor outside (0, 1] or a non-positive `stepSize`.
 * @example
 * ```ts
 * factor({ lr: 2, factor: 0.9, minLr: 0.01 })(10); // 2 * 0.9 ** 10
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling", Factor Scheduler; MXNet `FactorScheduler`.
 */
export function factor(options: FactorOptions): Schedule {
  const { lr, factor: f, stepSize, minLr } = parseParams("factor", params, options);
  return define((t) => Math.max(minLr, lr * f ** Math.floor(t / stepSize)), specOf("factor", options));
}

/** Registry entry of {@link factor}. */
export const factorFamily = /* @__PURE__ */ defineFamily({
  type: "factor",
  summary: "Multiply the lr by a factor every stepSize steps, down to a floor (MXNet, d2l).",
  example: "factor(lr=2, factor=0.9, minLr=0.01)",
  params,
  positional: ["lr", "factor", "stepSize", "minLr"],
  create: (o) => factor(o),
  closedForm: (o, x) =>
    `max(${num(o.minLr)}, ${num(o.lr)} * ${num(o.factor)} ** floor(${P(x)} / ${num(o.stepSize)}))`,
  lint: { counts: ["stepSize"], milestones: (o, end) => every(0, o.stepSize, end) },
  native: {},
});
