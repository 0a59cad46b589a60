/**
 * What the Train panel needs of the rest of the page, and what its sections share.
 *
 * @module
 */
import type { ScheduleSpec } from "lrkit";
import type { TrainClient } from "./client.js";
import type { DataInfo } from "./protocol.js";
import type { TrainSettings } from "./settings.js";

/** A schedule of the editor that the panel can train. */
export interface EditorSchedule {
  /** Its letter in the editor (A, B, ...). */
  readonly letter: string;
  /** Its short label. */
  readonly label: string;
  readonly spec: ScheduleSpec;
}

/** The page, as the Train panel sees it. */
export interface TrainContext {
  /** The valid schedules of the editor. */
  schedules(): EditorSchedule[];
  /** The editor's unit of a schedule step: an update ("batch") or an epoch. */
  unit(): "batch" | "epoch";
  /** Adds schedules (spec texts) to the editor. */
  add(specs: string[]): void;
  /** The panel's settings, as the URL holds them. */
  settings(): TrainSettings;
  /** New settings from the panel's fields (the page puts them in the URL). */
  setSettings(settings: TrainSettings): void;
}

/** What the panel's sections share: the page, the worker, the data loaded, and who is busy. */
export interface Shared {
  readonly page: TrainContext;
  readonly client: TrainClient;
  /** The data and model the worker holds, once loaded. */
  data: DataInfo | undefined;
  /** True while a request that uses the model runs. */
  busy: boolean;
  /** Re-renders what depends on the data or on `busy`. */
  changed(): void;
}
