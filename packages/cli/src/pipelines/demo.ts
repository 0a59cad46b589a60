/**
 * The pipeline of `lrkit demo`: the LR range test on LeNet / Fashion-MNIST, then the five
 * schedules of d2l's chapter "Learning Rate Scheduling" compared, at a given scale.
 *
 * @module
 */
import type { CompareResults } from "@lrkit/compare";
import type { Io } from "../io.js";
import { d2lConfig, d2lScaleNotes, D2L_CHAPTER, type D2lScale } from "../experiment/d2lPreset.js";
import { compare } from "./compare.js";
import { find, type FindResult } from "./find.js";

/**
 * The demo's scale, chosen by measurement: LeNet trains at about 1,500 examples/s per core on
 * wasm (batch 256), and the five runs on two workers take three run-lengths; 10,000 training and
 * 2,000 test images for 12 epochs keep the whole demo (LR range test included) near five minutes.
 */
export const DEMO_SCALE: Required<D2lScale> = { trainSize: 10000, testSize: 2000, epochs: 12 };

/** What {@link demo} runs. */
export interface DemoRun {
  /** The size of the experiment: {@link DEMO_SCALE}, or the chapter's. */
  readonly scale: Required<D2lScale>;
  /** Whether to run the LR range test first. */
  readonly finder: boolean;
  /** Worker threads. Defaults to the number of cores. */
  readonly workers?: number | undefined;
  /** "auto", "wasm" or "cpu". */
  readonly backend: string;
  /** The output directory (checked by the caller): results.json is written there after every epoch. */
  readonly out: string;
  /** The command line, kept in the results for the report. */
  readonly command: string;
}

/** The LR range test of the demo: LeNet, SGD, batch 256, lr from 1e-5 to 10 in 100 updates. */
function rangeTest(run: DemoRun, trainingSteps: number, io: Io, signal: AbortSignal): Promise<FindResult> {
  return find(
    {
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
      backend: run.backend,
    },
    io,
    { signal },
  );
}

/**
 * Runs the demo: the range test (unless `run.finder` is false; its recommendation is reported on
 * stderr), then the d2l compare at `run.scale`, its results written to `run.out` after every epoch.
 * A stop signal (`signal`) ends both cleanly; `kill` stops the runs at once.
 *
 * @throws what {@link find} and {@link compare} throw.
 */
export async function demo(
  run: DemoRun,
  io: Io,
  signal: AbortSignal,
  kill: AbortSignal,
): Promise<CompareResults> {
  const { scale } = run;
  let finder: FindResult | null = null;
  if (run.finder) {
    const steps = scale.epochs * Math.ceil(scale.trainSize / D2L_CHAPTER.batchSize);
    finder = await rangeTest(run, steps, io, signal);
    const lr = finder.recommendedLr;
    io.err(
      `LR range test: ${finder.iterations} updates in ${finder.seconds.toFixed(1)} s, recommended lr ` +
        `${lr === null ? "none" : Number(lr.toPrecision(2))} (${finder.recommended ?? "-"}); the chapter uses 0.1 to 0.5\n`,
    );
  }
  return compare(
    d2lConfig(scale),
    {
      out: run.out,
      workers: run.workers,
      backend: run.backend,
      notes: d2lScaleNotes(scale),
      finder,
      signal,
      kill,
      command: run.command,
    },
    io,
  );
}
