/**
 * One stepping interface over the three sources of hyperparameters a callback accepts: an lrkit
 * `Schedule`, a `Scheduler`, or an `lrkit/torch` scheduler.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import { isSchedule, Scheduler, type Json, type Schedule, type SchedulerState } from "lrkit";
import { hasMomentum, setLearningRate, setMomentum } from "../optimizers/hyperparameters.js";
import { optimizerName } from "../optimizers/optimizerName.js";
import { isTorchScheduler, type TorchParamGroup, type TorchSchedulerLike } from "./torch.js";

/** What a callback can drive: see {@link scheduleCallback}. */
export type ScheduleSource = Schedule | Scheduler | TorchSchedulerLike;

/** The hyperparameters of the next update. */
export interface HyperparameterValues {
  /** The learning rate. */
  readonly lr: number;
  /** The momentum (Adam's and Adamax's beta1), when the source schedules it. */
  readonly momentum?: number;
}

/** A driver's state as JSON: the lrkit scheduler's state, or the torch scheduler's and its groups. */
export type DriverState =
  | { readonly scheduler: SchedulerState }
  | { readonly torch: { readonly state: Record<string, Json>; readonly paramGroups: readonly Json[] } };

/** A source of hyperparameters, stepped by its caller. */
export interface Driver {
  /** The values of the next update. */
  values(): HyperparameterValues;
  /** Counts a completed step (an update or an epoch). */
  step(): void;
  /** Feeds a metric to the plateau policy (lrkit) or to a metric-driven torch scheduler's `step(metric)`. */
  observe(metric: number): void;
  /** True when the source reacts to a metric. */
  readonly observes: boolean;
  /** The state, as JSON. */
  state(): DriverState;
}

const KNOWN = ["lr", "momentum", "beta1"];

function lrkitDriver(fn: string, source: Schedule | Scheduler, state: DriverState | undefined): Driver {
  if (state !== undefined && !("scheduler" in state))
    throw new TypeError(`${fn}: state is not the state of an lrkit schedule or Scheduler`);
  let scheduler: Scheduler;
  if (isSchedule(source)) scheduler = new Scheduler(source, state ? { state: state.scheduler } : {});
  else scheduler = state ? Scheduler.restore(source.spec, state.scheduler) : source;
  const names = Object.keys(scheduler.spec.schedules);
  const unknown = names.find((n) => !KNOWN.includes(n));
  if (unknown !== undefined)
    throw new TypeError(
      `${fn}: the Scheduler schedules "${unknown}", which a tfjs optimizer does not have (lr, momentum, beta1)`,
    );
  if (names.includes("momentum") && names.includes("beta1"))
    throw new TypeError(
      `${fn}: the Scheduler schedules both momentum and beta1; they are the same for a tfjs optimizer`,
    );
  const momentumName = names.includes("beta1")
    ? "beta1"
    : names.includes("momentum")
      ? "momentum"
      : undefined;
  const observes = scheduler.spec.plateau !== undefined;
  return {
    values: () => {
      const lr = scheduler.lr;
      return momentumName ? { lr, momentum: scheduler.value(momentumName) } : { lr };
    },
    step: () => void scheduler.step(),
    observe: (metric) => void scheduler.observe(metric),
    observes,
    state: () => ({ scheduler: scheduler.state }),
  };
}

/**
 * True for a torch scheduler whose `step` needs the metric: PyTorch's `ReduceLROnPlateau`, known by
 * the attributes its state is made of (`is_better`, `num_bad_epochs`), so that `lrkit/torch`'s class
 * and anything shaped like it are recognised without importing `lrkit/torch` at run time.
 *
 * @example
 * ```ts
 * isMetricDriven(new ReduceLROnPlateau(torchOptimizer(optimizer), { patience: 2 })); // true
 * isMetricDriven(new StepLR(torchOptimizer(optimizer), { step_size: 10 })); // false
 * ```
 */
export function isMetricDriven(source: TorchSchedulerLike): boolean {
  const s = source as Partial<Record<"is_better" | "num_bad_epochs", unknown>>;
  return typeof s.is_better === "function" && typeof s.num_bad_epochs === "number";
}

function torchDriver(fn: string, source: TorchSchedulerLike, state: DriverState | undefined): Driver {
  const metricDriven = isMetricDriven(source);
  if (state !== undefined) {
    if (!("torch" in state)) throw new TypeError(`${fn}: state is not the state of a torch scheduler`);
    const groups = source.optimizer.param_groups;
    if (state.torch.paramGroups.length !== groups.length)
      throw new RangeError(
        `${fn}: state has ${state.torch.paramGroups.length} param groups, the scheduler's optimizer ${groups.length}`,
      );
    state.torch.paramGroups.forEach((g, i) => Object.assign(groups[i]!, structuredClone(g)));
    source.load_state_dict(structuredClone(state.torch.state) as Record<string, Json>);
  }
  const group = (): TorchParamGroup => {
    const g = source.optimizer.param_groups[0];
    if (!g) throw new TypeError(`${fn}: the torch scheduler's optimizer has no param groups`);
    return g;
  };
  return {
    values: () => {
      const g = group();
      const momentum = Array.isArray(g.betas) ? g.betas[0] : g.momentum;
      return momentum === undefined ? { lr: g.lr } : { lr: g.lr, momentum };
    },
    step: () => {
      if (!metricDriven) source.step();
    },
    observe: (metric) => source.step(metric),
    observes: metricDriven,
    state: () => ({
      torch: {
        state: structuredClone(source.state_dict()),
        paramGroups: source.optimizer.param_groups.map((g) => structuredClone(g) as Json),
      },
    }),
  };
}

/**
 * The driver of `source`, starting from `state` when given. A torch scheduler that steps on a
 * metric (ReduceLROnPlateau, see {@link isMetricDriven}) observes: `observe(metric)` calls
 * `step(metric)` and `step()` does nothing; so does a Scheduler with a plateau policy.
 *
 * @throws TypeError for a source that is none of the three, a Scheduler with hyperparameters a
 *   tfjs optimizer does not have, or a state of the other kind.
 */
export function makeDriver(fn: string, source: ScheduleSource, state?: DriverState): Driver {
  if (isTorchScheduler(source)) return torchDriver(fn, source, state);
  if (isSchedule(source) || source instanceof Scheduler) return lrkitDriver(fn, source, state);
  throw new TypeError(`${fn}: schedule must be an lrkit Schedule, a Scheduler or an lrkit/torch scheduler`);
}

/**
 * Writes `values` into `optimizer` (see {@link setLearningRate}, {@link setMomentum}). A momentum
 * of 0 for an optimizer without momentum is skipped (PyTorch's SGD groups carry `momentum: 0`).
 *
 * @throws TypeError for a non-zero momentum on an optimizer without one; RangeError for values
 *   out of range.
 */
export function applyValues(fn: string, optimizer: Optimizer, values: HyperparameterValues): void {
  setLearningRate(optimizer, values.lr);
  if (values.momentum === undefined) return;
  if (hasMomentum(optimizer)) setMomentum(optimizer, values.momentum);
  else if (values.momentum !== 0)
    throw new TypeError(
      `${fn}: the schedule sets momentum ${values.momentum}, but a ${optimizerName(optimizer)} optimizer has none`,
    );
}
