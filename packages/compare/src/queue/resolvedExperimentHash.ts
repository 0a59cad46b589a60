/**
 * The fingerprint of a resolved experiment, which the coordinator of a queue and each of its
 * workers compute on their own machine: equal hashes, the same training. It covers how the runs
 * train, the module's options, the contents of the module file and of every file its options name
 * (a model.json and its weight files, CSV files), and what the probe found on loading it (the
 * data's size, the logged values, the model's size). It leaves out what may differ between
 * machines without changing the numbers: where lrkit is installed and the backend.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { experimentHash } from "../checkpoint/experimentHash.js";
import type { Probe } from "../experiment/probe.js";
import type { WorkerStart } from "../runner/protocol.js";

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The files a path in the options stands for: the file, or a saved model's model.json and weights. */
function filesOf(path: string): string[] {
  const file = isFile(path) ? path : isFile(join(path, "model.json")) ? join(path, "model.json") : null;
  if (file === null) return [];
  if (!file.endsWith(".json")) return [file];
  try {
    const manifest = (JSON.parse(readFileSync(file, "utf8")) as { weightsManifest?: { paths: string[] }[] })
      .weightsManifest;
    const weights = (manifest ?? []).flatMap((group) => group.paths.map((p) => join(dirname(file), p)));
    return [file, ...weights.filter(isFile)];
  } catch {
    return [file];
  }
}

/** Every absolute path among the strings of `value` (JSON). */
function pathsIn(value: unknown): string[] {
  if (typeof value === "string") return isAbsolute(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(pathsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(pathsIn);
  return [];
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * The experiment's hash ({@link experimentHash}, SHA-256 hex): of `start`'s setup (but its
 * backend), its module's file contents and options, the contents of the files those options name,
 * and `probe`'s figures (but the initial weights, which the coordinator sends).
 *
 * @example
 * ```ts
 * const hash = resolvedExperimentHash(start, probe); // the same on every machine with the same files
 * ```
 */
export function resolvedExperimentHash(start: WorkerStart, probe: Probe): string {
  const { backend: _backend, ...setup } = start.setup;
  const module = start.module.startsWith("file:") ? fileURLToPath(start.module) : null;
  const paths = [...new Set(pathsIn(start.moduleOptions))];
  const { weights: _weights, ...figures } = probe;
  return experimentHash({
    setup,
    moduleOptions: start.moduleOptions ?? null,
    module: module !== null && isFile(module) ? sha256(module) : start.module,
    files: Object.fromEntries(paths.flatMap(filesOf).map((file) => [file, sha256(file)])),
    probe: figures,
  });
}
