import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num, P } from "../export/expr.js";
import { kerasCall } from "../export/nativeCalls.js";
import { every } from "../spec/lintFacts.js";
import type { InverseTimeOptions } from "../spec/options.generated.js";

export type { InverseTimeOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate at step 0."),
  decayRate: p.nonNegative("How fast the lr falls: lr / (1 + decayRate * t / decaySteps)."),
  decaySteps: v.optional(p.positive("The unit of t in the decay. Defaults to 1."), 1),
  staircase: v.optional(p.boolean("Floor t / decaySteps. Defaults to false."), false),
});

/**
 * Inverse time decay: `lr / (1 + decayRate * p)` with `p = t / decaySteps` (floored when
 * `staircase`).
 *
 * @param options - the options: see {@link InverseTimeOptions} for each one's meaning and default.
 * @throws RangeError for a negative `decayRate` or a non-positive `decaySteps`.
 * @example
 * ```ts
 * inverseTime({ lr: 0.1, decayRate: 0.5, decaySteps: 10 })(20); // 0.1 / 2
 * ```
 * @see Keras `keras/src/optimizers/schedules/learning_rate_schedule.py` `InverseTimeDecay`.
 */
export function inverseTime(options: InverseTimeOptions): Schedule {
  const { lr, decayRate, decaySteps, staircase } = parseParams("inverseTime", params, options);
  return define(
    (t) => {
      const q = t / decaySteps;
      return lr / (1 + decayRate * (staircase ? Math.floor(q) : q));
    },
    specOf("inverseTime", options),
  );
}

/** Registry entry of {@link inverseTime}. */
export const inverseTimeFamily = /* @__PURE__ */ defineFamily({
  type: "inverseTime",
  summary: "lr / (1 + decayRate * t / decaySteps) (Keras InverseTimeDecay).",
  example: "inverseTime(lr=0.1, decayRate=0.5, decaySteps=10)",
  params,
  positional: ["lr", "decayRate", "decaySteps", "staircase"],
  create: (o) => inverseTime(o),
  closedForm: (o, x) => {
    const q = `${P(x)} / ${num(o.decaySteps)}`;
    return `${num(o.lr)} / (1 + ${num(o.decayRate)} * ${o.staircase ? `floor(${q})` : P(q)})`;
  },
  lint: {
    counts: ["decaySteps"],
    milestones: (o, end) => (o.staircase ? every(0, o.decaySteps, end) : []),
  },
  native: {
    keras: (o) =>
      kerasCall("InverseTimeDecay", {
        initial_learning_rate: o.lr,
        decay_steps: o.decaySteps,
        decay_rate: o.decayRate,
        staircase: o.staircase,
      }),
  },
});
