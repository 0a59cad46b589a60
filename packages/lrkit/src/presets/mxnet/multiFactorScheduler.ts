// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, class MultiFactorScheduler.
import * as v from "valibot";
import { countAtOrBelow } from "../../families/math.js";
import { ensure, ensureSorted, parseParams } from "../../params.js";
import { define, specOf, type Schedule, relabel } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import { reducingFactor } from "./factorScheduler.js";
import { baseLr, checkWarmup, integer, warmupShape, withWarmup } from "./lrScheduler.js";
import { loopDecay } from "./loopDecay.js";
import type { MultiFactorSchedulerOptions } from "./options.generated.js";

export type { MultiFactorSchedulerOptions };

const NAME = "mxnet.MultiFactorScheduler";

const params = v.strictObject({
  step: v.pipe(
    v.array(
      v.pipe(
        integer(),
        v.check((x) => x >= 1, "must be at least 1"),
      ),
      "must be a list of integers",
    ),
    v.description(
      "The updates after which the lr is multiplied by factor: a non-empty, strictly increasing list of integers >= 1.",
    ),
  ),
  factor: v.optional(
    v.pipe(reducingFactor(), v.description("The factor applied at each step, in (0, 1]. Defaults to 1.")),
    1,
  ),
  base_lr: baseLr(),
  ...warmupShape,
});

/**
 * MXNet's `MultiFactorScheduler`: `base_lr` multiplied by `factor` `n` times (MXNet's
 * `base_lr *= factor`, see {@link loopDecay}), where `n` counts the entries of `step` that are
 * strictly below the update `t` (`num_update > step[i]`): with `step = [15, 30]` the lr changes at
 * updates 16 and 31, one update later than d2l's and PyTorch's MultiStepLR.
 *
 * The warmup (`t < warmup_steps`) does not shift the clock: at its end the lr catches up on every
 * step that fell inside it, and a warmup longer than the last step is accepted, as in MXNet.
 *
 * @param options - MXNet's parameters: see {@link MultiFactorSchedulerOptions} for each one's meaning and default.
 * @throws RangeError where MXNet raises ValueError (a step below 1 or not increasing, `factor > 1`,
 *   `warmup_steps < 0`, `warmup_begin_lr > base_lr`, an unknown `warmup_mode`) or asserts a non-empty
 *   list, and for a non-positive factor or a negative lr; TypeError where it asserts a list or an int.
 * @example
 * ```ts
 * const s = MultiFactorScheduler({ step: [15, 30], factor: 0.5, base_lr: 0.5 });
 * [s(15), s(16), s(31)]; // [0.5, 0.25, 0.125]
 * ```
 * @see apache/mxnet `python/mxnet/lr_scheduler.py`.
 */
export function MultiFactorScheduler(options: MultiFactorSchedulerOptions): Schedule {
  const o = parseParams(NAME, params, options);
  ensure(o.step.length > 0, NAME, "step", "must not be empty", o.step);
  ensureSorted(NAME, "step", o.step, true);
  checkWarmup(NAME, o);
  const decayed = loopDecay(o.base_lr, o.factor, 0, o.step.length);
  // For integer steps, step[i] < t exactly when step[i] <= ceil(t) - 1.
  const counted = define(
    (t) => decayed(countAtOrBelow(o.step, Math.ceil(t) - 1)),
    specOf(NAME, { ...options, warmup_steps: 0 }),
  );
  const inner = withWarmup(counted, o, "shared");
  const last = o.step[o.step.length - 1]!;
  return relabel(inner, specOf(NAME, options), {
    horizon: Math.max(last + 1, o.warmup_steps),
  });
}

/** Registry entry of {@link MultiFactorScheduler}. */
export const MultiFactorSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "MXNet MultiFactorScheduler: multiply by factor once the update passes each listed step.",
  example: "mxnet.MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)",
  params,
  positional: ["step", "factor", "base_lr", "warmup_steps", "warmup_begin_lr", "warmup_mode"],
  create: (o) => MultiFactorScheduler(o),
  preset: { anchor: "mxnet" },
});
