/**
 * The spec tree of a schedule placed on the steps of a plan: which node decides the value in which
 * window of steps, and where the spec declares a change (milestones, boundaries, warmup ends,
 * restarts). Lint rules that depend on structure read it; the others sample values.
 *
 * Preset types (`"<anchor>.<Name>"`) and unregistered types are opaque: their windows are recorded
 * but not looked into.
 *
 * @module
 */
import * as v from "valibot";
import { cycleStart } from "../families/math.js";
import type { Json, ScheduleSpec } from "../schedule.js";
import { isSpec } from "../spec/fromSpec.js";
import { combinators, coreFamilies, registry } from "../spec/registry.js";

/** A node of the spec tree and where it acts: global step `g = start + stretch * t` for its own `t`. */
export interface SpecNode {
  /** The node's spec. */
  readonly spec: ScheduleSpec;
  /** Its JSON path in the whole spec, e.g. `$.schedules[1]`. */
  readonly path: string;
  /** The global step at which the node's own step is 0. */
  readonly start: number;
  /** Global steps per step of the node (cycles of `repeat` are stretched). */
  readonly stretch: number;
  /** The first global step at which the node decides the value. */
  readonly from: number;
  /** The global step at which it stops deciding it (exclusive; Infinity for never). */
  readonly to: number;
  /** True for core families and combinators, whose structure lint knows. */
  readonly known: boolean;
}

/** The placed spec tree of a schedule over the first `limit` steps. */
export interface SpecStructure {
  /** Every node, parents before children, in spec order. */
  readonly nodes: readonly SpecNode[];
  /** Global steps `< limit` at which the spec declares a change of value, sorted. */
  readonly milestones: readonly number[];
  /** True when the spec declares a change at global step `t`. */
  readonly isDeclared: (t: number) => boolean;
  /** The type of the innermost opaque node (a preset or unknown type) deciding step `t`, if any. */
  readonly opaqueAt: (t: number) => string | undefined;
  /** True when a `noise` node decides step `t`. */
  readonly noisyAt: (t: number) => boolean;
}

const KNOWN = new Set([...coreFamilies, ...combinators].map((f) => f.type));
const MAX_CYCLES = 10_000;

/** The value of parameter `key` of `spec`, with the family's default filled in by its schema. */
function param(spec: ScheduleSpec, key: string): Json | undefined {
  const schema = registry.get(spec.type)?.params.entries[key];
  if (schema === undefined || isSpec(spec[key])) return spec[key];
  const parsed = v.safeParse(schema, spec[key]);
  return parsed.success ? (parsed.output as Json | undefined) : spec[key];
}

/** A numeric parameter, or `fallback` when absent or not a number. */
export function numParam(spec: ScheduleSpec, key: string, fallback = NaN): number {
  const v = param(spec, key);
  return typeof v === "number" ? v : fallback;
}

/** A list-of-numbers parameter (empty when absent). */
function numsParam(spec: ScheduleSpec, key: string): number[] {
  const v = param(spec, key);
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : [];
}

/** The nested specs of a node with their JSON path suffixes. */
function children(spec: ScheduleSpec): { spec: ScheduleSpec; key: string }[] {
  const out: { spec: ScheduleSpec; key: string }[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (isSpec(value)) out.push({ spec: value, key: `.${key}` });
    else if (Array.isArray(value))
      value.forEach((v, i) => {
        if (isSpec(v)) out.push({ spec: v, key: `.${key}[${i}]` });
      });
  }
  return out;
}

/** Local change points of a leaf family, as the node's own steps (before `limit` of them). */
function localMilestones(spec: ScheduleSpec, localEnd: number): number[] {
  const every = (first: number, size: number): number[] => {
    const out: number[] = [];
    if (!(size > 0)) return out;
    for (let m = first + size; m < localEnd && out.length < 1e7; m += size) out.push(m);
    return out;
  };
  switch (spec.type) {
    case "step":
      return every(0, numParam(spec, "stepSize"));
    case "factor":
      return every(0, numParam(spec, "stepSize"));
    case "multiStep":
      return numsParam(spec, "milestones");
    case "piecewiseConstant": {
      const right = param(spec, "closed") === "right";
      return numsParam(spec, "boundaries").map((b) => (right ? Math.floor(b) + 1 : b));
    }
    case "exponential":
      return param(spec, "staircase") === true
        ? every(numParam(spec, "transitionBegin", 0), numParam(spec, "decaySteps", 1))
        : [];
    case "inverseTime":
      return param(spec, "staircase") === true ? every(0, numParam(spec, "decaySteps", 1)) : [];
    case "polynomial":
      return param(spec, "cycle") === true ? every(0, numParam(spec, "steps")) : [];
    case "tanh":
      return [numParam(spec, "steps")];
    case "sgdr": {
      const limit = numParam(spec, "cycleLimit", Infinity);
      const out: number[] = [];
      const period = numParam(spec, "period");
      const mult = numParam(spec, "periodMult", 1);
      for (let i = 1; i <= Math.min(limit, MAX_CYCLES); i++) {
        const s = cycleStart(i, period, mult);
        if (!(s < localEnd)) break;
        out.push(s);
      }
      return out;
    }
    default:
      return [];
  }
}

