/**
 * TensorFlow.js optimizers by name, with the defaults of tfjs-layers' string optimizers.
 *
 * @module
 */
import type { Optimizer } from "@tensorflow/tfjs-core";
import type { OptimizerEntry } from "./optimizerEntry.js";
import { isOptimizerName, OPTIMIZER_NAMES, type OptimizerName } from "./optimizerName.js";
import { formatRange, inRange, OPTION_KINDS, type OptimizerOptions } from "./optimizerOptions.js";
import { OPTIMIZERS } from "./optimizers.js";

function check(name: OptimizerName, entry: OptimizerEntry, options: OptimizerOptions): void {
  const accepted = ["lr", ...Object.keys(entry.options)];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!accepted.includes(key))
      throw new TypeError(
        `createOptimizer: ${name} has no option "${key}" (options: ${accepted.join(", ")})`,
      );
    const kind = OPTION_KINDS[key as keyof OptimizerOptions];
    if (kind !== "boolean" && !inRange(value, kind))
      throw new RangeError(`createOptimizer: ${key} must be a number in ${formatRange(kind)}, got ${value}`);
    if (kind === "boolean" && typeof value !== "boolean")
      throw new TypeError(`createOptimizer: ${key} must be true or false, got ${JSON.stringify(value)}`);
  }
}

/**
 * A TensorFlow.js optimizer by name: `tf.train.<name>(...)` with the defaults of its entry of
 * {@link OPTIMIZERS} (tfjs-layers' default learning rates, a momentum of 0.9 for `"momentum"`).
 * The caller owns it (free it with {@link disposeOptimizer}).
 *
 * @param name - sgd, momentum, adam, adamax, rmsprop, adagrad or adadelta.
 * @param options - see {@link OptimizerOptions}; each optimizer takes those its entry lists.
 * @throws TypeError for an unknown name or an option the optimizer does not have; RangeError for
 *   a value outside its range.
 * @example
 * ```ts
 * const optimizer = createOptimizer("momentum", { lr: 0.1, momentum: 0.9 });
 * ```
 */
export function createOptimizer(name: OptimizerName, options: OptimizerOptions = {}): Optimizer {
  if (!isOptimizerName(name))
    throw new TypeError(
      `createOptimizer: name must be one of ${OPTIMIZER_NAMES.join(", ")}, got ${JSON.stringify(name)}`,
    );
  const entry: OptimizerEntry = OPTIMIZERS[name];
  check(name, entry, options);
  const given = options as Record<string, unknown>;
  const values = Object.fromEntries(
    Object.entries(entry.options).map(([key, value]) => [key, given[key] ?? value]),
  );
  return entry.create(options.lr ?? entry.lr, values);
}
