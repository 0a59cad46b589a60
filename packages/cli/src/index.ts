export { CliError, processIo, type Io } from "./io.js";
export { createProgram, run } from "./program.js";
// The demo's models are @lrkit/tfjs's (browser-safe): re-exported with its data.
export { lenet, mlp, type MlpOptions, type ModelOptions } from "@lrkit/tfjs";
export {
  FASHION_MNIST_CACHE_FILE,
  FASHION_MNIST_CLASSES,
  loadFashionMnist,
  type LoadOptions,
} from "./bundled/data/fashionMnist.js";
export { loadMnist, MNIST_CLASSES } from "./bundled/data/mnist.js";
export { CACHE_ENV, cacheDir } from "./bundled/data/cacheDir.js";