/**
 * Places the spec tree of `spec` on the global steps `0 .. limit - 1`.
 *
 * @param spec - the schedule's spec.
 * @param limit - the plan's length; nothing at or after it is recorded.
 */
export function specStructure(spec: ScheduleSpec, limit: number): SpecStructure {
  const nodes: SpecNode[] = [];
  const marks = new Set<number>();
  const declare = (g: number, from: number, to: number) => {
    const t = Math.ceil(g - 1e-9);
    if (t > 0 && t >= from && t < to && t < limit) marks.add(t);
  };

  const visit = (node: SpecNode): void => {
    nodes.push(node);
    if (!node.known) return;
    const { spec: s, start, stretch, from, to } = node;
    const g = (t: number) => start + t * stretch;
    const localEnd = (Math.min(to, limit) - start) / stretch;
    const child = (c: { spec: ScheduleSpec; key: string }, place: Partial<SpecNode> = {}) =>
      visit({
        spec: c.spec,
        path: node.path + c.key,
        start,
        stretch,
        from,
        to,
        known: KNOWN.has(c.spec.type),
        ...place,
      });
    const kids = children(s);
    switch (s.type) {
      case "warmup": {
        const steps = numParam(s, "steps", 0);
        const shift = param(s, "includeInHorizon") === true ? 0 : steps;
        declare(g(steps), from, to);
        for (const c of kids) child(c, { start: g(shift), from: Math.max(from, Math.ceil(g(steps) - 1e-9)) });
        return;
      }
      case "join": {
        const starts = [0, ...numsParam(s, "boundaries")];
        kids.forEach((c, i) => {
          const a = Math.ceil(g(starts[i]!) - 1e-9);
          const b = i + 1 < starts.length ? Math.ceil(g(starts[i + 1]!) - 1e-9) : Infinity;
          if (i > 0) declare(g(starts[i]!), from, to);
          child(c, { start: g(starts[i]!), from: Math.max(from, a), to: Math.min(to, b) });
        });
        return;
      }
      case "repeat": {
        const period = numParam(s, "period");
        const mult = numParam(s, "periodMult", 1);
        const cycles = numParam(s, "limit", Infinity);
        for (let i = 0; i < Math.min(cycles, MAX_CYCLES); i++) {
          const c0 = g(cycleStart(i, period, mult));
          if (!(c0 < Math.min(to, limit))) break;
          const length = period * mult ** i;
          if (i > 0) declare(c0, from, to);
          const end = g(cycleStart(i + 1, period, mult));
          for (const c of kids)
            child(c, {
              start: c0,
              stretch: (stretch * length) / period,
              from: Math.max(from, Math.ceil(c0 - 1e-9)),
              to: Math.min(to, Math.ceil(end - 1e-9)),
            });
        }
        if (Number.isFinite(cycles)) declare(g(cycleStart(cycles, period, mult)), from, to);
        return;
      }
      default:
        for (const m of localMilestones(s, localEnd)) declare(g(m), from, to);
        for (const c of kids) child(c);
    }
  };

  visit({ spec, path: "$", start: 0, stretch: 1, from: 0, to: Infinity, known: KNOWN.has(spec.type) });
  const milestones = [...marks].sort((a, b) => a - b);
  const innermost = (t: number, test: (n: SpecNode) => boolean) =>
    nodes.findLast((n) => t >= n.from && t < n.to && test(n));
  return {
    nodes,
    milestones,
    isDeclared: (t) => marks.has(t),
    opaqueAt: (t) => innermost(t, (n) => !n.known)?.spec.type,
    noisyAt: (t) => innermost(t, (n) => n.spec.type === "noise") !== undefined,
  };
}
