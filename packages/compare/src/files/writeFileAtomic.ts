/**
 * Files written whole or not at all: a reader (or a process stopped half-way through a write)
 * never sees a file cut short.
 *
 * Written here rather than taken from `write-file-atomic`: the two functions below are all that
 * the results, the report and the range test's files need, and a published package should not
 * carry a dependency for them.
 *
 * @module
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { randomUUID } from "node:crypto";
import { basename, dirname, join } from "node:path";

/**
 * A new temporary file's path beside `file` (same directory, so that the rename is atomic), unique
 * across processes and the worker threads of one process (which share its pid).
 */
const tempPath = (file: string) => join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);

/** Creates `temp` (it must not exist), writes `data` to it (chunk by chunk) and flushes it to the disk. */
function writeTemp(temp: string, data: string | readonly Uint8Array[]): void {
  const fd = openSync(temp, "wx");
  try {
    if (typeof data === "string") writeFileSync(fd, data);
    else for (const chunk of data) writeFileSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `file` atomically: to a temporary file in the same directory, then renamed
 * over `file`. Whatever stops it (an error, a crash, a kill), `file` holds either its old content
 * or `data`, never a part; the temporary file is removed when the write fails.
 *
 * @param file - the file's path; its directory must exist.
 * @param data - the text, written as UTF-8, or bytes in chunks, written one after another.
 * @throws the file system's error (`ENOENT`, `EACCES`, `ENOSPC`, `EISDIR`, ...), naming the path.
 * @example
 * ```ts
 * writeFileAtomic("out/results.json", JSON.stringify(results));
 * ```
 */
export function writeFileAtomic(file: string, data: string | readonly Uint8Array[]): void {
  const temp = tempPath(file);
  try {
    writeTemp(temp, data);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Checks, before any work, that {@link writeFileAtomic} can write each of `files`: creates their
 * directories when missing, refuses a path that exists and is not a regular file, and creates and
 * removes a temporary file beside each (a read-only directory or file system fails here, whoever
 * runs it). Nothing already there is changed.
 *
 * @param files - the paths that will be written.
 * @throws the file system's error naming the path (`ENOTDIR` for a directory under a file,
 *   `EACCES`, `EROFS`, ...), or an Error `"<path> is not a file"`.
 * @example
 * ```ts
 * checkWritable(["out/results.json", "out/report.html"]); // before hours of training
 * ```
 */
export function checkWritable(files: readonly string[]): void {
  for (const file of files) {
    mkdirSync(dirname(file), { recursive: true });
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat !== undefined && !stat.isFile()) throw new Error(`${file} is not a file`);
    const temp = tempPath(file);
    try {
      writeTemp(temp, "");
    } finally {
      rmSync(temp, { force: true });
    }
  }
}
