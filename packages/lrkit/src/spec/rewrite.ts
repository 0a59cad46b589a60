/**
 * Rewrites of a spec that lint proposes as fixes: a horizon moved by some steps, or every step
 * count multiplied (epochs to batches), as each type's registry entry says (`lint.counts`,
 * `lint.rescale`, `lint.extend`). A preset is rewritten as its core composition (the same values,
 * written with core families). Each returns undefined when the spec holds something it cannot
 * rewrite, or when the result would not build.
 *
 * @module
 */
import type { Json, ScheduleSpec } from "../schedule.js";
import { coreOf } from "./core.js";
import type { CoreFamily } from "./family.js";
import { fromSpec, isSpec } from "./fromSpec.js";
import { registry } from "./registry.js";

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

/** The registry entry of a spec node, with a preset replaced by its core composition. */
function resolved(spec: ScheduleSpec): { spec: ScheduleSpec; family: CoreFamily } | undefined {
  const family = registry.get(spec.type);
  if (family?.preset === undefined) return family && { spec, family };
  const core = coreOf(spec);
  return core && resolved(core);
}

function scaleNode(given: ScheduleSpec, k: number): ScheduleSpec | undefined {
  const node = resolved(given);
  if (node === undefined) return undefined;
  const { spec, family } = node;
  const { counts, integerCounts = false, rescale } = family.lint;
  const byCounts = () => {
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
        out[key] = counts.includes(key) ? scaleValue(value, k, integerCounts) : value;
      }
    }
    return out as ScheduleSpec;
  };
  return rescale === undefined ? byCounts() : rescale(spec, k, byCounts);
}

/**
 * `spec` with every step count multiplied by `k` (rounded where the original was an integer), so
 * that a schedule written in epochs runs over batches.
 */
export function scaleSpec(spec: ScheduleSpec, k: number): ScheduleSpec | undefined {
  const out = scaleNode(spec, k);
  return out === undefined ? undefined : builds(out);
}

function extendNode(given: ScheduleSpec, extra: number): ScheduleSpec | undefined {
  const node = resolved(given);
  if (node === undefined) return undefined;
  return node.family.lint.extend?.(node.spec, extra, (inner) => extendNode(inner, extra));
}

/** `spec` with its horizon `extra` steps later (earlier when negative), or undefined. */
export function extendSpec(spec: ScheduleSpec, extra: number): ScheduleSpec | undefined {
  const out = extendNode(spec, extra);
  return out === undefined ? undefined : builds(out);
}
