// Anchor: google-deepmind/optax optax/schedules/_schedule.py, sgdr_schedule.
import * as v from "valibot";
import { join } from "../../compose/join.js";
import { ensure, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import { warmupCosinePart, warmupCosineShape } from "./warmup.js";
import type { SgdrScheduleOptions } from "./options.generated.js";

export type { SgdrScheduleOptions };

const NAME = "optax.sgdr_schedule";

const params = v.strictObject({
  cosine_kwargs: v.pipe(
    v.array(
      v.strictObject(warmupCosineShape, "must be an object of warmup_cosine_decay_schedule options"),
      "must be a list of warmup_cosine_decay_schedule options",
    ),
    v.description(
      "One object of warmup_cosine_decay_schedule options per cycle (init_value, peak_value, warmup_steps, decay_steps, end_value, exponent), at least one; each is checked as warmup_cosine_decay_schedule checks its own.",
    ),
  ),
});

/**
 * Optax's `sgdr_schedule` (SGD with warm restarts): one `warmup_cosine_decay_schedule` per entry of
 * `cosine_kwargs`, joined end to end; cycle `i` lasts its own `decay_steps` (warmup included) and
 * starts at the sum of the previous ones. The last cycle's end value holds after it. A core
 * {@link join} of warmup-cosine cycles.
 *
 * Optax computes in float32 under JAX; lrkit in float64.
 *
 * @param options - Optax's parameters: see {@link SgdrScheduleOptions} for each one's meaning and default.
 * @throws RangeError for an empty list or a bad cycle, naming it (`cosine_kwargs[1].decay_steps`).
 * @example
 * ```ts
 * const s = sgdr_schedule({
 *   cosine_kwargs: [2000, 3000].map((decay_steps) => ({ init_value: 0, peak_value: 1.6, warmup_steps: 500, decay_steps })),
 * });
 * [s(500), s(2500)]; // [1.6, 1.6]: the peaks of both cycles
 * ```
 * @see google-deepmind/optax `optax/schedules/_schedule.py`; Loshchilov & Hutter, "SGDR", ICLR 2017.
 */
export function sgdr_schedule(options: SgdrScheduleOptions): Schedule {
  const { cosine_kwargs: cycles } = parseParams(NAME, params, options);
  ensure(cycles.length > 0, NAME, "cosine_kwargs", "must not be empty", cycles);
  const parts = cycles.map((kwargs, i) => warmupCosinePart(NAME, `cosine_kwargs[${i}].`, kwargs));
  const boundaries: number[] = [];
  let step = 0;
  for (const kwargs of cycles.slice(0, -1)) boundaries.push((step += kwargs.decay_steps));
  const inner = join(parts, boundaries);
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link sgdr_schedule}. */
export const sgdrScheduleFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Optax sgdr_schedule: warmup-cosine cycles end to end, one per cosine_kwargs entry.",
  example:
    "optax.sgdr_schedule([{init_value: 0, peak_value: 0.1, warmup_steps: 2, decay_steps: 20}, {init_value: 0, peak_value: 0.05, warmup_steps: 2, decay_steps: 30}])",
  params,
  positional: ["cosine_kwargs"],
  create: (o) => sgdr_schedule(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
