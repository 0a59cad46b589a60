/**
 * Export to Optax: a Python module defining `schedule` with Optax's own schedules where they give
 * the same values (the registry entries' `native.optax`: `constant_schedule`, `exponential_decay`,
 * `linear_schedule`, `polynomial_schedule`, `cosine_decay_schedule`, `piecewise_constant_schedule`,
 * `join_schedules`, and the optax presets' own calls), and lrkit's closed form written with
 * `jax.numpy` elsewhere.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { closedForm } from "./closedForm.js";
import { nativeOf } from "./native.js";
import { prefixedDialect, printFormula } from "./printer.js";
import { header, TABLE, withTable } from "./python.js";
import { resolve, type ExportOptions } from "./resolve.js";

const JNP = prefixedDialect("jnp", "count", "jnp.pi");

/** Optax code for `spec`: a native schedule (the registry's), or a lambda over lrkit's closed form. */
function optaxOf(spec: ScheduleSpec, steps: number): string {
  const optax = (s: ScheduleSpec): string => optaxOf(s, steps);
  return (
    nativeOf(spec, "optax", steps, optax) ?? `lambda count: ${printFormula(closedForm(spec, { steps }), JNP)}`
  );
}

/**
 * A Python module for Optax: `schedule` reproduces the schedule (native Optax schedules where they
 * exist, `jax.numpy` closed forms elsewhere, a table for noise and presets when `steps` is given),
 * `optimizer = optax.sgd(schedule)`, and run as a script it prints the first `steps` values as JSON.
 * Optax evaluates in float32 unless `jax_enable_x64` is set, so values agree to about 1e-7.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws ExportError when there is no closed form and no `steps`.
 * @example
 * ```ts
 * toOptax(parseSchedule("join([linear(from=0, to=0.1, steps=10), cosine(lr=0.1, steps=90)], [10])"));
 * ```
 */
export function toOptax(schedule: Schedule | ScheduleSpec, options: ExportOptions = {}): string {
  return Array.from(optaxCode(schedule, options)).join("");
}

/**
 * {@link toOptax}'s module as pieces of text, in order: a table of values is produced as the
 * pieces are read, so that memory does not grow with `steps`.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws as {@link toOptax}, when called.
 */
export function optaxCode(schedule: Schedule | ScheduleSpec, options: ExportOptions = {}): Iterable<string> {
  // Whether Optax has a native call for the whole schedule; optaxOf writes it with its nested schedules.
  const r = resolve(schedule, options, (spec, steps) => nativeOf(spec, "optax", steps));
  const code =
    r.native !== undefined
      ? optaxOf(r.spec, r.steps)
      : r.form !== undefined
        ? `lambda count: ${printFormula(r.form, JNP)}`
        : undefined;
  const lines = [
    header("optax", r.spec, [
      'Optax computes in float32 unless jax.config.update("jax_enable_x64", True): expect ~1e-7 differences.',
    ]),
    "import json",
    "",
    "import jax",
    "import jax.numpy as jnp",
    "import optax",
    "",
    `STEPS = ${r.steps}`,
    "",
  ];
  if (code === undefined) {
    lines.push("# lrkit has no closed form for this schedule: these are its values at steps 0 .. STEPS - 1.");
    lines.push(
      `LRS = ${TABLE}`,
      "schedule = lambda count: jnp.asarray(LRS)[jnp.minimum(count, len(LRS) - 1)]",
    );
  } else {
    lines.push(`schedule = ${code}`);
  }
  lines.push(
    "optimizer = optax.sgd(learning_rate=schedule)",
    "",
    'if __name__ == "__main__":',
    "    print(json.dumps([float(schedule(jnp.asarray(t))) for t in range(STEPS)]))",
    "",
  );
  return withTable(lines.join("\n"), r.schedule, r.steps);
}
