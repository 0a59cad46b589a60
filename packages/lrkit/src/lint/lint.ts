/**
 * `lint`: diagnostics of a schedule against a training plan.
 *
 * @module
 */
import { isSchedule, type Schedule } from "../schedule.js";
import { normalizePlan } from "./plan.js";
import { horizonAfterPlanRule } from "./rules/horizonAfterPlan.js";
import { horizonBeforePlanRule } from "./rules/horizonBeforePlan.js";
import { horizonInBatchesRule } from "./rules/horizonInBatches.js";
import { horizonInEpochsRule } from "./rules/horizonInEpochs.js";
import { negativeRule } from "./rules/negative.js";
import { nonFiniteRule } from "./rules/nonFinite.js";
import { oneCycleOverrunRule } from "./rules/oneCycleOverrun.js";
import { restartMisfitRule } from "./rules/restartMisfit.js";
import { startNearZeroRule } from "./rules/startNearZero.js";
import { undeclaredJumpRule } from "./rules/undeclaredJump.js";
import { zeroRule } from "./rules/zero.js";
import { specStructure } from "./structure.js";
import type {
  Diagnostic,
  LintContext,
  LintOptions,
  LintRule,
  OneCycleLRLike,
  Severity,
  TrainingPlan,
} from "./types.js";

/** Every rule of {@link lint}, in the order they run. */
export const lintRules: readonly LintRule[] = [
  nonFiniteRule,
  negativeRule,
  zeroRule,
  startNearZeroRule,
  oneCycleOverrunRule,
  horizonInEpochsRule,
  horizonInBatchesRule,
  horizonBeforePlanRule,
  horizonAfterPlanRule,
  restartMisfitRule,
  undeclaredJumpRule,
];

/** A finding that a more specific one explains: dropped when the other is present. */
const EXPLAINED_BY: Record<string, readonly string[]> = {
  "horizon-before-plan": ["one-cycle-overrun", "horizon-in-epochs"],
  "horizon-after-plan": ["horizon-in-batches"],
};

const DEFAULTS: Required<LintOptions> = { startRatio: 1e-3, jumpThreshold: 0.25, flatTail: 0.1, maxJumps: 5 };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function isOneCycleLike(value: unknown): value is OneCycleLRLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { total_steps?: unknown }).total_steps === "number"
  );
}

/**
 * Checks a schedule against a training plan and returns its diagnostics, ordered by step (whole-plan
 * findings first), then severity, then code.
 *
 * The rules (see {@link lintRules}): `non-finite-lr`, `negative-lr` (errors); `zero-lr`,
 * `start-near-zero` (the warmup-starts-at-almost-zero bug); `one-cycle-overrun` (error: PyTorch's
 * OneCycleLR raises past `total_steps`); `horizon-in-epochs` (error) and `horizon-in-batches`;
 * `horizon-before-plan` (the lr rises again or sits on a long floor); `horizon-after-plan` (never
 * anneals); `restart-misfit` (the plan ends part-way through a restart cycle); `undeclared-jump` (a
 * jump where the spec declares no milestone, boundary, warmup end or restart).
 *
 * Values are sampled at `t = 0 .. plan.steps - 1`; structure (milestones, cycles, one-cycles) comes
 * from the spec tree and `Schedule.horizon`. Preset types are opaque: only sampled. A PyTorch
 * `OneCycleLR`-like object (`{ total_steps, last_epoch }`) is checked by the one-cycle rule only.
 *
 * @param subject - a schedule, or a OneCycleLR-like object.
 * @param plan - how the schedule will be stepped.
 * @param options - thresholds; see {@link LintOptions}.
 * @throws RangeError for an invalid plan (see {@link TrainingPlan}); TypeError for a subject that is
 *   neither.
 * @example
 * ```ts
 * const s = formula("1e-4 * (1e-9 + t / 30)"); // the first epoch at 1e-13: almost no update
 * lint(s, { steps: 30, unit: "epoch" }).map((d) => d.code); // ["start-near-zero"]
 * ```
 */
export function lint(
  subject: Schedule | OneCycleLRLike,
  plan: TrainingPlan,
  options: LintOptions = {},
): Diagnostic[] {
  const torch = !isSchedule(subject) && isOneCycleLike(subject);
  return lintWith(torch ? [oneCycleOverrunRule] : lintRules, subject, plan, options);
}

/**
 * {@link lint} with only the given rules: what a library runs when it checks one thing (a bundle
 * that uses it holds those rules, not all of them).
 *
 * @param rules - the rules to run, e.g. `[horizonInEpochsRule, horizonInBatchesRule]`.
 * @param subject - a schedule, or a OneCycleLR-like object.
 * @param plan - how the schedule will be stepped.
 * @param options - thresholds; see {@link LintOptions}.
 * @throws as {@link lint}.
 * @example
 * ```ts
 * lintWith([horizonInEpochsRule], cosine({ lr: 0.1, steps: 3 }), { steps: 120, unit: "batch", epochs: 3 });
 * // [{ code: "horizon-in-epochs", ... }]
 * ```
 */
export function lintWith(
  rules: readonly LintRule[],
  subject: Schedule | OneCycleLRLike,
  plan: TrainingPlan,
  options: LintOptions = {},
): Diagnostic[] {
  const p = normalizePlan(plan);
  const schedule = isSchedule(subject) ? subject : undefined;
  const torch = schedule === undefined && isOneCycleLike(subject) ? subject : undefined;
  if (schedule === undefined && torch === undefined) {
    throw new TypeError("lint: subject must be a schedule or a OneCycleLR-like { total_steps }");
  }
  const values = new Float64Array(schedule ? p.steps : 0);
  let peak = 0;
  if (schedule) {
    for (let t = 0; t < p.steps; t++) {
      const v = schedule(t);
      values[t] = v;
      if (Number.isFinite(v) && v > peak) peak = v;
    }
  }
  const ctx: LintContext = {
    schedule,
    torch,
    plan: p,
    values,
    peak,
    structure: specStructure(schedule?.spec ?? { type: "torch.OneCycleLR" }, p.steps),
    options: { ...DEFAULTS, ...options },
  };
  const found = rules.flatMap((r) => r.check(ctx));
  const codes = new Set(found.map((d) => d.code));
  return found
    .filter((d) => !(EXPLAINED_BY[d.code] ?? []).some((c) => codes.has(c)))
    .sort(
      (a, b) =>
        (a.step ?? -1) - (b.step ?? -1) ||
        RANK[a.severity] - RANK[b.severity] ||
        a.code.localeCompare(b.code),
    );
}

/**
 * The steps at which a schedule's spec declares a change, below `steps`: multiStep milestones,
 * piecewiseConstant and join boundaries, warmup ends, step multiples, SGDR and repeat restarts.
 * Plots mark them; lint accepts jumps there.
 *
 * @param schedule - the schedule.
 * @param steps - the plan's length.
 * @example
 * ```ts
 * declaredMilestones(multiStep({ lr: 0.5, milestones: [15, 30], gamma: 0.5 }), 30); // [15]
 * ```
 */
export function declaredMilestones(schedule: Schedule, steps: number): number[] {
  return [...specStructure(schedule.spec, steps).milestones];
}
