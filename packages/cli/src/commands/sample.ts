/**
 * `lrkit sample <spec> --steps N [--json]`: the values of a schedule.
 *
 * @module
 */
import type { Command } from "commander";
import Table from "cli-table3";
import { sample } from "lrkit";
import type { Io } from "../io.js";
import { nonNegativeInt, positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";

/** Adds the `sample` command to `program`. */
export function sampleCommand(program: Command, io: Io): void {
  program
    .command("sample")
    .description("print a schedule's values for t = start .. start + steps - 1")
    .argument("<spec>", "the schedule: JSON, the text syntax, or @file")
    .requiredOption("-n, --steps <n>", "how many steps", positiveInt)
    .option("--start <t>", "the first step", nonNegativeInt, 0)
    .option("--json", "print a JSON array of the values, in full precision")
    .action((spec: string, opts: { steps: number; start: number; json?: boolean }) => {
      const values = sample(scheduleArg(spec), opts.steps, opts.start);
      if (opts.json) {
        io.out(`${JSON.stringify(Array.from(values))}\n`);
        return;
      }
      const table = new Table({ head: ["step", "lr"], style: { head: [], border: [], compact: true } });
      values.forEach((v, i) => table.push([opts.start + i, String(v)]));
      io.out(`${table.toString()}\n`);
    });
}
