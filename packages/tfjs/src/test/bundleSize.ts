/**
 * Test helper: what a browser app pays for lrkit, measured the way a bundler sees it. Fixed entry
 * points are bundled by esbuild for the browser (minified, tree-shaken, from the packages' sources),
 * then gzipped at level 9. Bytes are deterministic for the same sources: the size test asserts them
 * and `npm run sizes` prints them.
 *
 * @module
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = new URL("../../../../", import.meta.url).pathname;

/** TensorFlow.js, external where an app has it anyway. */
export const TFJS_EXTERNAL = ["@tensorflow/*"];

/** A bundle's bytes, minified and gzipped, its minified bytes by package, and the files in it. */
export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
  readonly byPackage: Readonly<Record<string, number>>;
  /** The source files that left code in the bundle, as paths from the repository's root. */
  readonly files: readonly string[];
}

/**
 * Bundles `code` (a module that imports what an app imports) for the browser and measures it.
 *
 * @param code - the entry module's source.
 * @param external - import paths left out of the bundle, e.g. {@link TFJS_EXTERNAL}.
 * @throws the build's error when something cannot be bundled for the browser (a Node built-in).
 */
export async function bundleSize(code: string, external: readonly string[] = []): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["@lrkit/source"],
    external: [...external],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const js = result.outputFiles[0]!.contents;
  const byPackage: Record<string, number> = {};
  const files: string[] = [];
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const name =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? /packages\/([^/]+)/.exec(path)?.[1] ?? path;
    byPackage[name] = (byPackage[name] ?? 0) + input.bytesInOutput;
    if (input.bytesInOutput > 0) files.push(path);
  }
  return { minified: js.length, gzip: gzipSync(js, { level: 9 }).length, byPackage, files };
}

/** What the size test bounds: an entry module, whether TensorFlow.js is external, the gzip bound. */
export interface BundleTarget {
  readonly name: string;
  readonly code: string;
  readonly external: readonly string[];
  readonly maxGzip: number;
}

/** The entries a browser app typically imports, each with its bound in gzip bytes. */
export const BUNDLE_TARGETS: readonly BundleTarget[] = [
  {
    name: "import { cosine, warmup } from lrkit",
    code: 'import { cosine, warmup } from "lrkit"; console.log(warmup(cosine({ lr: 0.1, steps: 10 }), { steps: 2 })(3));',
    external: [],
    maxGzip: 4 * 1024,
  },
  {
    name: "cosine + warmup + scheduleCallback (TensorFlow.js external)",
    code: [
      'import { cosine, warmup } from "lrkit";',
      'import { scheduleCallback } from "@lrkit/tfjs";',
      "const schedule = warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 });",
      "console.log(scheduleCallback({ optimizer: null }, schedule, { unit: 'batch', horizon: 'fit' }));",
    ].join("\n"),
    external: TFJS_EXTERNAL,
    // 36 KB, not 30: the callback's stretch to the run rebuilds the schedule with fromSpec, so it
    // bundles the registry, whose entries carry each family's closed form, lint facts and native
    // mappings since issue 16 (about 15 KB minified, 4.9 KB gzip, that export/ and lint/ held).
    maxGzip: 36 * 1024,
  },
  {
    name: "parseSchedule + Scheduler + scheduleCallback (TensorFlow.js external)",
    code: [
      'import { parseSchedule, Scheduler } from "lrkit";',
      'import { scheduleCallback } from "@lrkit/tfjs";',
      'const s = new Scheduler(parseSchedule("warmup(cosine(lr=0.1, steps=95), steps=5)"));',
      "console.log(scheduleCallback({ optimizer: null }, s, { unit: 'batch', horizon: 'fit' }));",
    ].join("\n"),
    external: TFJS_EXTERNAL,
    // 37 KB, not 35: the registry's entries carry each family's closed form, lint facts and
    // native mappings since issue 16 (4.8 KB gzip more than when export/ and lint/ held them).
    maxGzip: 37 * 1024,
  },
  {
    name: "import * as lrkit",
    code: 'import * as lrkit from "lrkit"; console.log(lrkit);',
    external: [],
    maxGzip: 55 * 1024,
  },
];

/** The page's TensorFlow.js and its model, the same with and without lrkit. */
const PAGE_SETUP = [
  'import * as tf from "@tensorflow/tfjs-core";',
  'import "@tensorflow/tfjs-backend-webgl";',
  'import * as tfl from "@tensorflow/tfjs-layers";',
  'const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [2], units: 4, activation: "softmax" })] });',
  'model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy" });',
];

/**
 * A page that trains a tfjs-layers model on webgl, as written without lrkit and with a warmup +
 * cosine schedule driving its fit: what lrkit adds to a TensorFlow.js page.
 */
export const TFJS_PAGE = {
  without: [...PAGE_SETUP, "await model.fit(tf.zeros([4, 2]), tf.zeros([4, 4]));"].join("\n"),
  with: [
    'import { cosine, warmup } from "lrkit";',
    'import { scheduleCallback } from "@lrkit/tfjs";',
    ...PAGE_SETUP,
    "const schedule = warmup(cosine({ lr: 0.02, steps: 95 }), { steps: 5 });",
    "const callback = scheduleCallback(model, schedule, { unit: 'batch', horizon: 'fit' });",
    "await model.fit(tf.zeros([4, 2]), tf.zeros([4, 4]), { callbacks: [callback] });",
  ].join("\n"),
};
