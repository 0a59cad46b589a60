/**
 * The warning a callback gives when its schedule's horizon does not fit the run.
 *
 * @module
 */
import {
  fromSpec,
  horizonInBatchesRule,
  horizonInEpochsRule,
  isSchedule,
  lintWith,
  type Schedule,
  type Scheduler,
} from "lrkit";
import { runSteps, type FitPlan, type StepUnit } from "./fitPlan.js";

/**
 * The rules of a horizon that disagrees badly with the run: sized in the other unit (a
 * horizon counted in batches stepped per epoch, or the reverse). A horizon a little before or after
 * the run (`horizon-before-plan`, `horizon-after-plan`) is not warned about here: a run fitted in
 * several `fit` calls sees only part of its plan in each.
 */
const BADLY = [horizonInEpochsRule, horizonInBatchesRule];

/**
 * lint's diagnostics of a horizon in the wrong unit (`horizon-in-epochs`, `horizon-in-batches`)
 * for `source` against the run, as one message with lint's message and fix for each, or undefined
 * when there are none or the run's length in `unit` is unknown. A Scheduler's schedules are
 * linted each.
 *
 * @param fn - the calling function, which the message starts with.
 * @param source - an lrkit Schedule or Scheduler.
 * @param plan - the run (see {@link fitPlan}).
 * @param unit - what a step of the schedule is.
 * @example
 * ```ts
 * horizonWarning("scheduleCallback", cosine({ lr: 0.1, steps: 120 }), { epochs: 3, batchesPerEpoch: 40 }, "epoch");
 * // 'scheduleCallback: the schedule\'s horizon does not fit this run of 3 steps (3 epochs of 40 batches, one step per epoch):\n- horizon-in-batches: ...'
 * ```
 */
export function horizonWarning(
  fn: string,
  source: Schedule | Scheduler,
  plan: FitPlan,
  unit: StepUnit,
): string | undefined {
  const steps = runSteps(plan, unit);
  if (steps === undefined) return undefined;
  const schedules: [string, Schedule][] = !isSchedule(source)
    ? Object.entries(source.spec.schedules).map(([name, s]) => [`the "${name}" schedule, `, fromSpec(s)])
    : [["", source]];
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const findings = schedules.flatMap(([what, schedule]) =>
    lintWith(BADLY, schedule, {
      steps,
      unit,
      epochs: plan.epochs,
      ...(plan.batchesPerEpoch === undefined ? {} : { stepsPerEpoch: plan.batchesPerEpoch }),
    }).map((d) => `- ${what}${d.code}: ${d.message} Fix: ${d.fix}`),
  );
  if (findings.length === 0) return undefined;
  const run =
    plural(plan.epochs, "epoch") +
    (plan.batchesPerEpoch === undefined ? "" : ` of ${plural(plan.batchesPerEpoch, "batch", "batches")}`) +
    (unit === "batch" ? ", one step per batch" : ", one step per epoch");
  return [
    `${fn}: the schedule's horizon does not fit this run of ${plural(steps, "step")} (${run}):`,
    ...findings,
    `Or let the callback stretch it to the run: scheduleCallback(model, schedule, { horizon: "fit" }).`,
  ].join("\n");
}
