/**
 * LeNet as d2l's chapter on learning-rate scheduling uses it (the CLI's demo model).
 *
 * @module
 */
import { layers, sequential, type Sequential } from "@tensorflow/tfjs-layers";
import { seededKernel, type ModelOptions } from "./init.js";

/**
 * d2l's LeNet (with ReLU and max pooling, "slightly modernized"): conv 6@5×5 (padding 2, "same"),
 * ReLU, max-pool 2; conv 16@5×5 ("valid"), ReLU, max-pool 2; flatten; dense 120 ReLU; dense 84
 * ReLU; dense 10, logits (train with softmax cross-entropy). On 28×28 inputs: 61,706 weights.
 * Kernels are Glorot-uniform with seeds derived from `seed`, biases zero: the same seed gives the
 * same weights on every backend. Not compiled.
 *
 * @param options - seed (default 0), input shape (default [28, 28, 1]), classes (default 10).
 * @throws RangeError for a seed that is not an integer.
 * @example
 * ```ts
 * import { lenet } from "@lrkit/tfjs";
 * const model = lenet({ seed: 1 });
 * model.compile({ optimizer: tf.train.sgd(0.9), loss: "categoricalCrossentropy" }); // see train()
 * ```
 * @see d2l.ai, "Learning Rate Scheduling" (net_fn); LeCun et al. 1998.
 */
export function lenet(options: ModelOptions = {}): Sequential {
  const seed = options.seed ?? 0;
  const kernel = (i: number) => seededKernel("lenet", seed, i);
  return sequential({
    layers: [
      layers.conv2d({
        inputShape: [...(options.inputShape ?? [28, 28, 1])],
        filters: 6,
        kernelSize: 5,
        padding: "same",
        activation: "relu",
        kernelInitializer: kernel(0),
      }),
      layers.maxPooling2d({ poolSize: 2, strides: 2 }),
      layers.conv2d({
        filters: 16,
        kernelSize: 5,
        padding: "valid",
        activation: "relu",
        kernelInitializer: kernel(1),
      }),
      layers.maxPooling2d({ poolSize: 2, strides: 2 }),
      layers.flatten(),
      layers.dense({ units: 120, activation: "relu", kernelInitializer: kernel(2) }),
      layers.dense({ units: 84, activation: "relu", kernelInitializer: kernel(3) }),
      layers.dense({ units: options.classes ?? 10, kernelInitializer: kernel(4) }),
    ],
  });
}
