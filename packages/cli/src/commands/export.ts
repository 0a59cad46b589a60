/**
 * `lrkit export <spec> --to pytorch|optax|keras|ts [--steps N]`: code that reproduces the schedule
 * in another framework.
 *
 * @module
 */
import type { Command } from "commander";
import { Option } from "commander";
import {
  closedForm,
  ExportError,
  exportCode,
  exportTargets,
  hasClosedForm,
  type ExportTarget,
  type Schedule,
} from "lrkit";
import { CliError, type Io } from "../io.js";
import { atMost, positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";
import { streamOut } from "../streamOut.js";

/**
 * The most steps of a table of values in exported code (noise, presets): the code is streamed
 * (memory stays flat), but 10^8 values already make 2.2 GB of Python and take about a minute.
 */
export const MAX_TABLE_STEPS = 100_000_000;

/**
 * Whether exported code holds a table of the values of `schedule` over `steps` rather than a
 * closed form: when it has none (noise, presets), or none over that many steps (too many cycles,
 * too long), as lrkit's exporters decide.
 */
function isTable(schedule: Schedule, steps: number): boolean {
  if (!hasClosedForm(schedule.spec)) return true;
  try {
    closedForm(schedule.spec, { steps });
    return false;
  } catch (e) {
    if (e instanceof ExportError) return true;
    throw e;
  }
}

/** Adds the `export` command to `program`. */
export function exportCommand(program: Command, io: Io): void {
  program
    .command("export")
    .description(
      "print code that reproduces a schedule in PyTorch (a script printing the lr of every step), Optax, Keras or TypeScript",
    )
    .argument("<spec>", "the schedule: JSON, the text syntax, or @file")
    .addOption(new Option("--to <target>", "the framework").choices([...exportTargets]).makeOptionMandatory())
    .option(
      "-n, --steps <n>",
      "steps the code runs or prints (default: the horizon, or 100); needed for noise and presets",
      positiveInt,
    )
    .action(async (spec: string, opts: { to: ExportTarget; steps?: number }) => {
      const schedule = scheduleArg(spec);
      const { steps } = opts;
      if (steps !== undefined && steps > MAX_TABLE_STEPS && isTable(schedule, steps))
        atMost(
          "export",
          "--steps",
          steps,
          MAX_TABLE_STEPS,
          "this schedule is exported as a table of its values",
        );
      let code: Iterable<string>;
      try {
        code = exportCode(schedule, opts.to, steps === undefined ? {} : { steps });
      } catch (e) {
        if (e instanceof ExportError) throw new CliError(e.message);
        throw e;
      }
      await streamOut(io, code);
    });
}
