// Anchor: huggingface/transformers src/transformers/optimization.py, get_inverse_sqrt_schedule.
import * as v from "valibot";
import { warmup } from "../../compose/warmup.js";
import { inverseSqrt } from "../../families/inverseSqrt.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { lrParam, warmupStepsParam } from "./lambda.js";
import type { GetInverseSqrtScheduleOptions } from "./options.generated.js";

export type { GetInverseSqrtScheduleOptions };

const NAME = "hf.get_inverse_sqrt_schedule";

const params = v.strictObject({
  lr: lrParam,
  num_warmup_steps: warmupStepsParam,
  timescale: v.nullish(
    p.positive("Time scale of the decay; positive. Defaults to num_warmup_steps, or 10_000 without warmup."),
  ),
});

/**
 * HF's `get_inverse_sqrt_schedule` (from big_vision): `lr * t / max(1, w)` for
 * `t < w = num_warmup_steps`, then `lr / sqrt((t + timescale - w) / timescale)`, which is `lr` at the
 * end of the warmup. `timescale` defaults to `num_warmup_steps or 10_000` (10000 when there is no
 * warmup). A {@link warmup} from 0 of the core {@link inverseSqrt}.
 *
 * @param options - HF's parameters: see {@link GetInverseSqrtScheduleOptions} for each one's meaning and default.
 * @throws RangeError for a non-positive `timescale` (HF divides by it) or negative values.
 * @example
 * ```ts
 * const s = get_inverse_sqrt_schedule({ lr: 10, num_warmup_steps: 2 });
 * [s(1), s(2), s(8)]; // [5, 10, 5]
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`; google-research/big_vision
 *   `big_vision/utils.py`.
 */
export function get_inverse_sqrt_schedule(options: GetInverseSqrtScheduleOptions): Schedule {
  const { lr, num_warmup_steps: w, timescale } = parseParams(NAME, params, options);
  const decay = inverseSqrt({ lr, timescale: timescale ?? (w || 10_000) });
  const inner = warmup(decay, { steps: w, from: 0 });
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link get_inverse_sqrt_schedule}. */
export const getInverseSqrtScheduleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_inverse_sqrt_schedule: linear warmup from 0, then lr / sqrt(1 + (t - w) / timescale).",
  example: "hf.get_inverse_sqrt_schedule(5e-5, 5)",
  params,
  positional: ["lr", "num_warmup_steps", "timescale"],
  create: (o) => get_inverse_sqrt_schedule(o),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
