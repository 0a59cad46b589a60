/**
 * A small multilayer perceptron (the CLI's demo model).
 *
 * @module
 */
import { layers, sequential, type Sequential } from "@tensorflow/tfjs-layers";
import { seededKernel, type ModelOptions } from "./init.js";

/** Options of {@link mlp}. */
export interface MlpOptions extends ModelOptions {
  /** The widths of the hidden layers (ReLU). Defaults to `[256]` (d2l's MLP). */
  readonly hidden?: readonly number[];
}

/**
 * A multilayer perceptron: flatten (for inputs with several axes), then a ReLU dense layer per
 * entry of `hidden`, then a dense layer of `classes` logits. Kernels are Glorot-uniform with seeds derived from `seed`, biases
 * zero: the same seed gives the same weights. Not compiled.
 *
 * @param options - hidden widths (default [256]), seed (default 0), input shape (default
 *   [28, 28, 1]), classes (default 10).
 * @throws RangeError for a hidden width that is not a positive integer or a non-integer seed.
 * @example
 * ```ts
 * import { mlp } from "@lrkit/tfjs";
 * const model = mlp({ hidden: [64], seed: 3 });
 * ```
 */
export function mlp(options: MlpOptions = {}): Sequential {
  const seed = options.seed ?? 0;
  const hidden = options.hidden ?? [256];
  hidden.forEach((units, i) => {
    if (!Number.isInteger(units) || units <= 0)
      throw new RangeError(`mlp: hidden[${i}] must be a positive integer, got ${units}`);
  });
  const inputShape = [...(options.inputShape ?? [28, 28, 1])];
  // Flatten needs at least two axes per example; a vector goes straight to the first dense layer.
  const flat = inputShape.length > 1;
  const dense = [...hidden, options.classes ?? 10].map((units, i) =>
    layers.dense({
      units,
      ...(i < hidden.length ? { activation: "relu" as const } : {}),
      kernelInitializer: seededKernel("mlp", seed, i),
      ...(i === 0 && !flat ? { inputShape } : {}),
    }),
  );
  return sequential({ layers: flat ? [layers.flatten({ inputShape }), ...dense] : dense });
}
