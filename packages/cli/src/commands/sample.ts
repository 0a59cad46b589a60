/**
 * `lrkit sample <spec> --steps N [--json]`: the values of a schedule, streamed.
 *
 * @module
 */
import type { Command } from "commander";
import type { Schedule } from "lrkit";
import { boxTable } from "../boxTable.js";
import type { Io } from "../io.js";
import { atMost, nonNegativeInt, positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";
import { streamOut } from "../streamOut.js";

/**
 * The most steps `sample` prints: the values are streamed (memory stays flat), but a billion rows
 * already take 5 (JSON) to 25 minutes (table) and 20 to 40 GB of text.
 */
export const MAX_SAMPLE_STEPS = 1_000_000_000;

/** `schedule(t)` for t = start .. start + steps − 1, one at a time. */
function* values(schedule: Schedule, start: number, steps: number): Generator<number> {
  for (let i = 0; i < steps; i++) yield schedule(start + i);
}

/** The values as one JSON array, in full precision (NaN and infinities as `null`, as JSON.stringify writes them). */
function* jsonArray(xs: Iterable<number>): Generator<string> {
  let separator = "";
  yield "[";
  for (const x of xs) {
    yield separator + JSON.stringify(x);
    separator = ",";
  }
  yield "]\n";
}

/**
 * A value as the table shows it, as `String` writes it. JSON.stringify writes a finite number
 * the same way, about twice as fast (V8 skips its number-to-string cache): it is most of the time
 * of a long table.
 */
const lrText = (v: number): string => (Number.isFinite(v) ? JSON.stringify(v) : String(v));

/**
 * The values as a table of step and lr. The lr column is as wide as its longest value, found by a
 * first pass over the steps (a schedule gives the same value when asked twice): two passes in
 * O(steps) time and constant memory, rather than holding the table.
 */
function table(schedule: Schedule, start: number, steps: number): Generator<string> {
  let lrWidth = "lr".length;
  for (const v of values(schedule, start, steps)) lrWidth = Math.max(lrWidth, lrText(v).length);
  const stepWidth = Math.max("step".length, String(start + steps - 1).length);
  function* rows() {
    for (let t = start; t < start + steps; t++) yield [String(t), lrText(schedule(t))];
  }
  return boxTable(["step", "lr"], [stepWidth, lrWidth], rows());
}

/** Adds the `sample` command to `program`. */
export function sampleCommand(program: Command, io: Io): void {
  program
    .command("sample")
    .description("print a schedule's values for t = start .. start + steps - 1")
    .argument("<spec>", "the schedule: JSON, the text syntax, or @file")
    .requiredOption(
      "-n, --steps <n>",
      `how many steps (at most ${MAX_SAMPLE_STEPS.toLocaleString("en-US")})`,
      positiveInt,
    )
    .option("--start <t>", "the first step", nonNegativeInt, 0)
    .option("--json", "print a JSON array of the values, in full precision")
    .action(async (spec: string, opts: { steps: number; start: number; json?: boolean }) => {
      const { steps, start } = opts;
      atMost("sample", "--steps", steps, MAX_SAMPLE_STEPS, "a billion rows already take 5 to 25 minutes");
      atMost(
        "sample",
        "--start",
        start,
        Number.MAX_SAFE_INTEGER - steps + 1,
        "the last step must stay below 2^53",
      );
      const schedule = scheduleArg(spec);
      await streamOut(
        io,
        opts.json ? jsonArray(values(schedule, start, steps)) : table(schedule, start, steps),
      );
    });
}
