/**
 * The part of `lrkit/torch`'s PyTorch-compatible schedulers that @lrkit/tfjs uses, as a
 * structural interface, and the plain optimizer shape they drive, built from a tfjs optimizer.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { Json } from "lrkit";
import type { Optimizer as PlainOptimizer, ParamGroup } from "lrkit/torch";
import { getLearningRate, getMomentum } from "../optimizers/hyperparameters.js";
import { entryOf } from "../optimizers/optimizerName.js";

/** One parameter group of a plain PyTorch-shaped optimizer (`lrkit/torch`'s `ParamGroup`). */
export type TorchParamGroup = ParamGroup;

/** A plain PyTorch-shaped optimizer: what `lrkit/torch`'s schedulers read and write (its `Optimizer`). */
export type TorchOptimizer = PlainOptimizer;

/**
 * A PyTorch-compatible scheduler from `lrkit/torch` (or anything shaped like one): it writes the
 * next lr (and momentum or `betas[0]`) into `optimizer.param_groups`, advances with `step()`
 * (`step(metric)` for ReduceLROnPlateau), and saves its state as JSON.
 */
export interface TorchSchedulerLike {
  /** The plain optimizer whose groups the scheduler writes. */
  readonly optimizer: { param_groups: TorchParamGroup[] };
  /** Advances the scheduler by one step (ReduceLROnPlateau: given the metric). */
  step(metric?: number): void;
  /** The scheduler's state as JSON. */
  state_dict(): Record<string, Json>;
  /** Restores a state from `state_dict()`. */
  load_state_dict(state: Record<string, Json>): void;
}

/**
 * True for a {@link TorchSchedulerLike}.
 *
 * @example
 * ```ts
 * isTorchScheduler(new CosineAnnealingLR(torchOptimizer(optimizer), { T_max: 10 })); // true
 * ```
 */
export function isTorchScheduler(value: unknown): value is TorchSchedulerLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<TorchSchedulerLike>;
  return (
    Array.isArray(v.optimizer?.param_groups) &&
    typeof v.step === "function" &&
    typeof v.state_dict === "function" &&
    typeof v.load_state_dict === "function"
  );
}

/**
 * The plain optimizer shape of `lrkit/torch` for a tfjs optimizer: one parameter group holding
 * its lr, plus `momentum` or `betas` as its entry of {@link OPTIMIZERS} says (`momentum`: Momentum,
 * RMSProp; `betas`: Adam, Adamax), the same keys in `defaults`. Construct `lrkit/torch` schedulers on it, then pass them to
 * {@link scheduleCallback}, which copies group 0 into the tfjs optimizer before each update.
 *
 * @throws TypeError for an object that is not one of TensorFlow.js's optimizers.
 * @example
 * ```ts
 * const optimizer = tf.train.momentum(0.1, 0.9);
 * const scheduler = new OneCycleLR(torchOptimizer(optimizer), { max_lr: 0.1, total_steps: 1000 });
 * await model.fit(xs, ys, { callbacks: [scheduleCallback(model, scheduler, { unit: "batch" })] });
 * ```
 */
export function torchOptimizer(optimizer: Optimizer): TorchOptimizer {
  const { momentum } = entryOf(optimizer, "torchOptimizer");
  const lr = getLearningRate(optimizer);
  const extra: Record<string, unknown> =
    momentum === "momentum"
      ? { momentum: getMomentum(optimizer) }
      : momentum === "beta1"
        ? { betas: [getMomentum(optimizer), (optimizer as unknown as { beta2: number }).beta2] }
        : {};
  return { param_groups: [{ lr, ...structuredClone(extra) }], defaults: { lr, ...extra } };
}
