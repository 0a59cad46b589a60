import { fmt, text } from "../format.js";
import { lintFactsOf, numParam } from "../structure.js";
import type { Diagnostic, LintRule } from "../types.js";

/**
 * `one-cycle-overrun`: a one-cycle stepped past its total. PyTorch's `OneCycleLR` raises
 * `ValueError("Tried to step ... times. The specified number of total steps is ...")`; lrkit's
 * `oneCycle` holds its final lr, `maxLr / divFactor / finalDivFactor`, which wastes the extra steps.
 */
export const oneCycleOverrunRule: LintRule = {
  code: "one-cycle-overrun",
  severity: "error",
  summary:
    "A one-cycle (oneCycle spec or OneCycleLR-like object), or another schedule whose PyTorch scheduler raises past its total, would be stepped past it.",
  check: ({ torch, structure, plan, values }) => {
    const N = plan.steps;
    const out: Diagnostic[] = [];
    if (torch !== undefined) {
      const last = torch.last_epoch ?? 0;
      const allowed = torch.total_steps - last;
      if (N > allowed) {
        out.push({
          code: "one-cycle-overrun",
          severity: "error",
          step: Math.max(allowed, 0),
          message:
            `OneCycleLR(total_steps=${torch.total_steps}) at last_epoch ${last} can be stepped ${allowed} more times, ` +
            `but the plan steps it ${N} times: scheduler.step() after step ${allowed} raises ValueError ` +
            `("Tried to step ${torch.total_steps + 2} times. The specified number of total steps is ${torch.total_steps}").`,
          fix: `Build it with total_steps=${N + last} (epochs * steps_per_epoch of the plan), or stop stepping it after ${allowed} steps.`,
        });
      }
      return out;
    }
    for (const node of structure.nodes) {
      const facts = node.known ? lintFactsOf(node.spec)?.total : undefined;
      if (facts === undefined) continue;
      const total = numParam(node.spec, facts.param);
      const end = Math.min(node.to, N);
      const used = (end - node.start) / node.stretch;
      if (!(used > total)) continue;
      const past = Math.ceil(node.start + total * node.stretch - 1e-9);
      const need = Math.ceil(used - 1e-9);
      const where = node.path === "$" ? "" : ` at ${node.path}`;
      const final = values[end - 1] ?? NaN;
      out.push({
        code: "one-cycle-overrun",
        severity: "error",
        step: past,
        message:
          `${node.spec.type}(${facts.param}=${total})${where} is stepped ${need} times: from step ${past} to ${end - 1} the lr stays at its final ` +
          `${fmt(final)} (${end - past} wasted steps), and PyTorch's ${facts.torch}(${facts.torchParam}=${total}) would raise ValueError after step ${total}.`,
        fix: `Give the cycle the plan's length: ${text({ ...node.spec, [facts.param]: need })} (${facts.torch}: ${facts.torchParam} = epochs * steps_per_epoch = ${need}).`,
      });
    }
    return out;
  },
};
