/**
 * The options of TensorFlow.js's optimizers: every name any of them takes, what it means and what
 * values it allows. Which optimizer takes which, and its default there, is in its entry of
 * {@link OPTIMIZERS}.
 *
 * @module
 */

/**
 * Options of {@link createOptimizer}. Each optimizer takes the lr and the options its entry of
 * {@link OPTIMIZERS} lists, with its defaults there (`OPTIMIZERS.rmsprop.options.momentum` is 0,
 * `OPTIMIZERS.momentum.options.momentum` 0.9).
 */
export interface OptimizerOptions {
  /** The learning rate. Defaults to the entry's `lr`: tfjs-layers' default for its string optimizer. */
  readonly lr?: number;
  /** The momentum (Momentum, RMSProp). In [0, 1). */
  readonly momentum?: number;
  /** Nesterov's variant (Momentum). */
  readonly nesterov?: boolean;
  /** The first-moment decay (Adam, Adamax). In [0, 1). */
  readonly beta1?: number;
  /** The second-moment decay (Adam, Adamax). In [0, 1). */
  readonly beta2?: number;
  /** The decay of the mean square (RMSProp); the lr decay (Adamax). In [0, 1). */
  readonly decay?: number;
  /** The decay of the accumulators (Adadelta). In [0, 1). */
  readonly rho?: number;
  /** The centered variant (RMSProp). */
  readonly centered?: boolean;
  /** The initial accumulator (Adagrad). Non-negative. */
  readonly initialAccumulatorValue?: number;
  /** Added to denominators (Adam, Adamax, RMSProp, Adadelta). Positive; defaults to the backend's (1e-7 in float32). */
  readonly epsilon?: number;
}

/** The name of an option other than the lr (which every optimizer takes). */
export type OptionName = Exclude<keyof OptimizerOptions, "lr">;

/** The values a numeric option allows: `[min, max)`, or `(min, max)` when `openMin`. */
export interface NumberRange {
  /** The smallest value (excluded when `openMin`). */
  readonly min: number;
  /** The bound above, excluded. */
  readonly max: number;
  /** True when `min` itself is excluded. */
  readonly openMin?: boolean;
}

/** What an option is: a number in a range, or a flag. */
export type OptionKind = NumberRange | "boolean";

/**
 * Every option of {@link OptimizerOptions} and its kind: the compiler checks that none is
 * missing. `createOptimizer` and the CLI's config validation read it.
 */
export const OPTION_KINDS: { readonly [K in keyof OptimizerOptions]-?: OptionKind } = {
  lr: { min: 0, max: Infinity },
  momentum: { min: 0, max: 1 },
  nesterov: "boolean",
  beta1: { min: 0, max: 1 },
  beta2: { min: 0, max: 1 },
  decay: { min: 0, max: 1 },
  rho: { min: 0, max: 1 },
  centered: "boolean",
  initialAccumulatorValue: { min: 0, max: Infinity },
  epsilon: { min: 0, max: Infinity, openMin: true },
};

/** `[0, 1)`, `(0, ∞)`: a range as its error messages write it. */
export function formatRange(range: NumberRange): string {
  return `${range.openMin ? "(" : "["}${range.min}, ${range.max === Infinity ? "∞" : range.max})`;
}

/** True when `value` is a finite number within `range`. */
export function inRange(value: unknown, range: NumberRange): boolean {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    (range.openMin ? value > range.min : value >= range.min) &&
    value < range.max
  );
}
