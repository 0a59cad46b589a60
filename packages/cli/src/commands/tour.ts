/**
 * `lrkit tour`: a few schedules side by side, as sparklines with their first, peak and last values.
 *
 * @module
 */
import type { Command } from "commander";
import Table from "cli-table3";
import { parseSchedule, sample, toText } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import sparkly from "sparkly";
import type { Io } from "../io.js";
import { atMost, positiveInt } from "../options.js";

/** The schedules of the tour: the d2l chapter's set and a few modern ones, over 30 epochs. */
export const TOUR = [
  "constant(lr=0.3)",
  "inverseSqrt(lr=0.1)",
  "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
  "cosine(lr=0.3, steps=20, minLr=0.01)",
  "warmup(cosine(lr=0.3, steps=15, minLr=0.01), steps=5, from=0)",
  "oneCycle(maxLr=0.3, steps=30)",
  "sgdr(lr=0.3, period=5, periodMult=2, minLr=0.01)",
  "cyclic(baseLr=0.01, maxLr=0.3, stepsUp=5, mode=triangular2)",
];

const format = (v: number) => Number(v.toPrecision(3)).toString();

/** The most steps the tour shows: a sparkline draws one character per step. */
export const MAX_TOUR_STEPS = 1000;

/** Adds the `tour` command to `program`. */
export function tourCommand(program: Command, io: Io): void {
  program
    .command("tour")
    .description("show a few schedules as sparklines")
    .option("-n, --steps <n>", `steps to show (at most ${MAX_TOUR_STEPS})`, positiveInt, 30)
    .action((opts: { steps: number }) => {
      const n = opts.steps;
      atMost("tour", "--steps", n, MAX_TOUR_STEPS, "a sparkline draws one character per step");
      const table = new Table({
        head: ["schedule", `t = 0 .. ${n - 1}`, "first", "max", "last"],
        style: { head: [], border: [], compact: true },
      });
      for (const text of TOUR) {
        const values = Array.from(sample(parseSchedule(text), n));
        table.push([
          toText(parseSchedule(text).spec),
          sparkly(values, { minimum: 0 }),
          ...[values[0]!, Math.max(...values), values[n - 1]!].map(format),
        ]);
      }
      io.out(`${table.toString()}\n`);
      io.out("Try: lrkit sample 'warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)' --steps 30\n");
    });
}
