/**
 * The stepping adapter: a record of named schedules (`lr`, `momentum`, ...), a step counter and an
 * optional plateau policy, with plain JSON state for checkpoints.
 *
 * @module
 */
import { plateau, type PlateauOptions, type PlateauPolicy, type PlateauState } from "./plateau.js";
import { isSchedule, type Schedule, type ScheduleSpec } from "./schedule.js";
import { checkState, restoreSchedules } from "./schedulerCheckpoint.js";

/** How a {@link Scheduler} was made, as JSON. */
export interface SchedulerSpec {
  /** The schedule of each hyperparameter, by name; `lr` is the learning rate. */
  readonly schedules: Readonly<Record<string, ScheduleSpec>>;
  /** The plateau policy's options, if any (it scales `lr` only). */
  readonly plateau?: PlateauOptions;
}

/** Where a {@link Scheduler} is, as JSON: enough to resume the exact same sequence. */
export interface SchedulerState {
  /** Completed steps. */
  readonly step: number;
  /** The plateau policy's state, if any. */
  readonly plateau?: PlateauState;
}

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  /** Reduce `lr` further when a metric plateaus. Defaults to none. */
  readonly plateau?: PlateauOptions;
  /** Start from this state (a checkpoint). Defaults to step 0. */
  readonly state?: SchedulerState;
}

/**
 * Drives one or several schedules step by step. `scheduler.lr` is the learning rate for the next
 * update, `schedules.lr(step)` times the plateau factor; `step()` counts a completed update;
 * `observe(metric)` feeds the plateau policy (typically once per epoch). The whole state is
 * `scheduler.state`, a small JSON value, and `Scheduler.restore(spec, state)` continues the exact
 * same sequence.
 *
 * @example
 * ```ts
 * const s = new Scheduler({ lr: warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 }), momentum: constant({ lr: 0.9 }) },
 *   { plateau: { patience: 3 } });
 * optimizer.lr = s.lr; train(); s.step();
 * s.observe(validationLoss);
 * const checkpoint = { spec: s.spec, state: s.state };
 * const resumed = Scheduler.restore(checkpoint.spec, checkpoint.state);
 * ```
 */
export class Scheduler {
  readonly #schedules: Readonly<Record<string, Schedule>>;
  readonly #names: readonly string[];
  readonly #lr: Schedule;
  readonly #policy: PlateauPolicy | undefined;
  #step: number;
  #plateau: PlateauState | undefined;

  /**
   * @param schedules - a schedule for `lr`, or a record of named schedules that includes `lr`.
   * @param options - a plateau policy and a state to start from.
   * @throws TypeError when there is no `lr` schedule or a value is not a schedule; RangeError for
   *   a negative or fractional starting step.
   */
  constructor(schedules: Schedule | Readonly<Record<string, Schedule>>, options: SchedulerOptions = {}) {
    const record = isSchedule(schedules) ? { lr: schedules } : { ...schedules };
    if (!isSchedule(record.lr)) throw new TypeError("Scheduler: schedules must include an lr schedule");
    for (const [name, s] of Object.entries(record)) {
      if (!isSchedule(s)) throw new TypeError(`Scheduler: schedules.${name} must be a schedule`);
    }
    this.#schedules = record;
    this.#names = Object.keys(record);
    this.#lr = record.lr;
    this.#policy = options.plateau === undefined ? undefined : plateau(options.plateau);
    const step = options.state?.step ?? 0;
    if (!Number.isInteger(step) || step < 0)
      throw new RangeError(`Scheduler: state.step must be a non-negative integer, got ${step}`);
    this.#step = step;
    this.#plateau = this.#policy ? (options.state?.plateau ?? this.#policy.init()) : undefined;
  }

  /** Completed steps. */
  get steps(): number {
    return this.#step;
  }

  /** The learning rate for the next update. */
  get lr(): number {
    // Small on purpose: inlined where it is read, with no lookup by name and nothing allocated.
    const v = this.#lr(this.#step);
    return this.#plateau === undefined ? v : v * this.#policy!.factor(this.#plateau);
  }

  /**
   * The value of hyperparameter `name` for the next update.
   *
   * @throws TypeError for a name without a schedule.
   */
  value(name: string): number {
    if (name === "lr") return this.lr;
    const s = this.#schedules[name];
    if (!s) throw new TypeError(`Scheduler: no schedule named "${name}" (have ${this.#names.join(", ")})`);
    return s(this.#step);
  }

  /** Every hyperparameter's value for the next update (one new record, nothing else allocated). */
  values(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of this.#names) out[name] = this.value(name);
    return out;
  }

  /** Counts one completed update; returns this. */
  step(): this {
    this.#step += 1;
    return this;
  }

  /**
   * Feeds a metric to the plateau policy, which may cut the lr from the next update on.
   *
   * @throws TypeError when the scheduler has no plateau policy.
   */
  observe(metric: number): this {
    if (!this.#policy || !this.#plateau) throw new TypeError("Scheduler: observe() needs a plateau policy");
    this.#plateau = this.#policy.update(this.#plateau, metric, this.lr);
    return this;
  }

  /** The current state, as JSON. */
  get state(): SchedulerState {
    return this.#plateau ? { step: this.#step, plateau: this.#plateau } : { step: this.#step };
  }

  /** How this scheduler was made, as JSON. */
  get spec(): SchedulerSpec {
    const schedules = Object.fromEntries(Object.entries(this.#schedules).map(([k, s]) => [k, s.spec]));
    return this.#policy ? { schedules, plateau: this.#policy.options } : { schedules };
  }

  /**
   * Rebuilds a scheduler from its spec and a saved state; it continues the exact same sequence.
   * Both are checked first, as a checkpoint may come from anywhere: the state must be one this
   * spec can reach (a step, and a plateau state exactly when the spec has a policy, each field
   * in its range).
   *
   * @throws SpecError for an invalid schedule spec (its path from `spec.schedules`);
   *   ParameterTypeError or ParameterRangeError naming the field of a bad spec or state
   *   (`state.plateau.scale`), a missing state included.
   */
  static restore(spec: SchedulerSpec, state: SchedulerState): Scheduler {
    const schedules = restoreSchedules(spec);
    const checked = checkState(spec, state);
    return new Scheduler(
      schedules,
      spec.plateau === undefined ? { state: checked } : { plateau: spec.plateau, state: checked },
    );
  }
}
