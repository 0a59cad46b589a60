/**
 * What a compare's coordinator and its queue workers exchange through BullMQ: the queue's name,
 * a job's data (one run of one comparison), what a worker reports as the job's progress, and what
 * a finished job returns. Plain JSON only: it lives in Redis.
 *
 * @module
 */
import type { ScheduleSpec } from "lrkit";
import type { DamagedCheckpoint } from "../checkpoint/newestCheckpoint.js";
import type { EpochSummary } from "../results/schema.js";
import type { BatchEvent, RunSetup } from "../runner/protocol.js";

/** The BullMQ queue every comparison's runs go to. */
export const QUEUE_NAME = "lrkit-compare";

/** The Redis key of a comparison's initial weights (`encodeWeights`). */
export const weightsKey = (comparison: string) => `lrkit:compare:${comparison}:weights`;

/** The checkpoint key of a comparison's run. */
export const runKey = (comparison: string, index: number) => `${comparison}-${index}`;

/** One run of a comparison, as a job. */
export interface RunJob {
  /** The comparison's id (a UUID). */
  readonly comparison: string;
  /**
   * Where the model and the data come from, as the coordinator was given it: each worker turns it
   * into an experiment module with its resolver (the CLI: a config's model, data or module).
   */
  readonly source: unknown;
  /** How every run trains (the worker may train on another backend). */
  readonly setup: RunSetup;
  /** The coordinator's experiment hash: a worker whose own differs refuses the job. */
  readonly experimentHash: string;
  /** Epochs finished when the job ends (a rung of successive halving, or all of them). */
  readonly untilEpoch: number;
  /** The run's index in the comparison. */
  readonly index: number;
  /** The run's name, for the workers' logs. */
  readonly name: string;
  readonly spec: ScheduleSpec;
  readonly unit: "epoch" | "batch";
}

/** What a worker reports as a job's progress (BullMQ job progress, relayed by queue events). */
export type RunProgressEvent =
  | {
      readonly type: "started";
      /** The worker, `host:pid:slot`. */
      readonly worker: string;
      readonly weightsSha256: string;
      readonly parameters: number;
    }
  | {
      /** The run continues from its checkpoint after `epoch` epochs (0: from scratch). */
      readonly type: "resumed";
      readonly worker: string;
      readonly epoch: number;
      /** The finished epochs' records, from the checkpoint. */
      readonly history: readonly EpochSummary[];
      /** Newer checkpoints found damaged and passed over. */
      readonly damaged: readonly DamagedCheckpoint[];
    }
  | ({ readonly type: "batch" } & BatchEvent)
  | { readonly type: "epoch"; readonly record: EpochSummary; readonly firstBatchLoss?: number };

/** What a finished job returns: the whole run, so that no lost progress event loses an epoch. */
export interface RunJobResult {
  readonly stopped: "completed" | "aborted";
  readonly seconds: number;
  readonly examplesPerSecond: number;
  readonly worker: string;
  readonly weightsSha256: string;
  readonly parameters: number;
  readonly firstBatchLoss?: number;
  /** Every finished epoch of the run, those of its checkpoint included. */
  readonly epochs: readonly EpochSummary[];
}

/** The custom queue event a worker publishes when it refuses a comparison. */
export const REFUSED_EVENT = "lrkit-refused";

/** What a refusing worker says. */
export interface RefusedEvent {
  readonly comparison: string;
  readonly worker: string;
  readonly message: string;
}

/** A run of a comparison as BullMQ's job: its name, data and options. */
export interface RunJobOrder {
  readonly name: string;
  readonly data: RunJob;
  readonly opts: {
    readonly jobId: string;
    readonly attempts: number;
    readonly removeOnComplete: { readonly age: number };
    readonly removeOnFail: { readonly age: number };
  };
}

/**
 * The job of `segment` of `run`: its id names the comparison, the run and the segment's last epoch,
 * so that enqueuing it again (a job lost by Redis) is the same job.
 */
export function runJob(
  base: Pick<RunJob, "comparison" | "source" | "setup" | "experimentHash">,
  run: { readonly name: string; readonly spec: ScheduleSpec; readonly unit: "epoch" | "batch" },
  segment: { readonly run: number; readonly untilEpoch: number },
): RunJobOrder {
  return {
    name: run.name,
    data: {
      ...base,
      untilEpoch: segment.untilEpoch,
      index: segment.run,
      name: run.name,
      spec: run.spec,
      unit: run.unit,
    },
    opts: {
      jobId: `${base.comparison}-${segment.run}-${segment.untilEpoch}`,
      attempts: 1,
      // The coordinator removes its jobs at the end; one still active then goes an hour later.
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 3600 },
    },
  };
}
