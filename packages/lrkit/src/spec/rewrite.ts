/**
 * Rewrites of a spec that lint proposes as fixes: a horizon moved by some steps, or every step
 * count multiplied (epochs to batches). Each returns undefined when the spec holds something it
 * cannot rewrite (a preset, a formula it cannot rescale), or when the result would not build.
 *
 * @module
 */
import type { Json, ScheduleSpec } from "../schedule.js";
import { fromSpec, isSpec } from "./fromSpec.js";

/** Parameters that count steps, by type. */
const COUNTS: Record<string, readonly string[]> = {
  constant: [],
  step: ["stepSize"],
  multiStep: ["milestones"],
  exponential: ["decaySteps", "transitionBegin"],
  factor: ["stepSize"],
  inverseSqrt: ["timescale"],
  inverseTime: ["decaySteps"],
  polynomial: ["steps"],
  linear: ["steps"],
  cosine: ["steps"],
  sgdr: ["period"],
  cyclic: ["stepsUp", "stepsDown"],
  oneCycle: ["steps"],
  oneCycleMomentum: ["steps"],
  tanh: ["steps"],
  wsd: ["steps", "decaySteps", "stableTimescale"],
  piecewiseConstant: ["boundaries"],
  interpolate: ["knots"],
  warmup: ["steps"],
  join: ["boundaries"],
  repeat: ["period"],
  multiply: [],
  scale: [],
  clamp: [],
  noise: ["start", "end"],
};

const INTEGER_COUNTS = new Set(["oneCycle", "oneCycleMomentum"]);

function builds(spec: ScheduleSpec): ScheduleSpec | undefined {
  try {
    fromSpec(spec);
    return spec;
  } catch {
    return undefined;
  }
}

function scaleValue(v: Json, k: number, integer: boolean): Json {
  if (typeof v === "number") {
    const x = v * k;
    return integer || (Number.isInteger(v) && !Number.isInteger(x)) ? Math.max(1, Math.round(x)) : x;
  }
  if (Array.isArray(v)) return v.map((x) => scaleValue(x, k, integer));
  return v;
}

function scaleNode(spec: ScheduleSpec, k: number): ScheduleSpec | undefined {
  const counts = COUNTS[spec.type];
  if (spec.type === "formula") {
    const expr = spec.expr;
    return typeof expr === "string" ? { ...spec, expr: expr.replace(/\bt\b/g, `(t / ${k})`) } : undefined;
  }
  if (counts === undefined) return undefined;
  if (spec.type === "cyclic" && (spec.mode === "exp_range" || spec.scaleMode === "iterations"))
    return undefined;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (isSpec(value)) {
      const inner = scaleNode(value, k);
      if (inner === undefined) return undefined;
      out[key] = inner;
    } else if (Array.isArray(value) && value.some(isSpec)) {
      const parts = value.map((v) => (isSpec(v) ? scaleNode(v, k) : v));
      if (parts.some((p) => p === undefined)) return undefined;
      out[key] = parts as Json[];
    } else {
      out[key] = counts.includes(key) ? scaleValue(value, k, INTEGER_COUNTS.has(spec.type)) : value;
    }
  }
  return out as ScheduleSpec;
}

/**
 * `spec` with every step count multiplied by `k` (rounded where the original was an integer), so
 * that a schedule written in epochs runs over batches.
 */
export function scaleSpec(spec: ScheduleSpec, k: number): ScheduleSpec | undefined {
  const out = scaleNode(spec, k);
  return out === undefined ? undefined : builds(out);
}

function extendNode(spec: ScheduleSpec, extra: number): ScheduleSpec | undefined {
  switch (spec.type) {
    case "cosine":
    case "linear":
    case "tanh":
    case "wsd":
    case "oneCycle":
    case "oneCycleMomentum":
      return typeof spec.steps === "number" ? { ...spec, steps: spec.steps + extra } : undefined;
    case "polynomial":
      return spec.cycle === true || typeof spec.steps !== "number"
        ? undefined
        : { ...spec, steps: spec.steps + extra };
    case "interpolate": {
      const knots = spec.knots;
      if (!Array.isArray(knots) || typeof knots[knots.length - 1] !== "number") return undefined;
      return { ...spec, knots: [...knots.slice(0, -1), (knots[knots.length - 1] as number) + extra] };
    }
    case "warmup":
    case "scale":
    case "clamp":
    case "noise": {
      const inner = isSpec(spec.schedule) ? extendNode(spec.schedule, extra) : undefined;
      return inner && { ...spec, schedule: inner };
    }
    case "join": {
      const parts = spec.schedules;
      if (!Array.isArray(parts) || !isSpec(parts[parts.length - 1])) return undefined;
      const last = extendNode(parts[parts.length - 1] as ScheduleSpec, extra);
      return last && { ...spec, schedules: [...parts.slice(0, -1), last] };
    }
    default:
      return undefined;
  }
}

/** `spec` with its horizon `extra` steps later (earlier when negative), or undefined. */
export function extendSpec(spec: ScheduleSpec, extra: number): ScheduleSpec | undefined {
  const out = extendNode(spec, extra);
  return out === undefined ? undefined : builds(out);
}
