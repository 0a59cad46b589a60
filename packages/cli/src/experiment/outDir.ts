/**
 * `--out <dir>`: checked before any training, so that a directory that cannot be written is found
 * in a second rather than after hours of training.
 *
 * @module
 */
import { checkWritable } from "@lrkit/compare";
import { CliError } from "../io.js";

/**
 * Checks that `files` (in the directory given as `--out <dir>`) can be written, creating the
 * directory when missing.
 *
 * @throws {@link CliError} (exit code 2) naming `--out`, the directory and the reason, e.g.
 *   `--out results/x: cannot write there: ENOTDIR: not a directory, mkdir 'results/x'`.
 */
export function checkOutDir(dir: string, files: readonly string[]): void {
  try {
    checkWritable(files);
  } catch (e) {
    throw new CliError(`--out ${dir}: cannot write there: ${(e as Error).message}`);
  }
}
