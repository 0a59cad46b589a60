/**
 * Output too large to hold as one string (a million rows of a table), written as it is produced.
 *
 * @module
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Io } from "./io.js";

/** Characters gathered into one write: large enough that a write costs little per row. */
const CHUNK = 1 << 16;

/**
 * Writes `pieces` to the command's output in chunks of about 64 KB, as they are produced: memory
 * stays bounded however many pieces there are. On a stream (`io.stream`), it waits for `drain`
 * when a write says the stream is full, yields to the event loop after every chunk (so that
 * signals and write errors are handled while it runs), and stops quietly when the reader has gone
 * (`EPIPE`, as with `| head`, or a closed stream). Without a stream, the chunks go to `io.out`.
 *
 * @param io - where to write.
 * @param pieces - the text, in order; a generator, so that nothing is produced ahead of the output.
 * @throws the stream's error, other than `EPIPE`.
 * @example
 * ```ts
 * await streamOut(processIo, (function* () { for (let t = 0; t < 1e7; t++) yield `${t}\n`; })());
 * ```
 */
export async function streamOut(io: Io, pieces: Iterable<string>): Promise<void> {
  const stream = io.stream;
  if (stream === undefined) {
    for (const chunk of chunks(pieces)) io.out(chunk);
    return;
  }
  let failure: NodeJS.ErrnoException | undefined;
  const failed = (e: NodeJS.ErrnoException) => void (failure ??= e);
  stream.on("error", failed);
  try {
    for (const chunk of chunks(pieces)) {
      if (failure || stream.destroyed) break;
      if (stream.write(chunk)) await new Promise(setImmediate);
      else await drainedOrClosed(stream).catch(failed);
    }
  } finally {
    stream.off("error", failed);
  }
  if (failure && failure.code !== "EPIPE") throw failure;
}

/** `pieces` joined into chunks of about {@link CHUNK} characters. */
function* chunks(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= CHUNK) {
      yield parts.join(""); // one flat string (a += chain makes a rope that is flattened again)
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join("");
}

/** Resolves on `drain` or `close`, rejects on `error`, and leaves no listener behind. */
async function drainedOrClosed(stream: Writable): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([
      once(stream, "drain", { signal: done.signal }),
      once(stream, "close", { signal: done.signal }),
    ]);
  } finally {
    done.abort();
  }
}
