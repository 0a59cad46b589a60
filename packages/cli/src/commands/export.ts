/**
 * `lrkit export <spec> --to pytorch|optax|keras|ts [--steps N]`: code that reproduces the schedule
 * in another framework.
 *
 * @module
 */
import type { Command } from "commander";
import { Option } from "commander";
import { ExportError, exportSchedule, exportTargets, type ExportTarget } from "lrkit";
import { CliError, type Io } from "../io.js";
import { positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";

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
    .action((spec: string, opts: { to: ExportTarget; steps?: number }) => {
      try {
        io.out(
          exportSchedule(scheduleArg(spec), opts.to, opts.steps === undefined ? {} : { steps: opts.steps }),
        );
      } catch (e) {
        if (e instanceof ExportError) throw new CliError(e.message);
        throw e;
      }
    });
}
