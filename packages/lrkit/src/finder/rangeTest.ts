/**
 * The learning-rate range test (Smith, 2017): sweep the lr, watch the loss, stop when it diverges,
 * restore the model, and suggest a learning rate.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import type { ScheduleSpec } from "../schedule.js";
import type { Learner } from "./learner.js";
import { emaSmoother, runningMeanSmoother } from "./smoothing.js";
import { SUGGESTIONS, trimCurve, type SuggestionName } from "./suggestions.js";
import { summarize } from "./summarize.js";
import { yieldToEventLoop } from "./yieldToEventLoop.js";

const params = v.strictObject({
  start: v.optional(p.positive("The first lr of the sweep. Defaults to 1e-7."), 1e-7),
  end: v.optional(p.positive("The last lr of the sweep. Defaults to 10."), 10),
  iterations: v.optional(p.positiveInt("Steps of the sweep, from start to end. Defaults to 100.")),
  multiplier: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x > 1, "must be greater than 1"),
      v.description(
        "Instead of iterations: multiply the lr by this every step, from start until end (the MXNet tutorial's 1.1).",
      ),
    ),
  ),
  mode: v.optional(
    p.oneOf(["exponential", "linear"], 'How the lr grows. Defaults to "exponential".'),
    "exponential",
  ),
  smoothing: v.optional(
    p.oneOf(
      ["ema", "runningMean"],
      '"ema": bias-corrected moving average (fastai); "runningMean": the MXNet tutorial\'s. Defaults to "ema".',
    ),
    "ema",
  ),
  beta: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x >= 0 && x < 1, "must be in [0, 1)"),
      v.description(
        'The smoothing factor: beta of "ema" (defaults to 0.98) or smoothing of "runningMean" (defaults to 0.3).',
      ),
    ),
  ),
  divergeFactor: v.optional(
    v.pipe(
      p.number(),
      v.check((x) => x > 1, "must be greater than 1"),
      v.description("Stop when the smoothed loss exceeds this many times the reference. Defaults to 4."),
    ),
    4,
  ),
  divergeFrom: v.optional(
    p.oneOf(
      ["best", "first"],
      'The reference: the best smoothed loss so far (fastai) or the first loss (the MXNet tutorial). Defaults to "best".',
    ),
    "best",
  ),
  minIterations: v.optional(
    p.nonNegativeInt("No divergence stop before this many steps (the tutorial's 20). Defaults to 0."),
    0,
  ),
  accumulate: v.optional(
    p.positiveInt("Batches whose gradients make one update at each lr. Defaults to 1."),
    1,
  ),
  validation: v.optional(
    p.boolean("Record the validation loss after each step instead of the training loss. Defaults to false."),
    false,
  ),
  seeds: v.optional(
    p.numbers("Run one sweep per seed (data order) and report the spread of the suggestions."),
  ),
  trainingSteps: v.optional(
    p.positiveInt("The length of the run the derived schedules are built for. Defaults to 1000."),
    1000,
  ),
  signal: v.optional(v.custom<AbortSignal>((x) => x instanceof AbortSignal, "must be an AbortSignal")),
  onProgress: v.optional(
    v.custom<(progress: RangeTestProgress) => void>((x) => typeof x === "function", "must be a function"),
  ),
  onSweep: v.optional(
    v.pipe(
      v.custom<(result: RangeTestResult) => void>((x) => typeof x === "function", "must be a function"),
      v.description(
        "Called after every sweep (one per seed) with the result so far, the learner restored: to keep it on disk as the test goes. An error it throws ends the test and is thrown.",
      ),
    ),
  ),
});

/** Options of {@link rangeTest}. */
export type RangeTestOptions = v.InferInput<typeof params>;

/** What the progress callback receives after every step. */
export interface RangeTestProgress {
  readonly iteration: number;
  readonly iterations: number;
  readonly lr: number;
  readonly loss: number;
  readonly smoothed: number;
}

/** Why a sweep ended. */
export type StopReason = "end" | "divergence" | "nan" | "aborted";

/** One sweep's curve and suggestions. */
export interface Sweep {
  readonly seed: number | null;
  readonly lrs: number[];
  readonly losses: number[];
  readonly smoothed: number[];
  readonly stoppedBy: StopReason;
  /** The suggested lr of every method, or null where the curve gives none. */
  readonly suggestions: Record<SuggestionName, number | null>;
}

