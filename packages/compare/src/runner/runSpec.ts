/**
 * One run of a compare as the results keep it: a named schedule and its unit.
 *
 * @module
 */
import type { ScheduleSpec } from "lrkit";
import type { Published } from "../results/schema.js";

/** A named schedule, stepped per epoch or per update. */
export interface RunSpec {
  readonly name: string;
  /** The schedule's JSON spec. */
  readonly spec: ScheduleSpec;
  /** The spec in the text syntax. */
  readonly text: string;
  readonly unit: "epoch" | "batch";
  readonly note?: string;
  readonly published?: Published;
}
