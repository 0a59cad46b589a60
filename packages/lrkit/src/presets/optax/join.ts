// Anchor: google-deepmind/optax optax/schedules/_join.py, join_schedules.
import * as v from "valibot";
import { join } from "../../compose/join.js";
import * as p from "../../params.js";
import { ensure, ensureSorted, parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { JoinSchedulesOptions } from "./options.generated.js";

export type { JoinSchedulesOptions };

const NAME = "optax.join_schedules";

const params = v.strictObject({
  schedules: p.schedules("The schedules, in order, at least one; in a JSON spec, their specs."),
  boundaries: p.numbers(
    "The steps at which each schedule after the first takes over: sorted, non-negative, one fewer than schedules.",
  ),
});

/**
 * Optax's `join_schedules`: `schedules[0](step)` before `boundaries[0]`, then
 * `schedules[i](step - boundaries[i-1])` from `boundaries[i-1]` on: each schedule counts the steps
 * from its own boundary. The core {@link join} combinator. Any schedule can be a part (an Optax
 * preset, a core family); a JSON spec holds their specs.
 *
 * lrkit is stricter than Optax, whose loop zips the lists and lets a later boundary win: it
 * rejects a number of boundaries other than `schedules.length - 1` (Optax silently ignores the
 * extra ones), unsorted boundaries and negative ones.
 *
 * @param options - Optax's parameters: see {@link JoinSchedulesOptions} for each one's meaning and default.
 * @throws RangeError for an empty list, a wrong number of boundaries, or unsorted or negative ones.
 * @example
 * ```ts
 * const s = join_schedules({
 *   schedules: [constant_schedule({ value: 1 }), constant_schedule({ value: 2 }), constant_schedule({ value: 1 })],
 *   boundaries: [3, 6],
 * });
 * [s(2), s(3), s(6)]; // [1, 2, 1]
 * ```
 * @see google-deepmind/optax `optax/schedules/_join.py`.
 */
export function join_schedules(options: JoinSchedulesOptions): Schedule {
  const { schedules, boundaries } = parseParams(NAME, params, options);
  ensure(schedules.length > 0, NAME, "schedules", "must not be empty", schedules);
  ensure(
    boundaries.length === schedules.length - 1,
    NAME,
    "boundaries",
    `must hold schedules.length - 1 = ${schedules.length - 1} steps`,
    boundaries,
  );
  boundaries.forEach((b, i) => ensure(b >= 0, NAME, `boundaries[${i}]`, "must be non-negative", b));
  ensureSorted(NAME, "boundaries", boundaries);
  const inner = join(schedules, boundaries);
  return relabel(inner, specOf(NAME, options));
}

/** Registry entry of {@link join_schedules}. */
export const joinSchedulesFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "Optax join_schedules: schedules end to end, each counting steps from its boundary.",
  example:
    "optax.join_schedules([optax.linear_schedule(0.0, 0.1, 10), optax.cosine_decay_schedule(0.1, 40)], [10])",
  params,
  positional: ["schedules", "boundaries"],
  create: (o) => join_schedules(o),
  preset: { anchor: "optax", native: { optax: (_, context) => anchorCall("optax", context) } },
});
