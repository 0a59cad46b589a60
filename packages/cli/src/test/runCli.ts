/**
 * Runs the CLI in-process and captures what it writes.
 *
 * @module
 */
import { run } from "../program.js";

/** The outcome of a CLI run. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `lrkit <argv>` in-process. */
export async function runCli(argv: readonly string[], columns?: number): Promise<CliResult> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t), columns });
  return { code, out, err };
}
