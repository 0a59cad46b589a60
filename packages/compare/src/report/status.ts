/**
 * A run's status in words, for the report.
 *
 * @module
 */
import type { RunResult } from "../results/schema.js";

/**
 * What became of a run, or "" for a completed one: "aborted", "failed", "skipped", or "pruned after
 * 2 epochs" (stopped by successive halving).
 */
export function statusText(r: RunResult): string {
  if (r.status === "completed") return "";
  if (r.status === "pruned" && r.prunedAfter !== undefined)
    return `pruned after ${r.prunedAfter} epoch${r.prunedAfter === 1 ? "" : "s"}`;
  return r.status;
}
