// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, CosineDecayRestarts.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { define, specOf, type Schedule } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { floorLogRatio } from "../floorLogRatio.js";
import type { CosineDecayRestartsOptions } from "./options.generated.js";

export type { CosineDecayRestartsOptions };

const NAME = "keras.CosineDecayRestarts";

const params = v.strictObject({
  initial_learning_rate: p.nonNegative("The peak learning rate of the first period."),
  first_decay_steps: p.positive("The length of the first period; positive (Keras raises for <= 0)."),
  t_mul: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 1, "must be at least 1"),
      v.description(
        "Each period is t_mul times longer than the previous one; may be fractional, at least 1 (Keras accepts smaller values and returns NaN once the shrinking periods are used up; lrkit rejects them). Defaults to 2.0.",
      ),
    ),
    2.0,
  ),
  m_mul: v.optional(
    p.nonNegative(
      "Each restart multiplies the amplitude above the floor by m_mul, non-negative. Defaults to 1.0.",
    ),
    1.0,
  ),
  alpha: v.optional(
    p.unit("The floor as a fraction of initial_learning_rate, in [0, 1]. Defaults to 0.0."),
    0.0,
  ),
});

/**
 * Keras' `CosineDecayRestarts` (SGDR). Period `i` lasts `first_decay_steps * t_mul ** i` steps; at
 * fraction `f` of it the lr is
 * `initial_learning_rate * ((1 - alpha) * 0.5 * m_mul ** i * (1 + cos(pi * f)) + alpha)`:
 * `m_mul` scales the amplitude above the floor `alpha * initial_learning_rate`, not the peak (the
 * curve of the core `sgdr` with `decayMode: "amplitude"`). `t_mul` may be fractional (1.5).
 *
 * Keras' own computation, in its operation order: with `c = step / first_decay_steps`, the period is
 * `i = floor(log(1 - c * (1 - t_mul)) / log(t_mul))` and `f = (c - (1 - t_mul ** i) / (1 - t_mul)) /
 * t_mul ** i` (`i = floor(c)`, `f = c - i` for `t_mul = 1`). Its logarithm decides a few restarts:
 * where it rounds an exact restart into the period before, Keras gives that period's end (the floor)
 * instead of the new peak, and so does lrkit (glibc's rounding, see {@link floorLogRatio}); the core
 * `sgdr` restarts exactly. Keras computes in float32 by default; lrkit in float64, as Keras does with
 * float64 parameters.
 *
 * @param options - Keras's parameters: see {@link CosineDecayRestartsOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `first_decay_steps`, `t_mul < 1`, or out-of-range values.
 * @example
 * ```ts
 * const s = CosineDecayRestarts({ initial_learning_rate: 1, first_decay_steps: 1000, m_mul: 0.9 });
 * [s(0), s(1000), s(3000)]; // [1, 0.9, 0.81]
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`;
 *   Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017.
 */
export function CosineDecayRestarts(options: CosineDecayRestartsOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const { initial_learning_rate: lr, first_decay_steps: steps, t_mul, m_mul, alpha } = o;
  return define(
    (t) => {
      let f = t / steps;
      let i: number;
      if (t_mul === 1) {
        i = Math.floor(f);
        f -= i;
      } else {
        i = floorLogRatio(1 - f * (1 - t_mul), t_mul);
        f = (f - (1 - t_mul ** i) / (1 - t_mul)) / t_mul ** i;
      }
      const cosineDecayed = 0.5 * m_mul ** i * (1 + Math.cos(Math.PI * f));
      return lr * ((1 - alpha) * cosineDecayed + alpha);
    },
    specOf(NAME, options),
  );
}

/** Registry entry of {@link CosineDecayRestarts}. */
export const CosineDecayRestartsFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras CosineDecayRestarts: cosine periods growing by t_mul, amplitude scaled by m_mul.",
  example: "keras.CosineDecayRestarts(0.1, 10, t_mul=2.0, m_mul=0.8, alpha=0.01)",
  params,
  positional: ["initial_learning_rate", "first_decay_steps", "t_mul", "m_mul", "alpha"],
  create: (o) => CosineDecayRestarts(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
