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
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** Starts a worker with `workerData`. */
export function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here), { workerData });
  const tsx = pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href;
  const entry = new URL("./worker.ts", here).href;
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    `.then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: ["--conditions=@lrkit/source"] });
}
