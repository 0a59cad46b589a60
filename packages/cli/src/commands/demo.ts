/**
 * `lrkit demo` (what `npm start` runs): the LR range test on LeNet / Fashion-MNIST, then the five
 * schedules of d2l's chapter "Learning Rate Scheduling" compared, with an HTML report. By default
 * at a scale that takes about five minutes on two cores; `--full` at the chapter's.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { positiveInt } from "../options.js";
import { formatDuration, resultsPaths } from "@lrkit/compare";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER, type D2lScale } from "../experiment/d2lPreset.js";
import { withInterrupts } from "../experiment/interrupts.js";
import { checkOutDir } from "../experiment/outDir.js";
import { compare, finish } from "./compare.js";
import { find, type FindOptions, type FindResult } from "./find.js";

/**
 * The demo's scale, chosen by measurement: LeNet trains at about 1,500 examples/s per core on
 * wasm (batch 256), and the five runs on two workers take three run-lengths; 10,000 training and
 * 2,000 test images for 12 epochs keep the whole demo (LR range test included) near five minutes.
 */
export const DEMO_SCALE: Required<D2lScale> = { trainSize: 10000, testSize: 2000, epochs: 12 };

interface DemoOptions {
  full?: boolean;
  workers?: number;
  backend: string;
  out: string;
  finder: boolean;
  json?: boolean;
}

/** The LR range test of the demo: LeNet, SGD, batch 256, lr from 1e-5 to 10 in 100 updates. */
function rangeTest(
  opts: DemoOptions,
  trainingSteps: number,
  io: Io,
  signal: AbortSignal,
): Promise<FindResult> {
  const options: FindOptions = {
    model: "lenet",
    data: "fashion-mnist",
    optimizer: "sgd",
    batch: D2L_CHAPTER.batchSize,
    start: 1e-5,
    end: 10,
    iterations: 100,
    smoothing: "ema",
    diverge: 4,
    divergeFrom: "best",
    minIterations: 0,
    accumulate: 1,
    seed: 0,
    trainingSteps,
    backend: opts.backend,
  };
  return find(options, io, { signal });
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
      const config = d2lConfig(scale);
      const out = resolve(opts.out);
      checkOutDir(opts.out, Object.values(resultsPaths(out)));
      const began = performance.now();
      io.err(
        `lrkit demo: d2l's "Learning Rate Scheduling" experiments, LeNet on Fashion-MNIST, ` +
          `${scale.trainSize.toLocaleString("en-US")} / ${scale.testSize.toLocaleString("en-US")} images, ${scale.epochs} epochs` +
          `${opts.full ? " (the chapter's scale)" : " (a scaled-down run; --full for the chapter's scale)"}\n`,
      );
      const results = await withInterrupts(async (signal, kill) => {
        let finder: FindResult | null = null;
        if (opts.finder) {
          const steps = scale.epochs * Math.ceil(scale.trainSize / D2L_CHAPTER.batchSize);
          finder = await rangeTest(opts, steps, io, signal);
          const lr = finder.recommendedLr;
          io.err(
            `LR range test: ${finder.iterations} updates in ${finder.seconds.toFixed(1)} s, recommended lr ` +
              `${lr === null ? "none" : Number(lr.toPrecision(2))} (${finder.recommended ?? "-"}); the chapter uses 0.1 to 0.5\n`,
          );
        }
        return compare(
          config,
          {
            out,
            workers: opts.workers,
            backend: opts.backend,
            notes: d2lScaleNotes(scale),
            finder,
            signal,
            kill,
            command: `lrkit demo${opts.full ? " --full" : ""}`,
          },
          io,
        );
      });
      io.err(`demo finished in ${formatDuration((performance.now() - began) / 1000)}\n`);
      finish(results, out, opts.json === true, io);
    });
}
