import { optionsOf } from "../../export/options.js";
import { cycleStart } from "../../families/math.js";
import { fmt, pct } from "../format.js";
import { lintFactsOf } from "../structure.js";
import type { Diagnostic, LintRule } from "../types.js";

/** A whole number of cycles of integer length that fill `e` steps, as close to `period` as possible. */
function fittingPeriod(e: number, period: number, length: string): string {
  const k0 = Math.max(1, Math.round(e / period));
  for (const k of [k0, k0 - 1, k0 + 1, k0 - 2, k0 + 2]) {
    if (k < 1 || !Number.isInteger(e / k)) continue;
    const set = length === "period" ? `set period=${fmt(e / k)}` : `make ${length} = ${fmt(e / k)}`;
    return `, or ${set} so that ${k} cycle${k > 1 ? "s" : ""} fill it`;
  }
  return "";
}

/**
 * `restart-misfit`: restart cycles (SGDR, repeat, cyclical) that do not fit the plan: the run, or the
 * join part holding them, ends early in a cycle, at a high lr instead of the cycle's floor.
 */
export const restartMisfitRule: LintRule = {
  code: "restart-misfit",
  severity: "warning",
  summary: "Restart cycles do not fit: the plan ends part-way through a cycle.",
  check: ({ structure, plan, values }) => {
    const out: Diagnostic[] = [];
    for (const node of structure.nodes) {
      const c = lintFactsOf(node.spec)?.cycles?.(optionsOf(node.spec));
      if (c === undefined || !(c.period > 0)) continue;
      const end = Math.min(node.to, plan.steps);
      if (!(end > node.from)) continue;
      const e = (end - node.start) / node.stretch;
      const at = (i: number) => cycleStart(i, c.period, c.mult);
      let j = 0;
      while (at(j + 1) <= e + 1e-9 && j < 1e6) j++;
      if (j >= c.limit || Math.abs(at(j) - e) < 1e-9) continue;
      const done = (e - at(j)) / (at(j + 1) - at(j));
      if (done >= 0.9) continue;
      const g = (i: number) => Math.round(node.start + at(i) * node.stretch);
      const ends = [];
      for (let i = 1; i <= j + 1 && ends.length < 6; i++) ends.push(g(i));
      const byBoundary = node.to <= plan.steps;
      const where = node.path === "$" ? "" : ` at ${node.path}`;
      const moves = byBoundary
        ? `Move the boundary at step ${end} to step ${g(j)} or ${g(j + 1)}`
        : `End the plan at step ${g(j)} or ${g(j + 1)} (steps = ${g(j)} or ${g(j + 1)})`;
      const fits = c.mult === 1 ? fittingPeriod(e, c.period, c.length ?? "period") : "";
      out.push({
        code: "restart-misfit",
        severity: "warning",
        step: g(j),
        message:
          `The ${byBoundary ? "part ends" : "plan ends"} ${end - g(j)} steps into ${c.name} cycle ${j + 1}${where} ` +
          `(steps ${g(j)} to ${g(j + 1)}, ${pct(done, 1)} done): the last lr is ${fmt(values[end - 1] ?? NaN)}, ` +
          `not the cycle's floor. Cycles end at steps ${ends.join(", ")}${j + 1 > ends.length ? ", ..." : ""}.`,
        fix: `${moves}${fits}.`,
      });
    }
    return out;
  },
};
