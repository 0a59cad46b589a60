/**
 * Checkpoints in a directory: one folder per run, one file per epoch, written atomically. Several
 * processes (or machines, on a shared file system) may use the same directory.
 *
 * @module
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../files/writeFileAtomic.js";
import type { CheckpointStore, StoredCheckpoint } from "./store.js";

const FILE = /^epoch-(\d+)\.ckpt$/;

/** A run key as a folder name: no `/`, `\`, `.` or other character a path gives meaning to. */
const folderOf = (key: string) =>
  encodeURIComponent(key).replace(/[.*!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

/** The epochs of the run's files in `dir`, newest first. */
function epochsIn(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return names
    .map((n) => FILE.exec(n)?.[1])
    .filter((m) => m !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
}

/**
 * A {@link CheckpointStore} in `dir` (created when missing): run `key`'s checkpoint after epoch e
 * is `dir/<key>/epoch-<e>.ckpt`, written whole or not at all (`writeFileAtomic`); after each save
 * only the two newest are kept. A file another process removes between listing and reading is
 * skipped.
 *
 * @example
 * ```ts
 * const store = directoryStore("lrkit-report/checkpoints");
 * await store.save("cosine", 3, bytes);
 * (await store.load("cosine"))[0].epoch; // 3
 * ```
 */
export function directoryStore(dir: string): CheckpointStore {
  const runDir = (key: string) => join(dir, folderOf(key));
  const file = (key: string, epoch: number) =>
    join(runDir(key), `epoch-${String(epoch).padStart(6, "0")}.ckpt`);
  return {
    async save(key, epoch, bytes) {
      if (!Number.isInteger(epoch) || epoch < 0)
        throw new RangeError(`directoryStore: epoch must be a non-negative integer, got ${epoch}`);
      mkdirSync(runDir(key), { recursive: true });
      writeFileAtomic(file(key, epoch), [bytes]);
      for (const old of epochsIn(runDir(key)).slice(2)) rmSync(file(key, old), { force: true });
    },
    async load(key) {
      const found: StoredCheckpoint[] = [];
      for (const epoch of epochsIn(runDir(key))) {
        if (found.length === 2) break;
        try {
          found.push({ epoch, bytes: readFileSync(file(key, epoch)) });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
        }
      }
      return found;
    },
    async clear(key) {
      rmSync(runDir(key), { recursive: true, force: true });
    },
  };
}
