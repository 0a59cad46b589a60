import * as v from "valibot";
import * as p from "../params.js";
import { ensure, ensureSorted, parseParams } from "../params.js";
import { define, specOf, type Schedule } from "../schedule.js";
import { defineFamily } from "../spec/defineFamily.js";
import { countAtOrBelow } from "./math.js";
import { ge, minus, num } from "../export/expr.js";
import { kerasCall, torchScheduler } from "../export/nativeCalls.js";
import { py } from "../export/pythonLiteral.js";
import type { MultiStepOptions } from "../spec/options.generated.js";

export type { MultiStepOptions };

const params = v.strictObject({
  lr: p.nonNegative("The learning rate before the first milestone."),
  milestones: p.numbers(
    "Steps at which the lr is multiplied by gamma; sorted; a repeated milestone applies gamma twice.",
  ),
  gamma: v.optional(p.nonNegative("The factor applied at every milestone. Defaults to 0.1."), 0.1),
});

/**
 * Piecewise-constant decay at milestones: `lr * gamma ** m(t)`, where `m(t)` counts the milestones
 * `<= t`. Milestones are counted, so a repeated milestone applies `gamma ** 2` at once, as in
 * PyTorch's `MultiStepLR`. Evaluation is O(log n) in the number of milestones.
 *
 * @param options - the options: see {@link MultiStepOptions} for each one's meaning and default.
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
export const multiStepFamily = /* @__PURE__ */ defineFamily({
  type: "multiStep",
  summary: "Multiply the lr by gamma at each milestone (MultiStepLR).",
  example: "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
  params,
  positional: ["lr", "milestones", "gamma"],
  create: (o) => multiStep(o),
  closedForm: (o, x) =>
    `${num(o.lr)} * ${num(o.gamma)} ** (${o.milestones.map((m) => ge(minus(x, m))).join(" + ")})`,
  lint: { counts: ["milestones"], milestones: (o) => o.milestones },
  native: {
    pytorch: (o) =>
      o.milestones.every(Number.isInteger)
        ? torchScheduler(o.lr, "MultiStepLR", { milestones: o.milestones, gamma: o.gamma })
        : undefined,
    optax: (o) => {
      const scales = new Map<number, number>();
      for (const m of o.milestones) scales.set(m, (scales.get(m) ?? 1) * o.gamma);
      const pairs = [...scales].map(([m, s]) => `${m}: ${py(s)}`).join(", ");
      return `optax.piecewise_constant_schedule(init_value=${py(o.lr)}, boundaries_and_scales={${pairs}})`;
    },
    keras: (o) => {
      const ms = o.milestones;
      if (!ms.every(Number.isInteger) || new Set(ms).size !== ms.length) return undefined;
      const values = [0, ...ms].map((_, i) => o.lr * o.gamma ** i);
      // Keras switches just after a boundary; for integer steps, t >= m is t > m - 1.
      return kerasCall("PiecewiseConstantDecay", { boundaries: ms.map((m) => m - 1), values });
    },
  },
});
