import { fmt } from "../format.js";
import type { LintRule } from "../types.js";

/**
 * `start-near-zero`: the warmup-starts-at-almost-zero bug. The lr at step 0 is a tiny fraction of
 * the peak and far below step 1's, so the first update is all but wasted: with epochs as steps, a
 * whole epoch. Example: the LambdaLR `eta_min + epoch / warm_up_epochs` gives `1e-9 * base_lr` at
 * epoch 0.
 */
export const startNearZeroRule: LintRule = {
  code: "start-near-zero",
  severity: "warning",
  summary:
    "The lr at step 0 is far below the peak and below the ramp's own step: the first update is wasted.",
  check: ({ values, peak, options, plan }) => {
    const v0 = values[0];
    const v1 = values[1];
    if (v0 === undefined || v1 === undefined || !(v0 > 0) || !(peak > 0)) return [];
    if (!(v0 < options.startRatio * peak && v0 < v1 / 10)) return [];
    const peakAt = values.indexOf(peak);
    const unit = plan.unit === "epoch" ? "epoch" : "update";
    return [
      {
        code: "start-near-zero",
        severity: "warning",
        step: 0,
        message:
          `lr at step 0 is ${fmt(v0)}, ${fmt(v0 / peak)} of the peak ${fmt(peak)} (step ${peakAt}) and ` +
          `${fmt(v0 / v1)} of step 1's ${fmt(v1)}: the first ${unit} hardly moves the weights (a warmup that starts at almost zero).`,
        fix:
          `Start the ramp at a fraction of the peak: lrkit's warmup(..., startRatio=0.1), or leave \`from\` unset ` +
          `(it starts at peak / (steps + 1)); for a PyTorch LambdaLR, start the ramp at start_ratio / warmup_epochs ` +
          `(as WarmupCosineLR(start_ratio=0.1) does) instead of eta_min + epoch / warmup_epochs.`,
      },
    ];
  },
};