/** The result of {@link rangeTest}: plain data. */
export interface RangeTestResult extends Sweep {
  /** The recommended method: the one closest, in log-lr, to the median of all the suggestions. */
  readonly recommended: SuggestionName | null;
  /** Its lr. */
  readonly recommendedLr: number | null;
  /** The share of the suggestions within half a decade (a factor sqrt(10)) of the recommended lr. */
  readonly agreement: number;
  /** How far apart the suggestions are: log10(largest / smallest). */
  readonly spreadDecades: number;
  /** Ready schedules built on the recommended lr for `trainingSteps` steps, or null. */
  readonly schedules: { oneCycle: ScheduleSpec; cyclic: ScheduleSpec; warmupCosine: ScheduleSpec } | null;
  /** Every sweep (one per seed). */
  readonly sweeps: Sweep[];
  /** Per method, how far the suggestions of the sweeps are apart, in decades (0 for one sweep). */
  readonly seedSpreadDecades: Record<SuggestionName, number | null>;
  /** Always true: the learner was restored to its snapshot. */
  readonly restored: true;
}

/** A learner failure during the range test; the learner was restored before this was thrown. */
export class RangeTestError extends Error {
  override name = "RangeTestError";
  /**
   * @param message - what happened.
   * @param partial - the curve recorded before the failure.
   * @param cause - the learner's error.
   */
  constructor(
    message: string,
    readonly partial: Pick<Sweep, "lrs" | "losses" | "smoothed">,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

type Options = v.InferOutput<typeof params>;

function plannedLrs(o: Options): number[] {
  const n =
    o.multiplier === undefined
      ? (o.iterations ?? 100)
      : Math.floor(Math.log(o.end / o.start) / Math.log(o.multiplier)) + 1;
  if (o.multiplier !== undefined) return Array.from({ length: n }, (_, i) => o.start * o.multiplier! ** i);
  if (n === 1) return [o.start];
  return Array.from({ length: n }, (_, i) =>
    o.mode === "exponential"
      ? o.start * (o.end / o.start) ** (i / (n - 1))
      : o.start + ((o.end - o.start) * i) / (n - 1),
  );
}

function suggest(
  lrs: readonly number[],
  smoothed: readonly number[],
  planned: number,
): Record<SuggestionName, number | null> {
  const [from, to] = trimCurve(smoothed, planned);
  const l = lrs.slice(from, to);
  const s = smoothed.slice(from, to);
  const out = {} as Record<SuggestionName, number | null>;
  for (const [name, { method, scale }] of Object.entries(SUGGESTIONS) as [
    SuggestionName,
    (typeof SUGGESTIONS)[SuggestionName],
  ][]) {
    const i = l.length >= 3 ? method(l, s) : undefined;
    out[name] = i === undefined ? null : l[i]! * scale;
  }
  return out;
}

async function sweep(
  learner: Learner,
  o: Options,
  lrs: readonly number[],
  seed: number | null,
): Promise<Sweep> {
  const smooth = o.smoothing === "ema" ? emaSmoother(o.beta ?? 0.98) : runningMeanSmoother(o.beta ?? 0.3);
  const curve = { lrs: [] as number[], losses: [] as number[], smoothed: [] as number[] };
  let stoppedBy: StopReason = "end";
  let best = Infinity;
  let first: number | undefined;
  for (let i = 0; i < lrs.length; i++) {
    // A learner's step often resolves through microtasks only: without a macrotask boundary a
    // timer (AbortSignal.timeout) or a SIGINT handler could not abort before the sweep ends.
    await yieldToEventLoop();
    if (o.signal?.aborted) {
      stoppedBy = "aborted";
      break;
    }
    const lr = lrs[i]!;
    let loss: number;
    try {
      loss = await learner.step(lr, o.accumulate);
      if (o.validation) loss = await learner.validate!();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new RangeTestError(
        `rangeTest: the learner failed at step ${i} (lr ${lr}): ${why}; the model was restored`,
        curve,
        e,
      );
    }
    curve.lrs.push(lr);
    curve.losses.push(loss);
    if (!Number.isFinite(loss)) {
      curve.smoothed.push(NaN);
      stoppedBy = "nan";
      break;
    }
    const s = smooth(loss);
    curve.smoothed.push(s);
    o.onProgress?.({ iteration: i, iterations: lrs.length, lr, loss, smoothed: s });
    best = Math.min(best, s);
    first ??= s;
    if (i + 1 >= o.minIterations && s > o.divergeFactor * (o.divergeFrom === "best" ? best : first)) {
      stoppedBy = "divergence";
      break;
    }
  }
  return { seed, ...curve, stoppedBy, suggestions: suggest(curve.lrs, curve.smoothed, lrs.length) };
}

/**
 * Runs the learning-rate range test: one update per lr of an exponential (or linear) sweep from
 * `start` to `end`, recording the loss, smoothing it, and stopping when the smoothed loss exceeds
 * `divergeFactor` times the best (or the first) one, on a NaN or infinite loss, on `signal`, or at
 * the end of the sweep. The sweep yields to the event loop before every step, so that an abort from
 * a timer (`AbortSignal.timeout`) or a Ctrl-C handler lands within one step. The learner is restored to its snapshot in every case, including when it
 * throws (the error is rethrown as a {@link RangeTestError} carrying the partial curve).
 *
 * Every suggestion method runs on the smoothed, trimmed curve (see `SUGGESTIONS`); the result
 * recommends the one closest to their median in log-lr (a consensus: no single method's outlier
 * decides), says how much the others agree, and derives one-cycle, cyclical and warmup-cosine
 * schedules from it. With `seeds`, one sweep runs per data order and the result
 * reports how far the suggestions move between them; `onSweep` receives the result so far after
 * every sweep (a stop or a crash during the next then loses only that one).
 *
 * @param learner - the model, optimizer, loss and data.
 * @param options - see {@link RangeTestOptions}; defaults are fastai's `lr_find` (1e-7 to 10 in
 *   100 steps, EMA 0.98, stop at 4x the best).
 * @throws RangeError / TypeError for bad options; {@link RangeTestError} when the learner throws;
 *   the error `onSweep` throws (the learner restored, the sweeps after it not run).
 * @example
 * ```ts
 * const result = await rangeTest(learner, { start: 1e-6, multiplier: 1.1, smoothing: "runningMean", divergeFactor: 2, divergeFrom: "first", minIterations: 20 });
 * result.recommendedLr; // e.g. 0.05
 * ```
 * @see Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017; fastai
 *   `fastai/callback/schedule.py` `lr_find`; davidtvs/pytorch-lr-finder.
 */
export async function rangeTest(learner: Learner, options: RangeTestOptions = {}): Promise<RangeTestResult> {
  const o = parseParams("rangeTest", params, options);
  ensure(o.end > o.start, "rangeTest", "end", `must exceed start (${o.start})`, o.end);
  ensure(
    !(o.iterations !== undefined && o.multiplier !== undefined),
    "rangeTest",
    "multiplier",
    "cannot be given together with iterations",
    o.multiplier,
  );
  ensure(
    !o.validation || typeof learner.validate === "function",
    "rangeTest",
    "validation",
    "needs a learner with validate()",
    o.validation,
  );
  ensure(
    o.seeds === undefined || typeof learner.reseed === "function",
    "rangeTest",
    "seeds",
    "need a learner with reseed()",
    o.seeds,
  );
  ensure(o.seeds === undefined || o.seeds.length > 0, "rangeTest", "seeds", "must hold a seed", o.seeds);
  const lrs = plannedLrs(o);
  const seeds = o.seeds ?? [null];
  const snapshot = await learner.snapshot();
  const sweeps: Sweep[] = [];
  let result: RangeTestResult | undefined;
  try {
    for (const seed of seeds) {
      try {
        if (seed !== null) await learner.reseed!(seed);
        sweeps.push(await sweep(learner, o, lrs, seed));
      } finally {
        await learner.restore(snapshot);
      }
      result = summarize(sweeps, o.trainingSteps);
      o.onSweep?.(result);
      if (o.signal?.aborted) break;
    }
  } finally {
    await learner.release?.(snapshot);
  }
  return result!;
}
