/**
 * A queue worker process for tests: `node --import tsx --conditions=@lrkit/source queueWorker.ts
 * <url> [<checkpoint dir>]` serves the queue on the cpu backend with short locks (a killed
 * worker's run goes back to the queue within about four seconds) until SIGTERM; a refusal ends it
 * with code 2 and the message.
 *
 * @module
 */
import { serveQueue } from "../queue/serveQueue.js";

const stop = new AbortController();
process.once("SIGTERM", () => stop.abort());
try {
  await serveQueue({
    url: process.argv[2]!,
    backend: "cpu",
    ...(process.argv[3] ? { checkpointDir: process.argv[3] } : {}),
    lockDuration: 3000,
    stalledInterval: 1000,
    signal: stop.signal,
    log: (line) => process.stderr.write(`${line}\n`),
  });
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 2;
}
