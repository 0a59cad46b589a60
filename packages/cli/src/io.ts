/**
 * Where a command writes: injectable so that tests run commands in-process.
 *
 * @module
 */
import type { Writable } from "node:stream";

/** The output streams of a command run. */
export interface Io {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** The terminal width in columns, when output goes to a terminal. */
  readonly columns?: number;
  /**
   * Standard output as a stream, for output too large to build as one string: `streamOut` writes
   * it piece by piece and waits when the stream asks it to. Absent where `out` collects the text.
   */
  readonly stream?: Writable;
}

/** The process's own streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stream: process.stdout,
};

/** An error that ends a command with a message on stderr and a non-zero exit code. */
export class CliError extends Error {
  override name = "CliError";
  /**
   * @param message - printed on stderr.
   * @param exitCode - the process's exit code. Defaults to 2 (bad input).
   */
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
