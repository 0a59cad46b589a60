/**
 * What the pool and the in-process runner do when a run's segment ends: the run's record, and the
 * segments the plan gives next (successive halving decides a rung once every run has reached it).
 *
 * @module
 */
import type { SegmentPlan, Segment } from "../halving/segmentPlan.js";
import type { PoolListener, PoolProgress } from "./pool.js";
import type { RunResumed } from "./trainRun.js";

/** How a segment ended: trained to its end (or stopped by the signal), or failed. */
export type SegmentEnd =
  | {
      readonly stopped: "completed" | "aborted";
      readonly epochs: number;
      readonly seconds: number;
      readonly examplesPerSecond: number;
    }
  | { readonly failed: string };

/**
 * Records that run `run` continues from a checkpoint: its finished epochs are the checkpoint's
 * (an earlier compare's, or its own before a rung), and the damaged checkpoints are kept.
 */
export function segmentResumed(progress: PoolProgress, run: number, from: RunResumed): void {
  const record = progress.runs[run]!;
  // Before its first epoch here: it continues an earlier compare (not its own rung's checkpoint).
  if (record.epochs.length === 0) record.resumedFrom ??= from.epoch;
  record.epochs.splice(0, record.epochs.length, ...from.history);
  if (from.firstBatchLoss !== undefined) record.firstBatchLoss = from.firstBatchLoss;
  if (from.damaged.length > 0) record.damaged = [...(record.damaged ?? []), ...from.damaged];
}

/**
 * Records how run `run`'s segment ended, and asks `plan` what follows: the run completes after
 * its last epoch, a pruned run stops at its rung, a failed or aborted one ends; `listener.finished`
 * hears of every run that ended.
 *
 * @returns the segments to train next (survivors of a rung just decided).
 */
export function segmentEnded(
  progress: PoolProgress,
  plan: SegmentPlan,
  epochs: number,
  run: number,
  end: SegmentEnd,
  listener: PoolListener,
): readonly Segment[] {
  const record = progress.runs[run]!;
  const finished = (r: number) => listener.finished?.(r, progress.runs[r]!);
  if ("failed" in end) {
    Object.assign(record, { status: "failed", error: end.failed });
    finished(run);
    return plan.reached(run, null).next;
  }
  record.seconds = (record.seconds ?? 0) + end.seconds;
  if (end.examplesPerSecond > 0) record.examplesPerSecond = end.examplesPerSecond;
  if (end.stopped === "aborted" || end.epochs >= epochs) {
    record.status = end.stopped;
    finished(run);
  }
  const headline = progress.headline;
  const values =
    end.stopped === "aborted"
      ? null
      : record.epochs.map((e) => {
          const v = e.metrics[headline];
          return typeof v === "number" ? v : null;
        });
  const step = plan.reached(run, values);
  for (const { run: r, epoch } of step.pruned) {
    Object.assign(progress.runs[r]!, { status: "pruned", prunedAfter: epoch });
    finished(r);
  }
  return step.next;
}
