/**
 * What a compare config says about the experiment itself, as `compareSchedules` options: the
 * module, the schedules and the training setup (not how or where the runs train).
 *
 * @module
 */
import type { CompareOptions } from "@lrkit/compare";
import type { CompareConfig } from "./config.js";
import type { ResolvedSource } from "./source.js";

/** The experiment's part of {@link CompareOptions}. */
export type ExperimentOptions = Pick<
  CompareOptions,
  | "module"
  | "moduleOptions"
  | "schedules"
  | "epochs"
  | "batchSize"
  | "optimizer"
  | "optimizerOptions"
  | "loss"
  | "seed"
>;

/**
 * The `compareSchedules` options of `config`'s experiment, its model and data from `source`.
 *
 * @param config - a validated compare config.
 * @param source - its source, resolved on this machine.
 */
export function experimentOptions(config: CompareConfig, source: ResolvedSource): ExperimentOptions {
  return {
    module: source.module,
    moduleOptions: source.moduleOptions,
    schedules: config.schedules,
    epochs: config.epochs,
    batchSize: config.batchSize,
    ...(config.optimizer ? { optimizer: config.optimizer } : {}),
    ...(config.optimizerOptions ? { optimizerOptions: config.optimizerOptions } : {}),
    ...(source.loss !== undefined ? { loss: source.loss } : {}),
    seed: config.seed,
  };
}
