import * as v from "valibot";
import * as p from "../params.js";
import { ensure, ensureSorted, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import type { Family } from "../spec/family.js";
import { countAtOrBelow } from "./math.js";

const params = v.strictObject({
  lr: p.nonNegative("The learning rate before the first milestone."),
  milestones: p.numbers(
    "Steps at which the lr is multiplied by gamma; sorted; a repeated milestone applies gamma twice.",
  ),
  gamma: v.optional(p.nonNegative("The factor applied at every milestone. Defaults to 0.1."), 0.1),
});

/** Options of {@link multiStep}. */
export type MultiStepOptions = v.InferInput<typeof params>;

/**
 * Piecewise-constant decay at milestones: `lr * gamma ** m(t)`, where `m(t)` counts the milestones
 * `<= t`. Milestones are counted, so a repeated milestone applies `gamma ** 2` at once, as in
 * PyTorch's `MultiStepLR`. Evaluation is O(log n) in the number of milestones.
 *
 * @param options.lr - the initial learning rate.
 * @param options.milestones - non-negative steps, sorted in increasing order (repeats allowed).
 * @param options.gamma - multiplicative factor. Defaults to 0.1.
 * @throws RangeError for an empty, unsorted or negative milestone list.
 * @example
 * ```ts
 * const s = multiStep({ lr: 0.5, milestones: [15, 30], gamma: 0.5 });
 * [s(14), s(15), s(30)]; // [0.5, 0.25, 0.125]
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.MultiStepLR`; d2l's `MultiFactorScheduler`.
 */
export function multiStep(options: MultiStepOptions): Schedule {
  const { lr, milestones, gamma } = parseParams("multiStep", params, options);
  ensure(milestones.length > 0, "multiStep", "milestones", "must not be empty", milestones);
  milestones.forEach((m, i) => ensure(m >= 0, "multiStep", `milestones[${i}]`, "must be non-negative", m));
  ensureSorted("multiStep", "milestones", milestones);
  const ms = [...milestones];
  return define((t) => lr * gamma ** countAtOrBelow(ms, t), specOf("multiStep", options), {
    horizon: ms[ms.length - 1],
  });
}

/** Registry entry of {@link multiStep}. */
export const multiStepFamily: Family = {
  type: "multiStep",
  summary: "Multiply the lr by gamma at each milestone (MultiStepLR).",
  example: "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
  params,
  create: (o) => multiStep(o as MultiStepOptions),
};
