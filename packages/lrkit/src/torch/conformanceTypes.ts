/**
 * The golden schema of `shared/golden/torch` (README there): a case file is an array of
 * {@link CaseSpec}; a trace file is a {@link TraceFile}. Non-finite numbers are the strings
 * `"NaN"`, `"Infinity"`, `"-Infinity"` everywhere.
 *
 * @module
 */

/** A JSON number as the golden files write it. */
export type GoldenNumber = number | "NaN" | "Infinity" | "-Infinity";

/** A scheduler of a case: its class name, keyword arguments, and nested schedulers. */
export interface SchedulerSpecCase {
  /** The class name in `torch.optim.lr_scheduler`, e.g. `"StepLR"`. */
  scheduler: string;
  /** The constructor's keyword arguments (without the optimizer and the schedulers). */
  kwargs?: Record<string, unknown>;
  /** The schedulers of a `SequentialLR` or `ChainedScheduler`, built first, in order. */
  schedulers?: SchedulerSpecCase[];
}

/** One case: an optimizer, a scheduler, and how to step it. */
export interface CaseSpec extends SchedulerSpecCase {
  /** A unique name. */
  id: string;
  /** `torch.optim.<type>(param_groups or one group, **defaults)`. */
  optimizer: {
    type: string;
    defaults?: Record<string, unknown>;
    param_groups?: Record<string, unknown>[] | null;
  };
  /** The number of iterations N. */
  steps: number;
  /** `ReduceLROnPlateau`: the metric passed at iteration t. */
  metrics?: unknown[] | null;
  /** `step(epoch)` with this value at iteration t; `null` means `step()`. */
  step_epochs?: unknown[] | null;
  /** The iteration after which the state is saved and resumed. Defaults to `floor(N / 2)`. */
  state_dict_at?: number;
}

/** An error of a case: where it happened and PyTorch's exception. */
export interface TraceError {
  phase: "construct" | "step";
  /** The iteration whose `scheduler.step()` raised; `null` at construction. */
  at_step: number | null;
  /** The Python exception class, e.g. `"ValueError"`. */
  type: string;
  /** `str(exception)`. */
  message: string;
  /** The scheduler's `last_epoch` after the error (`null` at construction or without one). */
  last_epoch_after_error: GoldenNumber | null;
}

/** The state right after construction. */
export interface TraceInitial {
  lr: GoldenNumber[];
  last_lr: GoldenNumber[] | null;
  last_epoch: GoldenNumber | null;
  initial_lr: (GoldenNumber | null)[];
  momentum?: (GoldenNumber | null)[];
}

/** What was recorded at every iteration. */
export interface TraceRecord {
  /** The lr of every group used by step t (read before `scheduler.step()`). */
  lr: GoldenNumber[][];
  /** `get_last_lr()` after the step of iteration t. */
  last_lr: GoldenNumber[][];
  /** `last_epoch` after the step (`null` for `ChainedScheduler`). */
  last_epoch: (GoldenNumber | null)[];
  /** CyclicLR / OneCycleLR anywhere in the case: momentum or `betas[0]` per group, aligned with `lr`. */
  momentum?: (GoldenNumber | null)[][];
  /** ReduceLROnPlateau (`best`, `num_bad_epochs`, `cooldown_counter`) or CAWR (`T_cur`, `T_i`). */
  extra?: Record<string, GoldenNumber>[];
}

/** The save-and-resume check. */
export interface StateDictCheck {
  /** k: the state is taken after k scheduler steps. */
  at_step: number;
  /** The scheduler's `state_dict()`. */
  state_dict: unknown;
  /** Whether the state serializes: always `"ok"` here (plain JSON). */
  state_dict_pickle: string;
  /** The optimizer's groups at step k. */
  optimizer_param_groups: unknown[];
  /** The first 50 lr records of the resumed run (iterations k, k+1, ...). */
  resumed_lr_head: GoldenNumber[][];
  /** The first 50 `get_last_lr()` records of the resumed run. */
  resumed_last_lr_head: GoldenNumber[][];
  /** The resumed run's error, if any. */
  resume_error: { at_step: number; type: string; message: string } | null;
  /** Whether the resumed tail equals the uninterrupted run. */
  matches: boolean;
}

/** A case with its trace. */
export interface TraceCase extends CaseSpec {
  initial: TraceInitial | null;
  trace: TraceRecord | null;
  error: TraceError | null;
  /** Distinct warnings, `"UserWarning: <first 140 characters>"`. */
  warnings: string[];
  state_dict_check: StateDictCheck | null;
}

/** A trace file. */
export interface TraceFile {
  generator: string;
  torch_version: string;
  python_version: string;
  cases_file: string | null;
  cases: TraceCase[];
}
