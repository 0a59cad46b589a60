/**
 * Runs the built CLI as a child process and reads its output as it streams, for tests of output
 * too large to capture (run `npm run build` first).
 *
 * @module
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built `lrkit` command (`dist/main.js`). */
export const bin = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** What a run of the built CLI printed: its line count, its last 300 characters, and its peak memory. */
export interface Streamed {
  readonly code: number | null;
  readonly lines: number;
  readonly tail: string;
  readonly err: string;
  readonly peakMb: number;
}

/**
 * Runs the built `lrkit <args>`, reading its output as it comes (counting lines, keeping the tail)
 * or, with `stopAfter`, closing the pipe after that many bytes as `| head` does. The peak resident
 * memory is the child's own getrusage maximum, printed on exit by a preloaded hook.
 */
export function streamed(args: string[], stopAfter = Infinity): Promise<Streamed> {
  const hook = `data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))`;
  const child = spawn(process.execPath, ["--import", hook, bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let lines = 0;
  let bytes = 0;
  let tail = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    bytes += text.length;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
    tail = (tail + text).slice(-300);
    if (bytes >= stopAfter) child.stdout.destroy();
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => (err += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const peak = /peak-rss-kb (\d+)\n/.exec(err);
      resolve({
        code,
        lines,
        tail,
        err: err.replace(/peak-rss-kb \d+\n/, ""),
        peakMb: Number(peak?.[1]) / 1024,
      });
    });
  });
}
