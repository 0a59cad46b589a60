// Anchor: huggingface/transformers src/transformers/optimization.py, get_reduce_on_plateau_schedule
// (`ReduceLROnPlateau(optimizer, **kwargs)`: PyTorch's defaults).
import type { PlateauOptions } from "../../plateau.js";

/**
 * The options of lrkit's plateau policy that reproduce HF's `reduce_lr_on_plateau`:
 * `get_reduce_on_plateau_schedule` is PyTorch's `ReduceLROnPlateau(optimizer, **kwargs)`, whose
 * defaults are `mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
 * cooldown=0, min_lr=0, eps=1e-8`. It is metric-driven, not a schedule of the step, so it is a
 * `Scheduler` option rather than a preset: pass HF's `scheduler_specific_kwargs` over these,
 * renamed to lrkit's camelCase (`threshold_mode` is `thresholdMode`, `min_lr` is `minLr`).
 *
 * @example
 * ```ts
 * import { constant, Scheduler } from "lrkit";
 * import { hf } from "lrkit/presets";
 * const s = new Scheduler(constant({ lr: 5e-5 }), { plateau: { ...hf.REDUCE_LR_ON_PLATEAU_DEFAULTS, patience: 2 } });
 * s.observe(evalLoss); // once per evaluation, as HF's Trainer does
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`; PyTorch
 *   `torch.optim.lr_scheduler.ReduceLROnPlateau`.
 */
export const REDUCE_LR_ON_PLATEAU_DEFAULTS: Readonly<Required<PlateauOptions>> = Object.freeze({
  mode: "min",
  factor: 0.1,
  patience: 10,
  threshold: 1e-4,
  thresholdMode: "rel",
  cooldown: 0,
  minLr: 0,
  eps: 1e-8,
});
