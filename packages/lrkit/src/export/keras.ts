/**
 * Export to Keras 3: a Python module defining `schedule`, a `keras.optimizers.schedules` object
 * where Keras has one with the same values (`ExponentialDecay`, `InverseTimeDecay`,
 * `PolynomialDecay`, `CosineDecay` with its warmup, `CosineDecayRestarts`, `PiecewiseConstantDecay`),
 * else a `LearningRateSchedule` subclass over lrkit's closed form written with `keras.ops`.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { fromSpec } from "../spec/fromSpec.js";
import { isCoreType, optionsOf } from "./options.js";
import { prefixedDialect, printFormula } from "./printer.js";
import { header, kwargs, TABLE, withTable } from "./python.js";
import { resolve, type ExportOptions } from "./resolve.js";

const OPS = prefixedDialect("ops", "t", "math.pi");
const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** A native Keras schedule for `spec`, when one gives the same values. */
function nativeOf(spec: ScheduleSpec): string | undefined {
  if (!isCoreType(spec.type)) return undefined;
  const o = optionsOf(spec);
  const call = (cls: string, args: Record<string, unknown>) =>
    `keras.optimizers.schedules.${cls}(${kwargs(args)})`;
  const cosineOk = (c: Record<string, unknown>) =>
    c.after === "hold" && c.k === 1 && c.exponent === 1 && (c.lr as number) > 0;
  switch (spec.type) {
    case "exponential":
      return o.transitionBegin === 0 && o.endLr === undefined
        ? call("ExponentialDecay", {
            initial_learning_rate: o.lr,
            decay_steps: o.decaySteps,
            decay_rate: o.gamma,
            staircase: o.staircase,
          })
        : undefined;
    case "inverseTime":
      return call("InverseTimeDecay", {
        initial_learning_rate: o.lr,
        decay_steps: o.decaySteps,
        decay_rate: o.decayRate,
        staircase: o.staircase,
      });
    case "polynomial":
      return call("PolynomialDecay", {
        initial_learning_rate: o.lr,
        decay_steps: o.steps,
        end_learning_rate: o.endLr,
        power: o.power,
        cycle: o.cycle,
      });
    case "cosine":
      return cosineOk(o)
        ? call("CosineDecay", {
            initial_learning_rate: o.lr,
            decay_steps: o.steps,
            alpha: (o.minLr as number) / (o.lr as number),
          })
        : undefined;
    case "warmup": {
      const inner = spec.schedule as ScheduleSpec;
      if (inner.type !== "cosine" || o.mode !== "linear" || o.includeInHorizon) return undefined;
      const c = optionsOf(inner);
      if (!cosineOk(c)) return undefined;
      const to = fromSpec(inner)(0);
      const w = o.steps as number;
      const from =
        (o.from as number | undefined) ??
        (o.startRatio !== undefined ? (o.startRatio as number) * to : to / (w + 1));
      return call("CosineDecay", {
        initial_learning_rate: from,
        decay_steps: c.steps,
        alpha: (c.minLr as number) / (c.lr as number),
        warmup_target: c.lr,
        warmup_steps: w,
      });
    }
    case "sgdr":
      return (o.decay === 1 || o.decayMode === "amplitude") &&
        o.cycleLimit === undefined &&
        o.k === 1 &&
        (o.lr as number) > 0
        ? call("CosineDecayRestarts", {
            initial_learning_rate: o.lr,
            first_decay_steps: o.period,
            t_mul: o.periodMult,
            m_mul: o.decay,
            alpha: (o.minLr as number) / (o.lr as number),
          })
        : undefined;
    case "piecewiseConstant": {
      const bs = o.boundaries as number[];
      if (o.closed !== "right" && !bs.every(int)) return undefined;
      // Keras switches just after a boundary; for integer steps, t >= b is t > b - 1.
      const boundaries = o.closed === "right" ? bs : bs.map((b) => b - 1);
      return call("PiecewiseConstantDecay", { boundaries, values: o.values });
    }
    case "multiStep": {
      const ms = o.milestones as number[];
      if (!ms.every(int) || new Set(ms).size !== ms.length) return undefined;
      const values = [0, ...ms].map((_, i) => (o.lr as number) * (o.gamma as number) ** i);
      return call("PiecewiseConstantDecay", { boundaries: ms.map((m) => m - 1), values });
    }
    default:
      return undefined;
  }
}

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
 * // schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0, decay_steps=900, ...)
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
  const r = resolve(schedule, options);
  const native = r.form === undefined ? undefined : nativeOf(r.spec);
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
