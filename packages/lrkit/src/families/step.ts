import * as v from "valibot";
import * as p from "../params.js";
import { parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { num, P } from "../export/expr.js";
import { torchScheduler } from "../export/nativeCalls.js";
import { every } from "../spec/lintFacts.js";
import type { StepOptions } from "../spec/options.generated.js";

export type { StepOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate before the first decay."),
  stepSize: p.positive("Steps between two decays."),
  gamma: v.optional(p.nonNegative("The factor applied at every decay. Defaults to 0.1."), 0.1),
});

/**
 * Step decay: the learning rate is multiplied by `gamma` every `stepSize` steps,
 * `lr * gamma ** floor(t / stepSize)` (the closed form of PyTorch's `StepLR`).
 *
 * @param options - the options: see {@link StepOptions} for each one's meaning and default.
 * @throws RangeError for a negative `lr` or `gamma`, or a non-positive `stepSize`.
 * @example
 * ```ts
 * const s = step({ lr: 0.1, stepSize: 30, gamma: 0.1 });
 * s(29); // 0.1
 * s(30); // 0.01 (up to rounding)
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.StepLR`.
 */
export function step(options: StepOptions): Schedule {
  const { lr, stepSize, gamma } = parseParams("step", params, options);
  return define((t) => lr * gamma ** Math.floor(t / stepSize), specOf("step", options));
}

/** Registry entry of {@link step}. */
export const stepFamily = /* @__PURE__ */ defineFamily({
  type: "step",
  summary: "Multiply the lr by gamma every stepSize steps (StepLR).",
  example: "step(lr=0.1, stepSize=30, gamma=0.1)",
  params,
  positional: ["lr", "stepSize", "gamma"],
  create: (o) => step(o),
  closedForm: (o, x) => `${num(o.lr)} * ${num(o.gamma)} ** floor(${P(x)} / ${num(o.stepSize)})`,
  lint: { counts: ["stepSize"], milestones: (o, end) => every(0, o.stepSize, end) },
  native: {
    pytorch: (o) =>
      Number.isInteger(o.stepSize)
        ? torchScheduler(o.lr, "StepLR", { step_size: o.stepSize, gamma: o.gamma })
        : undefined,
  },
});
