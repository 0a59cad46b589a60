/**
 * TensorFlow.js optimizers by name, with the defaults of tfjs-layers' string optimizers.
 *
 * @module
 */
import { train, type Optimizer } from "@tensorflow/tfjs-core";
import { OPTIMIZER_NAMES, type OptimizerName } from "./optimizerName.js";

/** Options of {@link createOptimizer}; each optimizer takes the ones it has. */
export interface OptimizerOptions {
  /**
   * The learning rate. Defaults to tfjs-layers' defaults: sgd, momentum and adagrad 0.01, adam
   * and rmsprop 0.001, adamax 0.002, adadelta 1.
   */
  readonly lr?: number;
  /** momentum: the momentum (defaults to 0.9); rmsprop: its momentum (defaults to 0). */
  readonly momentum?: number;
  /** momentum: Nesterov's variant. Defaults to false. */
  readonly nesterov?: boolean;
  /** adam, adamax: the first-moment decay. Defaults to 0.9. */
  readonly beta1?: number;
  /** adam, adamax: the second-moment decay. Defaults to 0.999. */
  readonly beta2?: number;
  /** rmsprop: the decay of the mean square. Defaults to 0.9. adamax: the lr decay. Defaults to 0. */
  readonly decay?: number;
  /** adadelta: the decay. Defaults to 0.95. */
  readonly rho?: number;
  /** rmsprop: the centered variant. Defaults to false. */
  readonly centered?: boolean;
  /** adagrad: the initial accumulator. Defaults to 0.1. */
  readonly initialAccumulatorValue?: number;
  /** adam, adamax, rmsprop, adadelta: epsilon. Defaults to the backend's (1e-7 in float32). */
  readonly epsilon?: number;
}

const DEFAULT_LR: Record<OptimizerName, number> = {
  sgd: 0.01,
  momentum: 0.01,
  adam: 0.001,
  adamax: 0.002,
  rmsprop: 0.001,
  adagrad: 0.01,
  adadelta: 1,
};

const ACCEPTS: Record<OptimizerName, readonly (keyof OptimizerOptions)[]> = {
  sgd: ["lr"],
  momentum: ["lr", "momentum", "nesterov"],
  adam: ["lr", "beta1", "beta2", "epsilon"],
  adamax: ["lr", "beta1", "beta2", "epsilon", "decay"],
  rmsprop: ["lr", "decay", "momentum", "epsilon", "centered"],
  adagrad: ["lr", "initialAccumulatorValue"],
  adadelta: ["lr", "rho", "epsilon"],
};

/** [min, max) for the numeric options; open below where marked. */
const RANGES: Partial<Record<keyof OptimizerOptions, [number, number, boolean?]>> = {
  lr: [0, Infinity],
  momentum: [0, 1],
  beta1: [0, 1],
  beta2: [0, 1],
  decay: [0, 1],
  rho: [0, 1],
  initialAccumulatorValue: [0, Infinity],
  epsilon: [0, Infinity, true],
};

function check(name: OptimizerName, options: OptimizerOptions): void {
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!ACCEPTS[name].includes(key as keyof OptimizerOptions))
      throw new TypeError(
        `createOptimizer: ${name} has no option "${key}" (options: ${ACCEPTS[name].join(", ")})`,
      );
    const range = RANGES[key as keyof OptimizerOptions];
    if (range) {
      const [lo, hi, open] = range;
      const ok =
        typeof value === "number" &&
        Number.isFinite(value) &&
        (open ? value > lo : value >= lo) &&
        value < hi;
      if (!ok)
        throw new RangeError(
          `createOptimizer: ${key} must be a number in ${open ? "(" : "["}${lo}, ${hi === Infinity ? "∞" : hi}), got ${value}`,
        );
    } else if (typeof value !== "boolean") {
      throw new TypeError(`createOptimizer: ${key} must be true or false, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * A TensorFlow.js optimizer by name: `tf.train.<name>(...)` with tfjs-layers' default learning
 * rates and a momentum of 0.9 for `"momentum"`. The caller owns it (`optimizer.dispose()`).
 *
 * @param name - sgd, momentum, adam, adamax, rmsprop, adagrad or adadelta.
 * @param options - see {@link OptimizerOptions}; each optimizer takes its own.
 * @throws TypeError for an unknown name or an option the optimizer does not have; RangeError for
 *   a value outside its range.
 * @example
 * ```ts
 * const optimizer = createOptimizer("momentum", { lr: 0.1, momentum: 0.9 });
 * ```
 */
export function createOptimizer(name: OptimizerName, options: OptimizerOptions = {}): Optimizer {
  if (!OPTIMIZER_NAMES.includes(name))
    throw new TypeError(
      `createOptimizer: name must be one of ${OPTIMIZER_NAMES.join(", ")}, got ${JSON.stringify(name)}`,
    );
  check(name, options);
  const o = options;
  const lr = o.lr ?? DEFAULT_LR[name];
  switch (name) {
    case "sgd":
      return train.sgd(lr);
    case "momentum":
      return train.momentum(lr, o.momentum ?? 0.9, o.nesterov ?? false);
    case "adam":
      return train.adam(lr, o.beta1 ?? 0.9, o.beta2 ?? 0.999, o.epsilon);
    case "adamax":
      return train.adamax(lr, o.beta1 ?? 0.9, o.beta2 ?? 0.999, o.epsilon, o.decay ?? 0);
    case "rmsprop":
      return train.rmsprop(lr, o.decay ?? 0.9, o.momentum ?? 0, o.epsilon, o.centered ?? false);
    case "adagrad":
      return train.adagrad(lr, o.initialAccumulatorValue ?? 0.1);
    case "adadelta":
      return train.adadelta(lr, o.rho ?? 0.95, o.epsilon);
  }
}
