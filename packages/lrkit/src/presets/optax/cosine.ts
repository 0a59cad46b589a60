// Anchor: google-deepmind/optax optax/schedules/_schedule.py, cosine_decay_schedule.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, relabel, specOf, type Schedule } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { CosineDecayScheduleOptions } from "./options.generated.js";

export type { CosineDecayScheduleOptions };

const NAME = "optax.cosine_decay_schedule";

/**
 * Optax's cosine decay from `init` to `alpha * init` over `decaySteps`, its `schedule(count)` in its
 * operation order, for values of any sign: with `s = min(t, decaySteps)`,
 * `init * ((1 - alpha) * (0.5 * (1 + cos(pi * s / decaySteps))) ** exponent + alpha)`. Its spec is
 * the `cosine_decay_schedule` that it is.
 */
export function cosinePart(init: number, decaySteps: number, alpha: number, exponent: number): Schedule {
  return define(
    (t) => {
      const decay = 0.5 * (1 + Math.cos((Math.PI * Math.min(t, decaySteps)) / decaySteps));
      return init * ((1 - alpha) * decay ** exponent + alpha);
    },
    specOf(NAME, { init_value: init, decay_steps: decaySteps, alpha, exponent }),
    { horizon: decaySteps },
  );
}

const params = v.strictObject({
  init_value: p.number("The value at step 0; of any sign."),
  decay_steps: p.positive(
    "The steps of the decay; the value holds from then on. Positive (Optax raises ValueError otherwise).",
  ),
  alpha: v.optional(
    p.number("The final value as a fraction of init_value; of any sign. Defaults to 0.0."),
    0.0,
  ),
  exponent: v.optional(
    p.positive(
      "Raises the cosine factor 0.5 * (1 + cos(pi t / T)) to this power; positive (lrkit rejects <= 0, which Optax accepts). Defaults to 1.0.",
    ),
    1.0,
  ),
});

/**
 * Optax's `cosine_decay_schedule`: with `s = min(step, decay_steps)`,
 * `init_value * ((1 - alpha) * (0.5 * (1 + cos(pi * s / decay_steps))) ** exponent + alpha)`,
 * then `alpha * init_value` for good.
 *
 * Values of any sign are accepted, as in Optax: a negative `init_value`, and an `alpha` outside
 * [0, 1] (a final value above the start, or of the other sign); `lint` reports a negative learning
 * rate. Optax computes in float32 under JAX; lrkit evaluates the same formula in float64.
 *
 * @param options - Optax's parameters: see {@link CosineDecayScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `decay_steps` or `exponent`, or a non-finite value.
 * @example
 * ```ts
 * cosine_decay_schedule({ init_value: 0.1, decay_steps: 100, exponent: 2 })(50); // 0.025
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`; Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function cosine_decay_schedule(options: CosineDecayScheduleOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const inner = cosinePart(o.init_value, o.decay_steps, o.alpha, o.exponent);
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link cosine_decay_schedule}. */
export const cosineDecayScheduleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Optax cosine_decay_schedule: cosine from init_value to alpha * init_value over decay_steps.",
  example: "optax.cosine_decay_schedule(0.1, 50, alpha=0.01)",
  params,
  positional: ["init_value", "decay_steps", "alpha", "exponent"],
  create: (o) => cosine_decay_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
