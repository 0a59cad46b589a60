/**
 * A spec argument as the CLI takes it: JSON, the text syntax, or `@file` holding either.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { parseSchedule, SpecError, SpecSyntaxError, type Schedule } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { CliError } from "./io.js";

/**
 * The text of a spec argument: the argument itself, or the contents of the file after `@`.
 *
 * @throws {@link CliError} when the file cannot be read.
 */
export function readSpecArg(arg: string): string {
  if (!arg.startsWith("@")) return arg;
  const path = arg.slice(1);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read spec file ${path}: ${(e as Error).message}`);
  }
}

/**
 * Builds the schedule of a spec argument.
 *
 * @throws {@link CliError} carrying the spec error (its path, or line and column).
 */
export function scheduleArg(arg: string): Schedule {
  const text = readSpecArg(arg);
  try {
    return parseSchedule(text);
  } catch (e) {
    if (e instanceof SpecError || e instanceof SpecSyntaxError) throw new CliError(e.message);
    throw e;
  }
}
