import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num } from "../export/expr.js";
import type { InverseSqrtOptions } from "../spec/options.generated.js";

export type { InverseSqrtOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate at step 0."),
  timescale: v.optional(p.positive("Steps over which the lr falls by a factor sqrt(2). Defaults to 1."), 1),
});

/**
 * Inverse square root decay: `lr * ((t + timescale) / timescale) ** -0.5`. With `timescale = 1` it
 * is d2l's square-root scheduler `lr * (t + 1) ** -0.5`; after a warmup of `w` steps with
 * `timescale = w` it is the Transformer's `rsqrt` schedule and Hugging Face's `inverse_sqrt`.
 *
 * @param options - the options: see {@link InverseSqrtOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `timescale`.
 * @example
 * ```ts
 * inverseSqrt({ lr: 0.1 })(3); // 0.1 * 4 ** -0.5 = 0.05
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling", `SquareRootScheduler`;
 *   Hugging Face `transformers/optimization.py` `get_inverse_sqrt_schedule`.
 */
export function inverseSqrt(options: InverseSqrtOptions): Schedule {
  const { lr, timescale } = parseParams("inverseSqrt", params, options);
  return define((t) => lr * ((t + timescale) / timescale) ** -0.5, specOf("inverseSqrt", options));
}

/** Registry entry of {@link inverseSqrt}. */
export const inverseSqrtFamily = /* @__PURE__ */ defineFamily({
  type: "inverseSqrt",
  summary: "lr / sqrt(1 + t / timescale): d2l's square-root and the Transformer's rsqrt decay.",
  example: "inverseSqrt(lr=0.1)",
  params,
  positional: ["lr", "timescale"],
  create: (o) => inverseSqrt(o),
  closedForm: (o, x) => {
    const ts = num(o.timescale);
    return `${num(o.lr)} * ((${x} + ${ts}) / ${ts}) ** (-0.5)`;
  },
  lint: { counts: ["timescale"] },
  native: {},
});
