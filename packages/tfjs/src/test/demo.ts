/**
 * Test helpers: the bundled demo's models (@lrkit/tfjs's own) and data (which lives in the CLI:
 * @lrkit/tfjs ships no dataset) for tests of @lrkit/tfjs that train real networks on real images.
 *
 * @module
 */
import { loadFashionMnist } from "../../../cli/src/bundled/data/fashionMnist.js";
import { subset, type ImageDataset } from "../data/dataset.js";

export { loadFashionMnist } from "../../../cli/src/bundled/data/fashionMnist.js";
export { lenet } from "../models/lenet.js";
export { mlp } from "../models/mlp.js";

/** The first `trainCount` training and `testCount` test images of Fashion-MNIST (the cached split). */
export async function fashionMnistSlices(
  trainCount: number,
  testCount: number,
): Promise<{ train: ImageDataset; test: ImageDataset }> {
  const data = await loadFashionMnist();
  return { train: subset(data.train, 0, trainCount), test: subset(data.test, 0, testCount) };
}
