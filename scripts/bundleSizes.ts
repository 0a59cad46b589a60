/**
 * `npm run sizes`: what a browser app pays for lrkit, as the README's Performance section states
 * it. Each entry of the size test (packages/tfjs/src/test/bundleSize.ts) bundled by esbuild for the
 * browser, minified and gzipped, with its bound; then a TensorFlow.js page (tfjs-core, webgl,
 * layers, one fit) without and with a warmup + cosine schedule driving its fit.
 *
 * @module
 */
import { BUNDLE_TARGETS, bundleSize, TFJS_PAGE } from "../packages/tfjs/src/test/bundleSize.js";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log("| entry | minified | gzip | bound (gzip) |");
console.log("| --- | ---: | ---: | ---: |");
for (const target of BUNDLE_TARGETS) {
  const size = await bundleSize(target.code, target.external);
  console.log(`| ${target.name} | ${kb(size.minified)} | ${kb(size.gzip)} | ${kb(target.maxGzip)} |`);
}
const without = await bundleSize(TFJS_PAGE.without);
const withLrkit = await bundleSize(TFJS_PAGE.with);
const added = withLrkit.gzip - without.gzip;
console.log(
  `\nA TensorFlow.js page (tfjs-core, webgl, layers; one fit): ${kb(without.gzip)} gzip; ` +
    `with a warmup + cosine schedule driving its fit: ${kb(withLrkit.gzip)} ` +
    `(lrkit adds ${kb(added)}, ${((100 * added) / without.gzip).toFixed(1)} %).`,
);
