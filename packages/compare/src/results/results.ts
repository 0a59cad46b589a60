/**
 * The results of a compare as plain JSON, built from the runs' records, with each schedule's lint
 * diagnostics against the run's plan.
 *
 * @module
 */
import { cpus, totalmem } from "node:os";
import { fromSpec, lint, type Diagnostic, type TrainingPlan } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import type { RunRecord } from "../runner/pool.js";
import type { RunSpec } from "../runner/runSpec.js";
import { bestOf } from "./metrics.js";
import type { ExperimentSummary, FinalFigures, Machine, RunResult } from "./schema.js";

/** The lint plan of a run: `epochs` epochs of `stepsPerEpoch` updates (when known), stepped per `unit`. */
export function runPlan(
  unit: "epoch" | "batch",
  epochs: number,
  stepsPerEpoch: number | null,
): TrainingPlan | null {
  if (unit === "epoch") return { steps: epochs, unit, epochs, ...(stepsPerEpoch ? { stepsPerEpoch } : {}) };
  return stepsPerEpoch ? { steps: epochs * stepsPerEpoch, unit, epochs, stepsPerEpoch } : null;
}

function finalFigures(record: RunRecord, headline: string): FinalFigures | null {
  const epochs = record.epochs;
  const last = epochs.at(-1);
  if (!last) return null;
  return {
    epochs: epochs.length,
    metrics: last.metrics,
    best: bestOf(epochs, headline),
    seconds: record.seconds ?? epochs.reduce((s, e) => s + e.seconds, 0),
    examplesPerSecond:
      record.examplesPerSecond ?? epochs.reduce((s, e) => s + (e.examplesPerSecond ?? 0), 0) / epochs.length,
  };
}

/** lint's findings for a run's schedule against its plan. */
export type RunLinter = (run: RunSpec, plan: TrainingPlan) => Diagnostic[];

/**
 * A {@link RunLinter} that lints each run once per plan (results are built after every epoch), and
 * that never throws: a lint that fails (a plan too long to sample, a schedule that overflows the
 * stack) gives one `lint-failed` error finding with its message, so that the results are kept.
 */
export function runLinter(): RunLinter {
  const done = new Map<string, Diagnostic[]>();
  return (run, plan) => {
    const key = `${run.name}\n${JSON.stringify(plan)}`;
    let found = done.get(key);
    if (found === undefined) {
      try {
        found = lint(fromSpec(run.spec), plan);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        found = [
          {
            code: "lint-failed",
            severity: "error",
            step: null,
            message: `lint could not check this schedule against the run's plan of ${plan.steps} ${plan.unit === "epoch" ? "epochs" : "updates"}: ${message}`,
            fix: "the results are unaffected; lint the schedule on its own (`lrkit lint`) to find the cause",
          },
        ];
      }
      done.set(key, found);
    }
    return found;
  };
}

/**
 * A run's entry in the results. A run still under way is `aborted`, with its finished epochs: what
 * a stop at this moment keeps.
 */
export function runResult(
  run: RunSpec,
  record: RunRecord,
  experiment: ExperimentSummary,
  linter: RunLinter,
): RunResult {
  const epochs = [...record.epochs].sort((a, b) => a.epoch - b.epoch);
  const plan = runPlan(run.unit, experiment.epochs, experiment.stepsPerEpoch);
  return {
    name: run.name,
    spec: run.spec,
    text: run.text,
    unit: run.unit,
    status: record.status === "running" ? "aborted" : record.status,
    epochs,
    final: finalFigures({ ...record, epochs }, experiment.headline),
    init:
      record.weightsSha256 === undefined
        ? null
        : {
            weightsSha256: record.weightsSha256,
            parameters: record.parameters ?? 0,
            firstBatchLoss: record.firstBatchLoss ?? null,
          },
    lint: plan ? linter(run, plan) : [],
    ...(run.note !== undefined ? { note: run.note } : {}),
    ...(run.published !== undefined ? { published: run.published } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(record.prunedAfter !== undefined ? { prunedAfter: record.prunedAfter } : {}),
    ...(record.resumedFrom !== undefined ? { resumedFrom: record.resumedFrom } : {}),
    ...(record.damaged !== undefined ? { damagedCheckpoints: record.damaged } : {}),
  };
}

/** The machine's description. */
export function machine(
  backend: { backend: string; reason: string } | null,
  workers: number,
  wallSeconds: number,
): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    backend: backend?.backend ?? null,
    backendReason: backend?.reason ?? null,
    workers,
    wallSeconds,
    finishedAt: new Date().toISOString(),
  };
}
