import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num } from "../export/expr.js";
import { optaxCall } from "../export/nativeCalls.js";
import type { ConstantOptions } from "../spec/options.generated.js";

export type { ConstantOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate at every step."),
});

/**
 * A constant learning rate: `lr` at every step (NaN for a NaN step, like every schedule).
 *
 * @param options - the options: see {@link ConstantOptions} for each one's meaning and default.
 * @throws RangeError when `lr` is negative or not finite.
 * @example
 * ```ts
 * constant({ lr: 0.3 })(1000); // 0.3
 * ```
 */
export function constant(options: ConstantOptions): Schedule {
  const { lr } = parseParams("constant", params, options);
  return define((t) => (Number.isNaN(t) ? NaN : lr), specOf("constant", options), { horizon: 0 });
}

/** Registry entry of {@link constant}. */
export const constantFamily = /* @__PURE__ */ defineFamily({
  type: "constant",
  summary: "The same learning rate at every step.",
  example: "constant(lr=0.1)",
  params,
  positional: ["lr"],
  create: (o) => constant(o),
  closedForm: (o) => num(o.lr),
  lint: { counts: [], flat: true },
  native: { optax: (o) => optaxCall("constant_schedule", { value: o.lr }) },
});
