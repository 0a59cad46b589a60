/**
 * The spec tree of a schedule placed on the steps of a plan: which node decides the value in which
 * window of steps, and where the spec declares a change (milestones, boundaries, warmup ends,
 * restarts). Lint rules that depend on structure read it; the others sample values.
 *
 * What each type contributes is in its registry entry (`lint`: milestones, placement of nested
 * schedules); a preset is placed through its core composition. Unregistered types, and presets
 * without a core composition, are opaque: their windows are recorded but not looked into.
 *
 * @module
 */
import { optionsOf } from "../export/options.js";
import type { ScheduleSpec } from "../schedule.js";
import type { LintFacts, Placement } from "../spec/family.js";
import { coreOf } from "../spec/core.js";
import { isSpec } from "../spec/fromSpec.js";
import { registry } from "../spec/registry.js";

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
  /** True for core families and combinators, and presets placed through their core composition. */
  readonly known: boolean;
}

/** Where a node is placed: everything of a {@link SpecNode} but the spec and whether it is known. */
type Place = Omit<SpecNode, "spec" | "known" | "path">;

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

/** The lint facts of a core family or combinator, or undefined for presets and unknown types. */
export function lintFactsOf(spec: ScheduleSpec): LintFacts<Record<string, unknown>> | undefined {
  const family = registry.get(spec.type);
  return family?.preset === undefined ? family?.lint : undefined;
}

/** A numeric parameter with the family's default, or `fallback` when absent or not a number. */
export function numParam(spec: ScheduleSpec, key: string, fallback = NaN): number {
  const value = optionsOf(spec)[key];
  return typeof value === "number" ? value : fallback;
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

  const place = (spec: ScheduleSpec, path: string, at: Place): void => {
    const core = registry.get(spec.type)?.preset === undefined ? undefined : coreOf(spec);
    const facts = lintFactsOf(spec);
    nodes.push({ spec, path, ...at, known: facts !== undefined || core !== undefined });
    if (core !== undefined) return place(core, `${path}{core}`, at);
    if (facts === undefined) return;
    const { start, stretch, from, to } = at;
    const g = (t: number) => start + t * stretch;
    const kids = children(spec);
    const child = (where: Partial<Place>, c: { spec: ScheduleSpec; key: string }) =>
      place(c.spec, path + c.key, { ...at, ...where });
    if (facts.place !== undefined) {
      const placement: Placement = {
        g,
        stretch,
        from,
        to,
        limit,
        declare: (m) => declare(m, from, to),
        child: (where, index) =>
          (index === undefined ? kids : [kids[index]!]).forEach((c) => child(where, c)),
      };
      facts.place(optionsOf(spec), placement);
      return;
    }
    const localEnd = (Math.min(to, limit) - start) / stretch;
    for (const m of facts.milestones?.(optionsOf(spec), localEnd) ?? []) declare(g(m), from, to);
    for (const c of kids) child({}, c);
  };

  place(spec, "$", { start: 0, stretch: 1, from: 0, to: Infinity });
  const milestones = [...marks].sort((a, b) => a - b);
  const innermost = (t: number, test: (n: SpecNode) => boolean) =>
    nodes.findLast((n) => t >= n.from && t < n.to && test(n));
  return {
    nodes,
    milestones,
    isDeclared: (t) => marks.has(t),
    opaqueAt: (t) => innermost(t, (n) => !n.known)?.spec.type,
    noisyAt: (t) => innermost(t, (n) => lintFactsOf(n.spec)?.noisy === true) !== undefined,
  };
}
