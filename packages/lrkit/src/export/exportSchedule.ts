/**
 * One entry point for every export target.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { kerasCode } from "./keras.js";
import { optaxCode } from "./optax.js";
import { pyTorchCode } from "./pytorch.js";
import type { ExportOptions } from "./resolve.js";
import { toTypeScript } from "./typescript.js";

/** The frameworks lrkit exports to. */
export const exportTargets = ["pytorch", "optax", "keras", "ts"] as const;

/** One of {@link exportTargets}. */
export type ExportTarget = (typeof exportTargets)[number];

const EXPORTERS: Record<ExportTarget, (s: Schedule | ScheduleSpec, o: ExportOptions) => Iterable<string>> = {
  pytorch: pyTorchCode,
  optax: optaxCode,
  keras: kerasCode,
  ts: (s, o) => [toTypeScript(s, o)],
};

/**
 * Code that reproduces the schedule in another framework: a standalone PyTorch script that prints
 * the lr of each step as JSON ({@link toPyTorch}), an Optax or Keras module defining `schedule`
 * ({@link toOptax}, {@link toKeras}), or lrkit TypeScript ({@link toTypeScript}). Native classes are
 * used where they give the same values, lrkit's closed form (`closedForm`) otherwise.
 *
 * @param schedule - a schedule or its spec.
 * @param target - `"pytorch"`, `"optax"`, `"keras"` or `"ts"`.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws RangeError for an unknown target; ExportError when a schedule without closed form (noise,
 *   a preset) is exported without `steps`.
 * @example
 * ```ts
 * exportSchedule(parseSchedule("step(lr=0.1, stepSize=30)"), "pytorch", { steps: 90 });
 * ```
 */
export function exportSchedule(
  schedule: Schedule | ScheduleSpec,
  target: ExportTarget,
  options: ExportOptions = {},
): string {
  return Array.from(exportCode(schedule, target, options)).join("");
}

/**
 * {@link exportSchedule}'s code as pieces of text, in order, for output too large to hold as one
 * string: a table of values (noise, presets) is sampled in blocks as the pieces are read, so that
 * memory does not grow with `steps`. Joined, the pieces are exactly {@link exportSchedule}'s text.
 *
 * @param schedule - a schedule or its spec.
 * @param target - `"pytorch"`, `"optax"`, `"keras"` or `"ts"`.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws as {@link exportSchedule}, when called (not when the pieces are read).
 * @example
 * ```ts
 * for (const piece of exportCode(parseSchedule("noise(cosine(lr=0.3, steps=100), std=0.01)"), "pytorch", { steps: 1e7 }))
 *   process.stdout.write(piece);
 * ```
 */
export function exportCode(
  schedule: Schedule | ScheduleSpec,
  target: ExportTarget,
  options: ExportOptions = {},
): Iterable<string> {
  const exporter = EXPORTERS[target];
  if (exporter === undefined) {
    throw new RangeError(`export: target must be one of ${exportTargets.join(", ")}, got ${String(target)}`);
  }
  return exporter(schedule, options);
}
