/**
 * Starts a training worker from the built JavaScript or, when this module itself runs from the
 * TypeScript sources, from the sources.
 *
 * `lrkit` runs from `dist/` (built by tsc), where `worker.js` sits next to this module:
 * `new URL("./worker.js", import.meta.url)` finds it. Under Vitest (or tsx) this module is
 * `startWorker.ts` and there is no `worker.js` beside it; a worker thread does not inherit
 * Vitest's transform, so the worker is started from a two-line bootstrap that registers tsx's ESM
 * loader (`tsx/esm/api`, a devDependency of the repository) and imports `worker.ts`, with the
 * `@lrkit/source` condition so that the workspace packages resolve to their sources as in the
 * tests. Tests thus exercise the same sources they import, with no build step in between.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** The URL of tsx's ESM API (its `import` export; the CommonJS one cannot register from a worker). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifest), pkg.exports["./esm/api"]!.import.default)).href;
}

/** Starts a worker with `workerData`. */
export function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here), { workerData });
  const tsx = tsxEsmApi(here);
  const entry = new URL("./worker.ts", here).href;
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: ["--conditions=@lrkit/source"] });
}
