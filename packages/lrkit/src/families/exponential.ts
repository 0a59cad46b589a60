import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { minus, num } from "../export/expr.js";
import { kerasCall, optaxCall, torchScheduler } from "../export/nativeCalls.js";
import { every } from "../spec/lintFacts.js";
import type { ExponentialOptions } from "../spec/options.generated.js";

export type { ExponentialOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate until the decay begins."),
  gamma: p.positive("The decay rate: the lr is multiplied by gamma every decaySteps steps."),
  decaySteps: v.optional(
    p.positive("Steps over which the lr is multiplied by gamma once. Defaults to 1."),
    1,
  ),
  staircase: v.optional(
    p.boolean("Decay in discrete jumps (floor of the exponent). Defaults to false."),
    false,
  ),
  transitionBegin: v.optional(p.nonNegative("Steps before the decay begins. Defaults to 0."), 0),
  endLr: v.optional(
    p.nonNegative(
      "A bound the decay stops at: a floor when gamma < 1, a ceiling when gamma > 1. Defaults to none.",
    ),
  ),
});

/**
 * Exponential decay. With `k = t - transitionBegin`: `lr` while `k <= 0`, then
 * `lr * gamma ** (k / decaySteps)` (the exponent floored when `staircase`), bounded by `endLr`.
 * With the defaults it is PyTorch's `ExponentialLR`, `lr * gamma ** t`; with `decaySteps` and
 * `staircase` it is Keras' `ExponentialDecay`; with `transitionBegin` and `endLr`, Optax's
 * `exponential_decay`.
 *
 * @param options - the options: see {@link ExponentialOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `gamma` or `decaySteps`, or negative values.
 * @example
 * ```ts
 * exponential({ lr: 0.1, gamma: 0.96, decaySteps: 100, staircase: true })(250); // 0.1 * 0.96 ** 2
 * ```
 * @see Optax `optax/schedules/_schedule.py` `exponential_decay`; Keras `ExponentialDecay`.
 */
export function exponential(options: ExponentialOptions): Schedule {
  const { lr, gamma, decaySteps, staircase, transitionBegin, endLr } = parseParams(
    "exponential",
    params,
    options,
  );
  const bound =
    endLr === undefined
      ? (v: number) => v
      : gamma < 1
        ? (v: number) => Math.max(v, endLr)
        : (v: number) => Math.min(v, endLr);
  return define(
    (t) => {
      const k = t - transitionBegin;
      if (k <= 0) return bound(lr);
      const e = k / decaySteps;
      return bound(lr * gamma ** (staircase ? Math.floor(e) : e));
    },
    specOf("exponential", options),
  );
}

/** Registry entry of {@link exponential}. */
export const exponentialFamily = /* @__PURE__ */ defineFamily({
  type: "exponential",
  summary: "Multiply the lr by gamma every decaySteps steps, smoothly or in stairs.",
  example: "exponential(lr=0.1, gamma=0.95)",
  params,
  positional: ["lr", "gamma", "decaySteps", "staircase", "transitionBegin", "endLr"],
  create: (o) => exponential(o),
  closedForm: (o, x) => {
    const e = `max(${minus(x, o.transitionBegin)}, 0) / ${num(o.decaySteps)}`;
    const value = `${num(o.lr)} * ${num(o.gamma)} ** ${o.staircase ? `floor(${e})` : `(${e})`}`;
    if (o.endLr === undefined) return value;
    return `${o.gamma < 1 ? "max" : "min"}(${value}, ${num(o.endLr)})`;
  },
  lint: {
    counts: ["decaySteps", "transitionBegin"],
    milestones: (o, end) => (o.staircase ? every(o.transitionBegin, o.decaySteps, end) : []),
  },
  native: {
    pytorch: (o) =>
      o.decaySteps === 1 && o.transitionBegin === 0 && o.endLr === undefined
        ? torchScheduler(o.lr, "ExponentialLR", { gamma: o.gamma })
        : undefined,
    optax: (o) =>
      optaxCall("exponential_decay", {
        init_value: o.lr,
        transition_steps: o.decaySteps,
        decay_rate: o.gamma,
        transition_begin: o.transitionBegin,
        staircase: o.staircase,
        end_value: o.endLr,
      }),
    keras: (o) =>
      o.transitionBegin === 0 && o.endLr === undefined
        ? kerasCall("ExponentialDecay", {
            initial_learning_rate: o.lr,
            decay_steps: o.decaySteps,
            decay_rate: o.gamma,
            staircase: o.staircase,
          })
        : undefined,
  },
});
