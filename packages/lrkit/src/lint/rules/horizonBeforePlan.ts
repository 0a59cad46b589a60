import { extent } from "../../math/extent.js";
import { fmt, pct, text } from "../format.js";
import { lintFactsOf } from "../structure.js";
import { extendSpec, scaleSpec } from "../../spec/rewrite.js";
import type { LintRule } from "../types.js";

/**
 * `horizon-before-plan`: the schedule reaches its horizon well before the plan ends, and then either
 * rises again (a periodic cosine, PyTorch's `CosineAnnealingLR` past `T_max`) or sits on a long flat
 * floor. A tail that the spec spells out as a `constant` part is taken as meant.
 */
export const horizonBeforePlanRule: LintRule = {
  code: "horizon-before-plan",
  severity: "warning",
  summary: "The horizon ends before the plan: the lr rises again, or stays on a long flat floor.",
  check: ({ schedule, values, plan, options, structure }) => {
    const H = schedule?.horizon;
    const N = plan.steps;
    if (schedule === undefined || H === undefined || !(H > 0)) return [];
    const h = Math.ceil(H);
    if (h >= N - 1) return [];
    const head = values.subarray(0, h + 1);
    const tail = values.subarray(h);
    const finite = values.filter(Number.isFinite);
    if (finite.length < values.length) return [];
    const [lo, hi] = extent(finite);
    const range = hi - lo;
    const [headLo, headHi] = extent(head);
    if (range === 0 || headHi === headLo) return [];
    const vH = values[h]!;
    const [tailLo, top] = extent(tail);
    const extended = extendSpec(schedule.spec, N - H) ?? scaleSpec(schedule.spec, N / H);
    const stretch = extended ? ` e.g. ${text(extended)}` : "";
    if (top - vH > 0.05 * range) {
      const at = h + tail.indexOf(top);
      return [
        {
          code: "horizon-before-plan",
          severity: "warning",
          step: h,
          message:
            `The schedule's horizon is step ${fmt(H)} but the plan runs ${N} steps: after step ${h} (lr ${fmt(vH)}) ` +
            `the lr rises again, to ${fmt(top)} at step ${at} (a periodic schedule, like PyTorch's CosineAnnealingLR past T_max).`,
          fix:
            `Make the horizon the plan's length,${stretch || " (steps = " + N + ")"}; ` +
            `or hold the floor (cosine after="hold"); or, if restarts are meant, say so with sgdr(...).`,
        },
      ];
    }
    const flat = top - tailLo <= 1e-9 * Math.abs(vH);
    const n = N - h;
    if (!flat || n / N <= options.flatTail) return [];
    // A tail decided by an explicit constant (join([..., constant(...)]) or warmup(constant)) is meant.
    const last = structure.nodes.findLast((node) => node.from <= N - 1 && N - 1 < node.to);
    if (last?.known && lintFactsOf(last.spec)?.flat === true) return [];
    return [
      {
        code: "horizon-before-plan",
        severity: "warning",
        step: h,
        message:
          `The schedule reaches its horizon at step ${fmt(H)} and stays at ${fmt(vH)} for the remaining ${n} steps ` +
          `(${pct(n, N)} of the ${N}-step plan).`,
        fix: `Stretch the schedule over the plan so the decay ends at step ${N},${stretch || " (steps = " + N + ")"}; or shorten the plan to ${h + 1} steps.`,
      },
    ];
  },
};
