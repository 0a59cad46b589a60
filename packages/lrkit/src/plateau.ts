/**
 * Reduce-on-plateau as an explicit state machine with plain, immutable, JSON-serializable state.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "./params.js";
import { parseParams } from "./params.js";
import type { PlateauOptions } from "./spec/options.generated.js";

/** The schema of {@link PlateauOptions} (its interface is generated from it). */
export const plateauParams = v.strictObject({
  mode: v.optional(
    p.oneOf(["min", "max"], 'Whether the metric should go down ("min") or up ("max"). Defaults to "min".'),
    "min",
  ),
  factor: v.optional(p.openUnit("The lr is multiplied by factor at every cut. Defaults to 0.1."), 0.1),
  patience: v.optional(p.nonNegativeInt("Bad epochs tolerated before a cut. Defaults to 10."), 10),
  threshold: v.optional(p.nonNegative("How much better counts as better. Defaults to 1e-4."), 1e-4),
  thresholdMode: v.optional(
    p.oneOf(["rel", "abs"], 'Threshold relative to the best ("rel") or absolute. Defaults to "rel".'),
    "rel",
  ),
  cooldown: v.optional(
    p.nonNegativeInt("Epochs after a cut during which bad epochs are not counted. Defaults to 0."),
    0,
  ),
  minLr: v.optional(p.nonNegative("No cut goes below this lr. Defaults to 0."), 0),
  eps: v.optional(p.nonNegative("A cut smaller than eps is skipped. Defaults to 1e-8."), 1e-8),
});

export type { PlateauOptions };

/** A JSON-safe number: non-finite values are written as strings, as in the golden files. */
export type JsonNumber = number | "Infinity" | "-Infinity" | "NaN";

/** The state of a plateau policy: plain JSON, never mutated. */
export interface PlateauState {
  /** The best metric so far (`"Infinity"` / `"-Infinity"` before the first one, in min / max mode). */
  readonly best: JsonNumber;
  /** Epochs since the last improvement. */
  readonly badEpochs: number;
  /** Epochs of cooldown left. */
  readonly cooldown: number;
  /** The product of the cuts so far: the factor the lr is multiplied by. */
  readonly scale: number;
  /** Metrics seen. */
  readonly epochs: number;
}

/** A reduce-on-plateau policy: `init() → state`, `update(state, metric, lr) → state`, `factor(state)`. */
export interface PlateauPolicy {
  /** The options with defaults filled in, as JSON. */
  readonly options: Required<PlateauOptions>;
  /** The state before any metric. */
  init(): PlateauState;
  /**
   * The state after observing `metric` at the current learning rate `lr` (which a cut is applied
   * to, bounded by `minLr` and skipped when smaller than `eps`). NaN and infinite metrics count as
   * bad epochs unless they compare better.
   */
  update(state: PlateauState, metric: number, lr: number): PlateauState;
  /** The multiplier of the lr in this state. */
  factor(state: PlateauState): number;
}

const encode = (v: number): JsonNumber => (Number.isFinite(v) ? v : (String(v) as JsonNumber));

/**
 * Reduce the learning rate when a metric has stopped improving, with PyTorch's rules: a metric is
 * better when it beats the best by `threshold` (relative: `best * (1 -/+ threshold)`, absolute:
 * `best -/+ threshold`); after more than `patience` bad epochs the lr is cut to
 * `max(lr * factor, minLr)` (skipped when the cut is not larger than `eps`), then `cooldown`
 * epochs pass with bad epochs reset to zero.
 *
 * @param options - see {@link PlateauOptions}; defaults are PyTorch's.
 * @throws RangeError or TypeError for invalid options.
 * @example
 * ```ts
 * const policy = plateau({ patience: 2, factor: 0.5 });
 * let state = policy.init();
 * for (const loss of [1, 1, 1, 1]) state = policy.update(state, loss, 0.1 * policy.factor(state));
 * policy.factor(state); // 0.5
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.ReduceLROnPlateau`; Keras `ReduceLROnPlateau`.
 */
export function plateau(options: PlateauOptions = {}): PlateauPolicy {
  const o = parseParams("plateau", plateauParams, options);
  const { factor, patience, threshold, minLr, eps } = o;
  const isBetter =
    o.mode === "min"
      ? o.thresholdMode === "rel"
        ? (a: number, best: number) => a < best * (1 - threshold)
        : (a: number, best: number) => a < best - threshold
      : o.thresholdMode === "rel"
        ? (a: number, best: number) => a > best * (threshold + 1)
        : (a: number, best: number) => a > best + threshold;
  return {
    options: o,
    init: () => ({
      best: encode(o.mode === "min" ? Infinity : -Infinity),
      badEpochs: 0,
      cooldown: 0,
      scale: 1,
      epochs: 0,
    }),
    update(state, metric, lr) {
      let best = Number(state.best);
      let { badEpochs, cooldown, scale } = state;
      if (isBetter(metric, best)) {
        best = metric;
        badEpochs = 0;
      } else badEpochs += 1;
      if (cooldown > 0) {
        cooldown -= 1;
        badEpochs = 0;
      }
      if (badEpochs > patience) {
        const next = Math.max(lr * factor, minLr);
        if (lr - next > eps) scale = (scale * next) / lr;
        cooldown = o.cooldown;
        badEpochs = 0;
      }
      return { best: encode(best), badEpochs, cooldown, scale, epochs: state.epochs + 1 };
    },
    factor: (state) => state.scale,
  };
}
