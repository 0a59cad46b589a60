/**
 * Runs the CLI from its sources in a process of its own, for the tests that signal it or kill it,
 * and reads what a compare has written so far.
 *
 * @module
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CompareResults } from "@lrkit/compare";
import { ROOT } from "./packages.js";

export { ROOT };

const MAIN = join(ROOT, "packages/cli/src/main.ts");

/** A running `lrkit` process. */
export interface LrkitProcess {
  readonly child: ChildProcess;
  /** What it has written so far. */
  readonly output: { out: string; err: string };
  /** Its exit code, or the signal that ended it. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when `ready()` holds (checked every 25 ms); rejects if the process ends first. */
  until(ready: () => boolean): Promise<void>;
}

/** `lrkit <args>`, run from the sources (tsx) in a process of its own. */
export function spawnLrkit(args: readonly string[]): LrkitProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@lrkit/source", MAIN, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { out: "", err: "" };
  child.stdout.on("data", (d: Buffer) => (output.out += d));
  child.stderr.on("data", (d: Buffer) => (output.err += d));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void closed.then(() => (ended = true));
  const until = async (ready: () => boolean) => {
    while (!ready()) {
      if (ended) throw new Error(`lrkit ended first:\n${output.err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, output, closed, until };
}

/** The epochs finished so far in a compare's results `file` (0 while it does not exist). */
export function epochsIn(file: string): number {
  if (!existsSync(file)) return 0;
  return (JSON.parse(readFileSync(file, "utf8")) as CompareResults).runs.reduce(
    (n, r) => n + r.epochs.length,
    0,
  );
}
