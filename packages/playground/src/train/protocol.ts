/**
 * The messages between the Train panel and its worker: requests with an id, and for each the
 * progress events, then one answer or an error.
 *
 * @module
 */
import type { RangeTestResult, ScheduleSpec } from "lrkit";
import type { BackendName, EpochRecord } from "@lrkit/tfjs";
import type { ModelChoice } from "./settings.js";

/** One of @lrkit/tfjs's optimizers, as the settings offer it. */
export interface OptimizerInfo {
  /** Its name in `OPTIMIZERS` (`"sgd"`, `"adam"`, ...). */
  readonly name: string;
  /** Its TensorFlow.js class name (`"SGD"`, `"Adam"`, ...). */
  readonly className: string;
  /** Where its range test starts when the settings give no start. */
  readonly rangeTestStart: number;
}

/** The backend the worker runs on, and why (`setupBackend`'s report), and the optimizers it has. */
export interface BackendInfo {
  readonly backend: string;
  readonly reason: string;
  readonly optimizers: readonly OptimizerInfo[];
}

/** A CSV file's columns as read in the worker, for the page to pick from. */
export interface CsvPreview {
  readonly name: string;
  readonly header: string[];
  /** The first rows' cells. */
  readonly rows: string[][];
  /** Data rows in the file. */
  readonly count: number;
  /** Per column, whether every cell is a number. */
  readonly numeric: boolean[];
}

/** The data the worker holds: what it is, its size, and the model built for it. */
export interface DataInfo {
  /** What the data is: "MNIST sample" or the CSV file's name. */
  readonly name: string;
  readonly train: number;
  readonly validation: number;
  readonly classes: string[];
  /** The shape of one example. */
  readonly shape: number[];
  /** The model built (its layers in a few words), and its trainable weights. */
  readonly model: string;
  readonly weights: number;
  /** Updates of one epoch at the chosen batch size. */
  readonly batchesPerEpoch: number;
}

/** The model and the batches: what the range test and training share. */
export interface RunSettings {
  readonly model: ModelChoice;
  readonly batchSize: number;
}

/** A weights check: how many weights were compared with the initial ones, and how many differ. */
export interface WeightsCheck {
  readonly compared: number;
  readonly differing: number;
}

/** A range test's answer. */
export interface RangeTestAnswer {
  readonly result: RangeTestResult;
  /** The weights after the test against those before it. */
  readonly weights: WeightsCheck;
  readonly seconds: number;
}

/** One schedule to train. */
export interface RunRequest {
  /** Its letter in the editor. */
  readonly letter: string;
  readonly spec: ScheduleSpec;
}

/** One finished training run. */
export interface RunAnswer {
  readonly letter: string;
  /** Validation loss and accuracy of the initial weights (epoch 0 of the curves). */
  readonly initial: { readonly loss: number; readonly acc: number };
  readonly history: readonly EpochRecord[];
  readonly stopped: "completed" | "aborted";
  /** The trained weights against the initial ones. */
  readonly weights: WeightsCheck;
  readonly seconds: number;
}

/** What the page asks. */
export type Request =
  | { readonly id: number; readonly type: "backend"; readonly prefer?: BackendName }
  | { readonly id: number; readonly type: "sample"; readonly url: string; readonly settings: RunSettings }
  | { readonly id: number; readonly type: "csvRead"; readonly name: string; readonly bytes: ArrayBuffer }
  | {
      readonly id: number;
      readonly type: "csvUse";
      readonly label: string;
      readonly features: string[];
      readonly settings: RunSettings;
    }
  | { readonly id: number; readonly type: "model"; readonly settings: RunSettings }
  | {
      readonly id: number;
      readonly type: "rangeTest";
      readonly settings: RunSettings & {
        optimizer: string;
        /** Undefined for the optimizer's `rangeTestStart`. */
        start: number | undefined;
        end: number;
        iterations: number;
        trainingSteps: number;
      };
    }
  | {
      readonly id: number;
      readonly type: "train";
      readonly runs: RunRequest[];
      readonly settings: RunSettings & { optimizer: string; epochs: number; unit: "batch" | "epoch" };
    }
  | { readonly id: number; readonly type: "stop"; readonly target: number };

/** Progress of a request. */
export type Progress =
  | {
      readonly kind: "sweep";
      readonly lr: number;
      readonly loss: number;
      readonly smoothed: number;
      readonly iteration: number;
      readonly iterations: number;
    }
  | {
      readonly kind: "batch";
      readonly letter: string;
      readonly epoch: number;
      readonly batch: number;
      readonly batches: number;
      readonly loss: number;
    }
  | { readonly kind: "run"; readonly run: RunAnswer };

/** What the worker answers. */
export type Reply =
  | { readonly id: number; readonly type: "progress"; readonly progress: Progress }
  | { readonly id: number; readonly type: "done"; readonly value: unknown }
  | { readonly id: number; readonly type: "error"; readonly message: string };
