/**
 * Export to Keras 3: a Python module defining `schedule`, a `keras.optimizers.schedules` object
 * where Keras has one with the same values (the registry entries' `native.keras`:
 * `ExponentialDecay`, `InverseTimeDecay`, `PolynomialDecay`, `CosineDecay` with its warmup,
 * `CosineDecayRestarts`, `PiecewiseConstantDecay`, and the keras presets' own calls),
 * else a `LearningRateSchedule` subclass over lrkit's closed form written with `keras.ops`.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { nativeOf } from "./native.js";
import { prefixedDialect, printFormula } from "./printer.js";
import { header, TABLE, withTable } from "./python.js";
import { resolve, type ExportOptions } from "./resolve.js";

const OPS = prefixedDialect("ops", "t", "math.pi");
/**
 * A Python module for Keras 3: `schedule` reproduces the schedule and can be passed as an optimizer's
 * `learning_rate`; run as a script it prints the first `steps` values as JSON. Keras computes in
 * float32: values agree to about 1e-7.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws ExportError when there is no closed form and no `steps`.
 * @example
 * ```ts
 * toKeras(parseSchedule("warmup(cosine(lr=0.1, steps=900, minLr=0.001), steps=100, from=0)"));
 * // schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, decay_steps=900, ...)
 * ```
 */
export function toKeras(schedule: Schedule | ScheduleSpec, options: ExportOptions = {}): string {
  return Array.from(kerasCode(schedule, options)).join("");
}

/**
 * {@link toKeras}'s module as pieces of text, in order: a table of values is produced as the
 * pieces are read, so that memory does not grow with `steps`.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws as {@link toKeras}, when called.
 */
export function kerasCode(schedule: Schedule | ScheduleSpec, options: ExportOptions = {}): Iterable<string> {
  const r = resolve(schedule, options, (spec, steps) => nativeOf(spec, "keras", steps));
  const native = r.native;
  const lines = [
    header("keras", r.spec, ["Keras computes in float32: expect ~1e-7 differences from lrkit."]),
    "import json",
    ...(native ? [] : ["import math"]),
    "",
    "import keras",
    ...(native ? [] : ["from keras import ops"]),
    "",
    `STEPS = ${r.steps}`,
    "",
  ];
  if (native) {
    lines.push(`schedule = ${native}`);
  } else {
    const body =
      r.form === undefined
        ? [
            '        return ops.take(ops.convert_to_tensor(LRS), ops.minimum(ops.cast(step, "int32"), len(LRS) - 1))',
          ]
        : ['        t = ops.cast(step, "float32")', `        return ${printFormula(r.form, OPS)}`];
    if (r.form === undefined) {
      lines.push(
        "# lrkit has no closed form for this schedule: these are its values at steps 0 .. STEPS - 1.",
      );
      lines.push(`LRS = ${TABLE}`, "");
    }
    lines.push(
      "",
      "class LrkitSchedule(keras.optimizers.schedules.LearningRateSchedule):",
      `    """${r.form === undefined ? "The sampled values" : "lrkit's closed form"} of the schedule, as a Keras schedule."""`,
      "",
      "    def __call__(self, step):",
      ...body,
      "",
      "    def get_config(self):",
      "        return {}",
      "",
      "",
      "schedule = LrkitSchedule()",
    );
  }
  lines.push(
    "optimizer = keras.optimizers.SGD(learning_rate=schedule)",
    "",
    'if __name__ == "__main__":',
    "    print(json.dumps([float(schedule(t)) for t in range(STEPS)]))",
    "",
  );
  return withTable(lines.join("\n"), r.schedule, r.steps);
}
