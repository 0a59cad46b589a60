/**
 * The `lrkit` command line: every command on one commander program, runnable in-process.
 *
 * @module
 */
import { createRequire } from "node:module";
import { Command, CommanderError } from "commander";
import { ParameterRangeError, ParameterTypeError } from "lrkit";
import { ExperimentError, QueueError } from "@lrkit/compare";
import { compareCommand } from "./commands/compare.js";
import { conformanceCommand } from "./commands/conformance.js";
import { demoCommand } from "./commands/demo.js";
import { exportCommand } from "./commands/export.js";
import { findCommand } from "./commands/find.js";
import { lintCommand } from "./commands/lint.js";
import { plotCommand } from "./commands/plot.js";
import { sampleCommand } from "./commands/sample.js";
import { tourCommand } from "./commands/tour.js";
import { typesCommand } from "./commands/types.js";
import { workerCommand } from "./commands/worker.js";
import { CliError, processIo, type Io } from "./io.js";

/** Builds the program, writing to `io`. */
export function createProgram(io: Io = processIo): Command {
  const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
  const program = new Command("lrkit")
    .description("learning-rate schedules: sample, plot, lint, export, find and compare")
    .version(version, "-V, --version", "the version of lrkit")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  for (const add of [
    sampleCommand,
    plotCommand,
    lintCommand,
    exportCommand,
    conformanceCommand,
    findCommand,
    compareCommand,
    workerCommand,
    demoCommand,
    typesCommand,
    tourCommand,
  ])
    add(program, io);
  return program;
}

/**
 * Runs the command line `argv` (without the node and script entries) and returns the exit code:
 * 0 on success, 2 for bad input, 1 for a failure.
 *
 * @example
 * ```ts
 * const code = await run(["sample", "cosine(lr=0.1, steps=10)", "--steps", "11", "--json"]);
 * ```
 */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.err(`lrkit: ${e.message}\n`);
      return e.exitCode;
    }
    if (
      e instanceof ParameterRangeError ||
      e instanceof ParameterTypeError ||
      ExperimentError.is(e) ||
      e instanceof QueueError
    ) {
      io.err(`lrkit: ${e.message}\n`);
      return 2;
    }
    // A failure: its message, and the stack when asked for (LRKIT_DEBUG=1).
    const error = e instanceof Error ? e : new Error(String(e));
    io.err(`lrkit: ${process.env.LRKIT_DEBUG ? (error.stack ?? error.message) : error.message}\n`);
    return 1;
  }
}
