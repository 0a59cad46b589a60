import { fmt } from "../format.js";
import type { Diagnostic, LintRule } from "../types.js";

/**
 * `undeclared-jump`: a sudden change of the lr (much larger than the changes around it) at a step
 * where the spec declares none: no milestone, boundary, warmup end, step multiple or restart. A
 * typical cause is PyTorch's SequentialLR starting the next scheduler from its base lr. Inside a
 * preset, whose milestones lint cannot see, the finding is only `info`; inside `noise` it is skipped.
 */
export const undeclaredJumpRule: LintRule = {
  code: "undeclared-jump",
  severity: "warning",
  summary: "The lr jumps at a step where the spec declares no milestone, boundary or restart.",
  check: ({ values, structure, options }) => {
    const found: Diagnostic[] = [];
    const delta = (t: number) => {
      const d = (values[t] ?? NaN) - (values[t - 1] ?? NaN);
      return Number.isFinite(d) ? d : 0;
    };
    for (let t = 1; t < values.length; t++) {
      const a = values[t - 1]!;
      const b = values[t]!;
      const d = b - a;
      if (!Number.isFinite(d) || d === 0) continue;
      if (!(Math.abs(d) > options.jumpThreshold * Math.max(Math.abs(a), Math.abs(b)))) continue;
      const around = Math.max(
        Math.abs(t >= 2 ? delta(t - 1) : 0),
        Math.abs(t + 1 < values.length ? delta(t + 1) : 0),
      );
      if (!(Math.abs(d) > 4 * around)) continue;
      if (structure.isDeclared(t) || structure.noisyAt(t)) continue;
      const opaque = structure.opaqueAt(t);
      const factor = a === 0 || b === 0 ? "" : ` (x${fmt(b / a)})`;
      found.push({
        code: "undeclared-jump",
        severity: opaque ? "info" : "warning",
        step: t,
        message:
          `lr jumps ${d > 0 ? "up" : "down"} from ${fmt(a)} to ${fmt(b)} at step ${t}${factor}, where the spec declares no change` +
          (opaque
            ? ` (it happens inside ${opaque}, whose milestones lint cannot see).`
            : " (no milestone, boundary, warmup end or restart)."),
        fix:
          d > 0
            ? `If this is a restart of the next scheduler (PyTorch SequentialLR starts it again from its base lr), make the next part start where the previous ends; if it is meant, declare it with join([...], boundaries=[${t}]) or sgdr/repeat.`
            : `If the drop is meant, declare it: multiStep(milestones=[${t}, ...]) or step(stepSize=...) instead of a formula, so plots, lint and exports know the milestone; otherwise check the formula at t = ${t}.`,
      });
    }
    const max = Math.max(1, options.maxJumps);
    if (found.length <= max) return found;
    const kept = found.slice(0, max);
    const rest = found.slice(max);
    const last = kept[max - 1]!;
    kept[max - 1] = {
      ...last,
      message: `${last.message} And ${rest.length} more undeclared jumps, at steps ${rest
        .slice(0, 5)
        .map((d) => d.step)
        .join(", ")}${rest.length > 5 ? ", ..." : ""}.`,
    };
    return kept;
  },
};
