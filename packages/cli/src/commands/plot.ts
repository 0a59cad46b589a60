/**
 * `lrkit plot <spec>... [--steps N] [--out file.svg] [--log]`: one or several schedules, overlaid,
 * as an SVG file or in the terminal.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { defaultSteps, scheduleChart, scheduleLabel, terminalChart } from "@lrkit/plot";
import type { Command } from "commander";
import { sample } from "lrkit";
import { CliError, type Io } from "../io.js";
import { atMost, positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";

interface PlotOptions {
  steps?: number;
  out?: string;
  log?: boolean;
  width?: number;
  height?: number;
  title?: string;
}

/**
 * The most values (steps × schedules) a chart is drawn from. A terminal chart shows about 80 of
 * them but holds them all, and its scale fails beyond about 120,000 (a stack overflow in
 * `terminalChart`); an SVG chart of a million takes about 300 MB and 3 s.
 */
export const MAX_PLOT_VALUES = { terminal: 100_000, svg: 1_000_000 } as const;

/**
 * The largest `--width` and `--height`: terminal columns and rows (a chart is a grid of them), SVG
 * pixels (its ticks grow with the size; a hundred million pixels overflowed the stack).
 */
export const MAX_PLOT_SIZE = { terminal: 1000, svg: 10_000 } as const;

/** Refuses a chart larger than it can be drawn (see {@link MAX_PLOT_VALUES}, {@link MAX_PLOT_SIZE}). */
function checkSizes(opts: PlotOptions, steps: number, count: number): void {
  const kind = opts.out ? "svg" : "terminal";
  const unit = kind === "svg" ? "pixels of an SVG chart" : "columns and rows of a terminal chart";
  for (const [option, value] of [
    ["--width", opts.width],
    ["--height", opts.height],
  ] as const)
    if (value !== undefined) atMost("plot", option, value, MAX_PLOT_SIZE[kind], unit);
  const per = count === 1 ? "" : ` of ${count} schedules`;
  atMost(
    "plot",
    opts.steps === undefined ? "--steps (by default the longest horizon + 1)" : "--steps",
    steps,
    Math.floor(MAX_PLOT_VALUES[kind] / count),
    kind === "svg"
      ? `for an SVG chart${per}`
      : `for a terminal chart${per}; --out chart.svg takes ${MAX_PLOT_VALUES.svg / MAX_PLOT_VALUES.terminal} times as many`,
  );
}

/** Adds the `plot` command to `program`. */
export function plotCommand(program: Command, io: Io): void {
  program
    .command("plot")
    .description("plot schedules: an SVG file with --out, else a chart in the terminal")
    .argument("<spec...>", "one or more schedules (JSON, the text syntax, or @file), overlaid")
    .option("-n, --steps <n>", "steps to plot (default: the longest horizon + 1, or 100)", positiveInt)
    .option("-o, --out <file>", "write an SVG chart to this file")
    .option("--log", "logarithmic lr axis")
    .option("--width <px>", "SVG width in pixels, or terminal columns", positiveInt)
    .option("--height <px>", "SVG height in pixels, or terminal rows", positiveInt)
    .option("--title <text>", "the SVG chart's title")
    .action((specs: string[], opts: PlotOptions) => {
      const schedules = specs.map(scheduleArg);
      const steps = opts.steps ?? defaultSteps(schedules);
      checkSizes(opts, steps, schedules.length);
      if (opts.out) {
        const svg = scheduleChart(schedules, {
          steps,
          log: opts.log ?? false,
          ...(opts.width ? { width: opts.width } : {}),
          ...(opts.height ? { height: opts.height } : {}),
          ...(opts.title ? { title: opts.title } : {}),
        });
        try {
          writeFileSync(opts.out, svg);
        } catch (e) {
          throw new CliError(`cannot write ${opts.out}: ${(e as Error).message}`, 1);
        }
        io.out(
          `wrote ${opts.out}: ${schedules.length} schedule${schedules.length > 1 ? "s" : ""}, ${steps} steps\n`,
        );
        return;
      }
      const width = Math.max(30, opts.width ?? io.columns ?? 80);
      const chart = terminalChart(
        schedules.map((s) => ({ label: scheduleLabel(s), values: sample(s, steps) })),
        {
          width,
          height: opts.height ?? 12,
          log: opts.log ?? false,
          color: io.columns !== undefined,
          xRange: [0, steps - 1],
        },
      );
      io.out(chart);
    });
}
