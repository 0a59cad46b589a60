/**
 * The results of a compare as plain JSON (what `results.json` holds and `--json` prints), built
 * from the pool's records, with each schedule's lint diagnostics against the run's plan.
 *
 * @module
 */
import { cpus, totalmem } from "node:os";
import { fromSpec, lint, type Diagnostic, type ScheduleSpec, type TrainingPlan } from "lrkit";
import type { FindReport } from "../commands/find.js";
import type { CompareConfig, RunSpec } from "./config.js";
import type { RunRecord } from "./pool.js";
import type { EpochSummary } from "./protocol.js";

/** The final figures of a run: its last finished epoch, and its best test accuracy. */
export interface FinalFigures {
  /** Epochs finished. */
  readonly epochs: number;
  readonly trainLoss: number;
  readonly trainAcc: number;
  readonly testLoss: number;
  readonly testAcc: number;
  /** The best test accuracy after any epoch, and that epoch. */
  readonly bestTestAcc: number;
  readonly bestEpoch: number;
  /** Wall seconds of the run. */
  readonly seconds: number;
  /** Training examples per second (updates only). */
  readonly examplesPerSecond: number;
}

/** One run in the results. */
export interface RunResult {
  readonly name: string;
  /** The schedule's JSON spec. */
  readonly spec: ScheduleSpec;
  /** The spec in the text syntax. */
  readonly text: string;
  readonly unit: "epoch" | "batch";
  /** completed, aborted (Ctrl-C: finished epochs kept), failed, or skipped (never started). */
  readonly status: RunRecord["status"];
  readonly epochs: readonly EpochSummary[];
  /** Null when no epoch finished. */
  readonly final: FinalFigures | null;
  /** The starting point: the same for every run (SHA-256 of the initial weights, and the first loss). */
  readonly init: { weightsSha256: string; parameters: number; firstBatchLoss: number | null } | null;
  /** `lint(schedule, plan)` for the run's plan. */
  readonly lint: readonly Diagnostic[];
  readonly note?: string;
  readonly published?: RunSpec["published"];
  readonly error?: string;
}

/** The scale of the experiment. */
export interface Scale {
  readonly trainSize: number;
  readonly testSize: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Updates per epoch: ceil(trainSize / batchSize). */
  readonly stepsPerEpoch: number;
  /** What differs from the experiment being reproduced, if anything. */
  readonly notes: readonly string[];
}

/** Where it ran. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly platform: string;
  readonly node: string;
  /** The TensorFlow.js backend of the workers, and why. */
  readonly backend: string | null;
  readonly backendReason: string | null;
  readonly workers: number;
  /** Wall seconds of the whole compare (training only; the LR finder has its own). */
  readonly wallSeconds: number;
  /** When it finished (ISO 8601). */
  readonly finishedAt: string;
}

/** Everything a compare produced. */
export interface CompareResults {
  readonly runs: readonly RunResult[];
  /** The validated config (sizes filled in, specs as JSON). */
  readonly config: CompareConfig & { readonly trainSize: number; readonly testSize: number };
  readonly scale: Scale;
  readonly machine: Machine;
  /** The LR range test run before the compare (`lrkit demo`), or null. */
  readonly finder: FindReport | null;
  /** "completed", or "interrupted" when Ctrl-C stopped it (the finished epochs are kept). */
  readonly stopped: "completed" | "interrupted";
  /** The command line that produced it (`lrkit demo --full`), when known. */
  readonly command?: string;
}

/** The lint plan of a run: `epochs` epochs of `stepsPerEpoch` updates, stepped per `unit`. */
export function runPlan(unit: "epoch" | "batch", epochs: number, stepsPerEpoch: number): TrainingPlan {
  return { steps: unit === "epoch" ? epochs : epochs * stepsPerEpoch, unit, epochs, stepsPerEpoch };
}

/**
 * The lr the trainer records for each epoch (that of its last update): `s(e)` per epoch,
 * `s((e + 1) * stepsPerEpoch - 1)` per batch.
 */
export function epochLrs(
  spec: ScheduleSpec,
  unit: "epoch" | "batch",
  epochs: number,
  stepsPerEpoch: number,
): number[] {
  const s = fromSpec(spec);
  return Array.from({ length: epochs }, (_, e) => s(unit === "epoch" ? e : (e + 1) * stepsPerEpoch - 1));
}

function finalFigures(epochs: readonly EpochSummary[], record: RunRecord): FinalFigures | null {
  const last = epochs.at(-1);
  if (!last) return null;
  let best = epochs[0]!;
  for (const e of epochs) if (e.testAcc > best.testAcc) best = e;
  const trainSeconds = epochs.reduce((s, e) => s + e.seconds, 0);
  return {
    epochs: epochs.length,
    trainLoss: last.trainLoss,
    trainAcc: last.trainAcc,
    testLoss: last.testLoss,
    testAcc: last.testAcc,
    bestTestAcc: best.testAcc,
    bestEpoch: best.epoch,
    seconds: record.seconds ?? trainSeconds,
    examplesPerSecond:
      record.examplesPerSecond ?? epochs.reduce((s, e) => s + e.examplesPerSecond, 0) / epochs.length,
  };
}

/** A run's entry in the results. */
export function runResult(run: RunSpec, record: RunRecord, scale: Scale): RunResult {
  const epochs = [...record.epochs].sort((a, b) => a.epoch - b.epoch);
  return {
    name: run.name,
    spec: run.spec,
    text: run.text,
    unit: run.unit,
    status: record.status,
    epochs,
    final: finalFigures(epochs, record),
    init:
      record.weightsSha256 === undefined
        ? null
        : {
            weightsSha256: record.weightsSha256,
            parameters: record.parameters ?? 0,
            firstBatchLoss: record.firstBatchLoss ?? null,
          },
    lint: lint(fromSpec(run.spec), runPlan(run.unit, scale.epochs, scale.stepsPerEpoch)),
    ...(run.note !== undefined ? { note: run.note } : {}),
    ...(run.published !== undefined ? { published: run.published } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
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
