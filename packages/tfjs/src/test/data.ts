import { subset, type ImageDataset } from "../data/dataset.js";
import { loadFashionMnist } from "../data/fashionMnist.js";

/** The first `trainCount` training and `testCount` test images of Fashion-MNIST (the cached split). */
export async function fashionMnistSlices(
  trainCount: number,
  testCount: number,
): Promise<{ train: ImageDataset; test: ImageDataset }> {
  const data = await loadFashionMnist();
  return { train: subset(data.train, 0, trainCount), test: subset(data.test, 0, testCount) };
}
