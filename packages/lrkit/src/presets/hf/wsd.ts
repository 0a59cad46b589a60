// Anchor: huggingface/transformers src/transformers/optimization.py, get_wsd_schedule.
import * as v from "valibot";
import * as p from "../../params.js";
import { ParameterTypeError, parseParams } from "../../params.js";
import type { Schedule } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { cosineWave } from "./cosineWave.js";
import { lambdaSchedule, lrParam, numCyclesParam, warmupStepsParam, withFloor } from "./lambda.js";
import type { GetWsdScheduleOptions } from "./options.generated.js";

export type { GetWsdScheduleOptions };

const NAME = "hf.get_wsd_schedule";
const TYPES = ["linear", "cosine", "1-sqrt"] as const;

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  num_decay_steps: p.nonNegative("The number of steps for the decay phase; non-negative."),
  num_training_steps: v.nullish(
    p.nonNegative(
      "Warmup, stable and decay together; gives the stable length when num_stable_steps is not set, and is then required.",
    ),
  ),
  num_stable_steps: v.nullish(
    p.nonNegative(
      "The number of steps for the stable phase; wins over num_training_steps, and is required without it.",
    ),
  ),
  warmup_type: v.optional(p.oneOf(TYPES, 'The shape of the warmup. Defaults to "linear".'), "linear"),
  decay_type: v.optional(p.oneOf(TYPES, 'The shape of the decay. Defaults to "cosine".'), "cosine"),
  min_lr_ratio: v.optional(
    p.nonNegative("The start of the warmup and the end of the decay, as a ratio of lr. Defaults to 0."),
    0,
  ),
  num_cycles: numCyclesParam,
});

type Shape = (progress: number, numCycles: number) => number;

const WARMUPS: Record<(typeof TYPES)[number], Shape> = {
  linear: (x) => x,
  cosine: (x) => 0.5 * (1 - Math.cos(Math.PI * x)),
  "1-sqrt": (x) => 1 - Math.sqrt(1 - x),
};

const DECAYS: Record<(typeof TYPES)[number], Shape> = {
  linear: (x) => 1 - x,
  cosine: cosineWave,
  "1-sqrt": (x) => 1 - Math.sqrt(x),
};

/**
 * HF's `get_wsd_schedule` (`lr_scheduler_type="warmup_stable_decay"`), warmup-stable-decay. With
 * `r = min_lr_ratio`, `w`, `s`, `d` the phase lengths and `x` the progress through a phase
 * (`t / max(1, w)`, then `(t - w - s) / max(1, d)`), the multiplier of `lr` is
 * `max(0, warmup(x) * (1 - r) + r)` for `t < w`, 1 for `t < w + s`,
 * `max(0, decay(x) * (1 - r) + r)` for `t < w + s + d`, and `r` after. The shapes are
 * linear `x` / `1 - x`, cosine `0.5 * (1 - cos(pi x))` / `0.5 * (1 + cos(pi * num_cycles * 2 * x))`,
 * 1-sqrt `1 - sqrt(1 - x)` / `1 - sqrt(x)`.
 *
 * `num_stable_steps` defaults to `num_training_steps - w - d`; when both are given
 * `num_stable_steps` is used (HF warns; lrkit says nothing). A derived negative stable length is
 * kept, as in HF: the decay then starts before the end of the warmup and the lr jumps into it. The
 * core {@link wsd} starts its warmup from its own floor and has no `num_cycles`, hence HF's closed form.
 *
 * @param options - HF's parameters: see {@link GetWsdScheduleOptions} for each one's meaning and default.
 * @throws TypeError when neither `num_training_steps` nor `num_stable_steps` is given; RangeError
 *   for an unknown type (HF raises ValueError) or negative values.
 * @example
 * ```ts
 * const s = get_wsd_schedule({ lr: 1e-3, num_warmup_steps: 5, num_decay_steps: 20, num_training_steps: 100 });
 * [s(0), s(5), s(79), s(90), s(100)]; // [0, 1e-3, 1e-3, 5e-4, 0]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`; Hu et al., "MiniCPM", 2024.
 */
export function get_wsd_schedule(options: GetWsdScheduleOptions): Schedule {
  const o = parseParams(NAME, params, options);
  const { num_warmup_steps: w, num_decay_steps: d, min_lr_ratio: r, num_cycles } = o;
  const T = o.num_training_steps;
  let s = o.num_stable_steps;
  if (s === null || s === undefined) {
    if (T === null || T === undefined)
      throw new ParameterTypeError(
        NAME,
        "num_training_steps",
        `${NAME}: num_training_steps or num_stable_steps is required`,
      );
    s = T - w - d;
  }
  const stableEnd = w + s;
  const decayEnd = w + s + d;
  const warmupShape = WARMUPS[o.warmup_type];
  const decayShape = DECAYS[o.decay_type];
  return lambdaSchedule(
    NAME,
    options,
    o.lr,
    (t) => {
      if (t < w) return withFloor(warmupShape(t / Math.max(1, w), num_cycles), r);
      if (t < stableEnd) return 1;
      if (t < decayEnd) return withFloor(decayShape((t - w - s) / Math.max(1, d), num_cycles), r);
      return r;
    },
    Math.max(w, decayEnd),
  );
}

/** Registry entry of {@link get_wsd_schedule}. */
export const getWsdScheduleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_wsd_schedule: warmup, stable, decay (linear, cosine or 1-sqrt) from and to min_lr_ratio.",
  example: 'hf.get_wsd_schedule(5e-5, 5, 15, 50, decay_type="1-sqrt")',
  params,
  positional: [
    "lr",
    "num_warmup_steps",
    "num_decay_steps",
    "num_training_steps",
    "num_stable_steps",
    "warmup_type",
    "decay_type",
    "min_lr_ratio",
    "num_cycles",
  ],
  create: (o) => get_wsd_schedule(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
