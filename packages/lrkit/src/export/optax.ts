/**
 * Export to Optax: a Python module defining `schedule` with Optax's own schedules where they give
 * the same values (`constant_schedule`, `exponential_decay`, `linear_schedule`,
 * `polynomial_schedule`, `cosine_decay_schedule`, `piecewise_constant_schedule`, `join_schedules`),
 * and lrkit's closed form written with `jax.numpy` elsewhere.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import { closedForm } from "./closedForm.js";
import { isCoreType, optionsOf } from "./options.js";
import { prefixedDialect, printFormula } from "./printer.js";
import { header, kwargs, py, TABLE, withTable } from "./python.js";
import { resolve, type ExportOptions } from "./resolve.js";

const JNP = prefixedDialect("jnp", "count", "jnp.pi");

/** Optax code for `spec`: a native schedule, or a lambda over lrkit's closed form. */
function optaxOf(spec: ScheduleSpec, steps: number): string {
  const call = (fn: string, args: Record<string, unknown>) => `optax.${fn}(${kwargs(args)})`;
  const o = isCoreType(spec.type) ? optionsOf(spec) : {};
  switch (spec.type) {
    case "constant":
      return call("constant_schedule", { value: o.lr });
    case "exponential":
      return call("exponential_decay", {
        init_value: o.lr,
        transition_steps: o.decaySteps,
        decay_rate: o.gamma,
        transition_begin: o.transitionBegin,
        staircase: o.staircase,
        end_value: o.endLr,
      });
    case "linear":
      return call("linear_schedule", { init_value: o.from, end_value: o.to, transition_steps: o.steps });
    case "polynomial":
      if (o.cycle) break;
      return call("polynomial_schedule", {
        init_value: o.lr,
        end_value: o.endLr,
        power: o.power,
        transition_steps: o.steps,
      });
    case "cosine":
      if (o.after !== "hold" || o.k !== 1 || !((o.lr as number) > 0)) break;
      return call("cosine_decay_schedule", {
        init_value: o.lr,
        decay_steps: o.steps,
        alpha: (o.minLr as number) / (o.lr as number),
        exponent: o.exponent === 1 ? undefined : o.exponent,
      });
    case "multiStep": {
      const scales: Record<string, number> = {};
      for (const m of o.milestones as number[])
        scales[String(m)] = (scales[String(m)] ?? 1) * (o.gamma as number);
      return `optax.piecewise_constant_schedule(init_value=${py(o.lr)}, boundaries_and_scales={${Object.entries(
        scales,
      )
        .map(([m, s]) => `${m}: ${py(s)}`)
        .join(", ")}})`;
    }
    case "join":
      return `optax.join_schedules(schedules=[${(spec.schedules as ScheduleSpec[])
        .map((s) => optaxOf(s, steps))
        .join(", ")}], boundaries=${py(spec.boundaries)})`;
    case "warmup": {
      if (o.mode !== "linear" || o.includeInHorizon || (o.steps as number) === 0) break;
      const inner = spec.schedule as ScheduleSpec;
      const to = fromSpec(inner)(0);
      const w = o.steps as number;
      const from =
        (o.from as number | undefined) ??
        (o.startRatio !== undefined ? (o.startRatio as number) * to : to / (w + 1));
      return `optax.join_schedules(schedules=[${call("linear_schedule", {
        init_value: from,
        end_value: to,
        transition_steps: w,
      })}, ${optaxOf(inner, steps)}], boundaries=[${py(w)}])`;
    }
  }
  return `lambda count: ${printFormula(closedForm(spec, { steps }), JNP)}`;
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
  const r = resolve(schedule, options);
  const code = r.form === undefined ? `jnp.asarray(LRS)[jnp.minimum(count, len(LRS) - 1)]` : undefined;
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
  if (code) {
    lines.push("# lrkit has no closed form for this schedule: these are its values at steps 0 .. STEPS - 1.");
    lines.push(`LRS = ${TABLE}`, `schedule = lambda count: ${code}`);
  } else {
    lines.push(`schedule = ${optaxOf(r.spec, r.steps)}`);
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
