/**
 * Progress on stderr: a live bar on a terminal (cli-progress), a line every tenth of the way
 * otherwise, so logs and tests see it too.
 *
 * @module
 */
import { SingleBar } from "cli-progress";
import { processIo, type Io } from "./io.js";

/** A progress display. */
export interface Progress {
  /** Reports `done` of `total`, with a short status text. */
  update(done: number, status: string): void;
  /** Ends the display. */
  stop(): void;
}

/**
 * A progress display for `total` units of work labelled `label`.
 *
 * @param io - where to write; a live bar only for the process's own terminal.
 */
export function progress(io: Io, label: string, total: number): Progress {
  if (io === processIo && process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} {status}`,
      barsize: 30,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total, 0, { status: "" });
    return { update: (done, status) => bar.update(done, { status }), stop: () => bar.stop() };
  }
  let shown = -1;
  return {
    update(done, status) {
      const tenth = Math.floor((10 * done) / total);
      if (tenth > shown) {
        shown = tenth;
        io.err(`${label} ${done}/${total} ${status}\n`);
      }
    },
    stop() {},
  };
}
