export { CliError, processIo, type Io } from "./io.js";
export { createProgram, run } from "./program.js";
export { lenet } from "./bundled/models/lenet.js";
export { mlp, type MlpOptions } from "./bundled/models/mlp.js";
export type { ModelOptions } from "./bundled/models/init.js";
export {
  FASHION_MNIST_CACHE_FILE,
  FASHION_MNIST_CLASSES,
  loadFashionMnist,
  type LoadOptions,
} from "./bundled/data/fashionMnist.js";
export { loadMnist, MNIST_CLASSES } from "./bundled/data/mnist.js";
export { CACHE_ENV, cacheDir } from "./bundled/data/cacheDir.js";
