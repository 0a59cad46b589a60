// Anchor: keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py, PiecewiseConstantDecay.
import * as v from "valibot";
import { piecewiseConstant } from "../../families/piecewiseConstant.js";
import * as p from "../../params.js";
import { ensure, ensureSorted, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { PiecewiseConstantDecayOptions } from "./options.generated.js";

export type { PiecewiseConstantDecayOptions };

const NAME = "keras.PiecewiseConstantDecay";

const params = v.strictObject({
  boundaries: p.numbers("Steps after which the value changes; sorted, at least one."),
  values: p.numbers("One more value than boundaries: values[i] while step <= boundaries[i]."),
});

/**
 * Keras' `PiecewiseConstantDecay`: `values[0]` while `step <= boundaries[0]`, `values[i]` while
 * `boundaries[i-1] < step <= boundaries[i]`, and `values[-1]` when `step > boundaries[-1]`. The
 * value switches just AFTER each boundary (the core {@link piecewiseConstant} with
 * `closed: "right"`), unlike Optax and PyTorch where it switches at the boundary.
 *
 * Keras computes in float32 by default; lrkit returns the values in float64.
 * Equal boundaries are accepted as Keras does (the value between them is never used); unsorted
 * ones are rejected (Keras documents strictly increasing boundaries and adds up overlapping
 * ranges otherwise).
 *
 * @param options - Keras's parameters: see {@link PiecewiseConstantDecayOptions} for each one's meaning and default.
 * @throws RangeError for a length mismatch (Keras raises ValueError), no boundaries (Keras fails
 *   when called), or unsorted boundaries.
 * @example
 * ```ts
 * const s = PiecewiseConstantDecay({ boundaries: [100000, 110000], values: [1.0, 0.5, 0.1] });
 * [s(100000), s(100001)]; // [1, 0.5]
 * ```
 * @see keras-team/keras `keras/src/optimizers/schedules/learning_rate_schedule.py`.
 */
export function PiecewiseConstantDecay(options: PiecewiseConstantDecayOptions): Schedule {
  const { boundaries, values } = parseParams(NAME, params, options);
  ensure(boundaries.length > 0, NAME, "boundaries", "must not be empty", boundaries);
  ensureSorted(NAME, "boundaries", boundaries);
  ensure(
    values.length === boundaries.length + 1,
    NAME,
    "values",
    `must hold boundaries.length + 1 = ${boundaries.length + 1} values`,
    values,
  );
  const inner = piecewiseConstant({ boundaries, values, closed: "right" });
  return relabel(inner, specOf(NAME, options), { horizon: Math.max(inner.horizon ?? 0, 0) });
}

/** Registry entry of {@link PiecewiseConstantDecay}. */
export const PiecewiseConstantDecayFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Keras PiecewiseConstantDecay: values[i] up to and including boundaries[i].",
  example: "keras.PiecewiseConstantDecay([20, 40], [0.1, 0.01, 0.001])",
  params,
  positional: ["boundaries", "values"],
  create: (o) => PiecewiseConstantDecay(o),
  preset: {
    anchor: "keras",
    native: { keras: (_, context) => anchorCall("keras.optimizers.schedules", context) },
  },
});
