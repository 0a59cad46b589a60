// Anchor: huggingface/pytorch-image-models timm/scheduler/plateau_lr.py, PlateauLRScheduler (which
// wraps torch.optim.lr_scheduler.ReduceLROnPlateau), and timm/scheduler/scheduler.py.
import * as v from "valibot";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { plateau, type PlateauState } from "../../plateau.js";
import { lrParam } from "./scheduler.js";
import type { PlateauLRSchedulerOptions } from "./options.generated.js";

const NAME = "timm.PlateauLRScheduler";

// The parameters in timm's signature order, with `lr` for `optimizer`; the noise parameters are not
// supported.
/** The schema of {@link PlateauLRSchedulerOptions} (its interface is generated from it). */
export const plateauLRSchedulerParams = v.strictObject({
  lr: lrParam,
  decay_rate: v.optional(
    p.openUnit(
      "The factor of a cut, in (0, 1) (torch's factor; torch raises for factor >= 1). Defaults to 0.1.",
    ),
    0.1,
  ),
  patience_t: v.optional(
    p.nonNegativeInt("Epochs without improvement tolerated before a cut (torch's patience). Defaults to 10."),
    10,
  ),
  threshold: v.optional(
    p.nonNegative(
      "How much better counts as better, relative to the best (torch's rel mode). Defaults to 1e-4.",
    ),
    1e-4,
  ),
  cooldown_t: v.optional(
    p.nonNegativeInt("Epochs after a cut during which bad epochs are not counted. Defaults to 0."),
    0,
  ),
  warmup_t: v.optional(
    p.nonNegative("Epochs of linear warmup, metrics ignored, up to and including this one. Defaults to 0."),
    0,
  ),
  warmup_lr_init: v.optional(p.nonNegative("The lr at epoch 0 of the warmup. Defaults to 0."), 0),
  lr_min: v.optional(p.nonNegative("No cut goes below this lr (torch's min_lr). Defaults to 0."), 0),
  mode: v.optional(
    p.oneOf(["min", "max"], 'Whether the metric should go down ("min") or up ("max"). Defaults to "max".'),
    "max",
  ),
});

export type { PlateauLRSchedulerOptions };

/** The state of a {@link PlateauLRSchedulerPolicy}: plain JSON, never mutated. */
export interface PlateauLRSchedulerState {
  /** The lr timm last wrote into the param group itself: the initial one, or a warmup step's. */
  readonly written: number;
  /** The core plateau policy's state; its `scale` is the product of the cuts since `written`. */
  readonly plateau: PlateauState;
}

/** timm's `PlateauLRScheduler` as a state machine: `init() → state`, `step(state, epoch, metric)`, `lr(state)`. */
export interface PlateauLRSchedulerPolicy {
  /** The options with timm's defaults filled in. */
  readonly options: v.InferOutput<typeof plateauLRSchedulerParams>;
  /** The state right after construction. */
  init(): PlateauLRSchedulerState;
  /** The state after timm's `step(epoch, metric)`; `metric` undefined is timm's `None`. */
  step(state: PlateauLRSchedulerState, epoch: number, metric?: number): PlateauLRSchedulerState;
  /** The lr in this state: the param group's `lr` in timm. */
  lr(state: PlateauLRSchedulerState): number;
}

/**
 * timm's `PlateauLRScheduler`: a linear warmup, then PyTorch's `ReduceLROnPlateau` on the lr it
 * leaves, with timm's defaults (`mode="max"`, for an accuracy). Metric-driven, so a state machine
 * rather than a schedule of the step: `step(state, epoch, metric)` is timm's
 * `scheduler.step(epoch, metric)` and `lr(state)` the param group's lr after it. Decisions are the
 * core `plateau` policy's (`factor = decay_rate`, `patience = patience_t`, `cooldown = cooldown_t`,
 * `minLr = lr_min`, relative threshold, eps 1e-8).
 *
 * timm's semantics, kept:
 * - `step(epoch)` with `epoch <= warmup_t` writes `warmup_lr_init + epoch * (lr - warmup_lr_init) /
 *   warmup_t` and ignores the metric (the plateau's counters stay as they are); `warmup_t`
 *   included, so the warmup ends at `lr`. With `warmup_t = 0` that is `step(0)`, which writes
 *   `warmup_lr_init` (0 by default): timm's `train.py` steps `epoch + 1`, from 1, and never does.
 * - After the warmup, each metric may cut the lr that the warmup (or construction) left; a later
 *   warmup step writes its own lr over any cut.
 * - At construction the lr is `warmup_lr_init` with a warmup, else `lr`.
 *
 * The lr after cuts is `written * scale`, the plateau's product of cuts, within a few ulps of
 * PyTorch's repeated `max(lr * decay_rate, lr_min)` (exact on 1358 of the 1453 steps of the golden
 * cases, 5e-16 apart at most). timm's noise (`noise_range_t`, ...) is not supported.
 *
 * @param options - timm's parameters: see {@link PlateauLRSchedulerOptions} for each one's meaning and default.
 * @throws RangeError or TypeError for invalid options, naming the parameter and the value.
 * @example
 * ```ts
 * const policy = PlateauLRScheduler({ lr: 0.1, warmup_t: 2, warmup_lr_init: 0.01, patience_t: 1 });
 * let state = policy.init();
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   const accuracy = trainOneEpoch(policy.lr(state));
 *   state = policy.step(state, epoch + 1, accuracy); // timm's train.py: lr_scheduler.step(epoch + 1, metric)
 * }
 * ```
 * @see huggingface/pytorch-image-models `timm/scheduler/plateau_lr.py`; PyTorch
 *   `torch.optim.lr_scheduler.ReduceLROnPlateau`.
 */
export function PlateauLRScheduler(options: PlateauLRSchedulerOptions): PlateauLRSchedulerPolicy {
  const o = parseParams(NAME, plateauLRSchedulerParams, options);
  const policy = plateau({
    mode: o.mode,
    factor: o.decay_rate,
    patience: o.patience_t,
    threshold: o.threshold,
    thresholdMode: "rel",
    cooldown: o.cooldown_t,
    minLr: o.lr_min,
  });
  const increment = o.warmup_t > 0 ? (o.lr - o.warmup_lr_init) / o.warmup_t : 1; // timm's warmup_steps
  const lr = (state: PlateauLRSchedulerState) => state.written * policy.factor(state.plateau);
  return {
    options: o,
    init: () => ({ written: o.warmup_t > 0 ? o.warmup_lr_init : o.lr, plateau: policy.init() }),
    step(state, epoch, metric) {
      if (epoch <= o.warmup_t) {
        const written = o.warmup_lr_init + epoch * increment;
        return { written, plateau: { ...state.plateau, scale: 1 } };
      }
      if (metric === undefined) return state;
      return { written: state.written, plateau: policy.update(state.plateau, metric, lr(state)) };
    },
    lr,
  };
}
