/**
 * The vocabulary of lint: diagnostics, the training plan a schedule is checked against, options,
 * and the shape of a rule.
 *
 * @module
 */
import type { Schedule } from "../schedule.js";
import type { SpecStructure } from "./structure.js";

/** How bad a finding is. `"error"` is a schedule that will not train as meant; the CLI exits 1. */
export type Severity = "info" | "warning" | "error";

/** One finding of {@link lint}. Plain JSON. */
export interface Diagnostic {
  /** The rule, in kebab-case, e.g. `"start-near-zero"`. */
  readonly code: string;
  /** How bad it is. */
  readonly severity: Severity;
  /** The first step concerned (0-based, in the plan's unit), or null when it is about the whole plan. */
  readonly step: number | null;
  /** What is wrong, naming the step and the values. */
  readonly message: string;
  /** A concrete change that removes the finding. */
  readonly fix: string;
}

/**
 * How a schedule will be driven: how many times it is stepped, and in what unit.
 *
 * The schedule is evaluated at `t = 0, 1, ..., steps - 1`, once per optimizer update when
 * `unit` is `"batch"` and once per epoch when it is `"epoch"` (DESIGN: counts belong to the
 * caller). `epochs` and `stepsPerEpoch` are optional facts that let lint recognise a horizon given
 * in the wrong unit; when both are given with `unit: "batch"`, `steps` must be their product.
 *
 * @example
 * ```ts
 * const plan: TrainingPlan = { steps: 100 * 390, unit: "batch", stepsPerEpoch: 390, epochs: 100 };
 * ```
 */
export interface TrainingPlan {
  /** How many times the schedule is stepped: the values at `t = 0 .. steps - 1` are used. A positive integer. */
  readonly steps: number;
  /** What one step is: an optimizer update (`"batch"`) or an epoch. Defaults to `"batch"`. */
  readonly unit?: "batch" | "epoch";
  /** Batches (optimizer updates) per epoch. Defaults to unknown. */
  readonly stepsPerEpoch?: number;
  /** Epochs of the run. Defaults to unknown (`steps` when `unit` is `"epoch"`). */
  readonly epochs?: number;
}

/** Thresholds of the rules. Every field is optional. */
export interface LintOptions {
  /**
   * `start-near-zero` flags an lr at step 0 below this fraction of the plan's peak (when it is also
   * far below step 1's). Defaults to 1e-3.
   */
  readonly startRatio?: number;
  /**
   * `undeclared-jump` flags a one-step change larger than this fraction of the larger of the two
   * values (and much larger than the neighbouring changes). Defaults to 0.25.
   */
  readonly jumpThreshold?: number;
  /**
   * `horizon-before-plan` flags a flat tail after the horizon longer than this fraction of the plan.
   * Defaults to 0.1.
   */
  readonly flatTail?: number;
  /** At most this many `undeclared-jump` diagnostics (the last one counts the rest). Defaults to 5. */
  readonly maxJumps?: number;
}

/**
 * PyTorch's `OneCycleLR` as a plain shape (lrkit/torch's class, or its state dict): it raises
 * `ValueError` when stepped past `total_steps`. Only the one-cycle rule applies to it.
 */
export interface OneCycleLRLike {
  /** The number of steps in the cycle. */
  readonly total_steps: number;
  /** Steps already taken (0 right after construction). Defaults to 0. */
  readonly last_epoch?: number;
}

/** A normalised plan: every field known or explicitly undefined. */
export interface Plan {
  readonly steps: number;
  readonly unit: "batch" | "epoch";
  readonly stepsPerEpoch: number | undefined;
  readonly epochs: number | undefined;
}

/** Everything a rule may look at. */
export interface LintContext {
  /** The schedule, when the subject is one. */
  readonly schedule: Schedule | undefined;
  /** The PyTorch-like one-cycle object, when the subject is one. */
  readonly torch: OneCycleLRLike | undefined;
  readonly plan: Plan;
  /** `schedule(t)` for `t = 0 .. plan.steps - 1` (empty for a torch subject). */
  readonly values: Float64Array;
  /** The largest finite value of the plan (0 when there is none). */
  readonly peak: number;
  /** The spec tree, placed on the plan's steps. */
  readonly structure: SpecStructure;
  readonly options: Required<LintOptions>;
}

/** A lint rule: a code, its usual severity, one line of help, and the check. */
export interface LintRule {
  /** The code of its diagnostics. */
  readonly code: string;
  /** The severity it usually reports (`undeclared-jump` lowers it to info inside opaque presets). */
  readonly severity: Severity;
  /** What it checks, in one line. */
  readonly summary: string;
  /** Returns the rule's diagnostics for `ctx`. */
  readonly check: (ctx: LintContext) => readonly Diagnostic[];
}
