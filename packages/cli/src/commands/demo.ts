/**
 * `lrkit demo` (what `npm start` runs): the LR range test on LeNet / Fashion-MNIST, then the five
 * schedules of d2l's chapter "Learning Rate Scheduling" compared, with an HTML report (the
 * pipeline of `pipelines/demo.ts`). By default at a scale that takes about five minutes on two
 * cores; `--full` at the chapter's.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { formatDuration, resultsPaths } from "@lrkit/compare";
import type { Io } from "../io.js";
import { positiveInt } from "../options.js";
import { D2L_CHAPTER, type D2lScale } from "../experiment/d2lPreset.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { DEMO_SCALE, demo } from "../pipelines/demo.js";
import { finish } from "../report/finish.js";

interface DemoOptions {
  full?: boolean;
  workers?: number;
  backend: string;
  out: string;
  finder: boolean;
  json?: boolean;
}

/** Adds the `demo` command to `program`. */
export function demoCommand(program: Command, io: Io): void {
  program
    .command("demo")
    .description(
      `the main job: an LR range test, then d2l's five schedules compared on LeNet / Fashion-MNIST ` +
        `(${DEMO_SCALE.trainSize / 1000}k/${DEMO_SCALE.testSize / 1000}k images, ${DEMO_SCALE.epochs} epochs; --full: the chapter's 60k/10k, 30 epochs)`,
    )
    .option("--full", "the chapter's scale: 60,000 / 10,000 images, 30 epochs (about an hour on two cores)")
    .option("--workers <n>", "worker threads (default: one per core)", positiveInt)
    .option("--backend <name>", "auto, wasm or cpu", "auto")
    .option("--no-finder", "skip the LR range test")
    .option(
      "--out <dir>",
      "where results.json (written after every epoch) and report.html (at the end) go",
      "lrkit-report",
    )
    .option("--json", "print the results JSON on stdout")
    .action(async (opts: DemoOptions) => {
      const scale: Required<D2lScale> = opts.full ? { ...D2L_CHAPTER } : DEMO_SCALE;
      const out = resolve(opts.out);
      checkOutDir(opts.out, Object.values(resultsPaths(out)));
      const began = performance.now();
      io.err(
        `lrkit demo: d2l's "Learning Rate Scheduling" experiments, LeNet on Fashion-MNIST, ` +
          `${scale.trainSize.toLocaleString("en-US")} / ${scale.testSize.toLocaleString("en-US")} images, ${scale.epochs} epochs` +
          `${opts.full ? " (the chapter's scale)" : " (a scaled-down run; --full for the chapter's scale)"}\n`,
      );
      const run = {
        scale,
        finder: opts.finder,
        workers: opts.workers,
        backend: opts.backend,
        out,
        command: `lrkit demo${opts.full ? " --full" : ""}`,
      };
      const results = await withInterrupts((signal, kill) => demo(run, io, signal, kill));
      io.err(`demo finished in ${formatDuration((performance.now() - began) / 1000)}\n`);
      finish(results, out, opts.json === true, io);
    });
}
