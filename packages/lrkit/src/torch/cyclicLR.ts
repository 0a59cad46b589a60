import type { Json } from "../schedule.js";
import { add, div, eq, floor, mul, pow, sub } from "./arithmetic.js";
import { raise } from "./errors.js";
import { compileLambda, perGroup, type CompiledLambda, type LrLambda } from "./lambdas.js";
import type { Optimizer } from "./optimizer.js";
import { float, toFloat, truthy } from "./python.js";
import { checkOptimizer, LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link CyclicLR} (PyTorch's names and defaults). */
export interface CyclicLRKwargs extends SchedulerKwargs {
  /** The bottom of the cycle, for all groups or one per group. */
  base_lr: number | readonly number[];
  /** The top of the cycle, for all groups or one per group. */
  max_lr: number | readonly number[];
  /** Steps from bottom to top. Defaults to 2000. */
  step_size_up?: number;
  /** Steps from top to bottom. Defaults to `step_size_up`. */
  step_size_down?: number | null;
  /** `"triangular"`, `"triangular2"` or `"exp_range"`; ignored with `scale_fn`. Defaults to `"triangular"`. */
  mode?: string;
  /** The per-step factor of `"exp_range"`. Defaults to 1. */
  gamma?: number;
  /** A formula in `x` (or a function) scaling the amplitude; replaces `mode`. Defaults to none. */
  scale_fn?: LrLambda | null;
  /** Whether `x` of `scale_fn` is the cycle (`"cycle"`) or the step (`"iterations"`). Defaults to `"cycle"`. */
  scale_mode?: string;
  /** Cycle the momentum inversely to the lr (needs an optimizer with `momentum`). Defaults to true. */
  cycle_momentum?: boolean;
  /** The momentum at the top of the lr cycle. Defaults to 0.8. */
  base_momentum?: number | readonly number[];
  /** The momentum at the bottom of the lr cycle. Defaults to 0.9. */
  max_momentum?: number | readonly number[];
}

const BUILT_IN: Record<string, { fn: string; scale_mode: string }> = {
  triangular: { fn: "_triangular_scale_fn", scale_mode: "cycle" },
  triangular2: { fn: "_triangular2_scale_fn", scale_mode: "cycle" },
  exp_range: { fn: "_exp_range_scale_fn", scale_mode: "iterations" },
};

/**
 * PyTorch's `CyclicLR` (Smith's cyclical learning rates): with `c = floor(1 + t / (up + down))`
 * and `x = 1 + t / (up + down) - c`, the height is `x / r` going up (`r = up / (up + down)`) and
 * `(x - 1) / (r - 1)` going down, and `lr = base_lr + (max_lr - base_lr) * height * scale(c or t)`;
 * with `cycle_momentum` the momentum goes the other way, `max_momentum - (max_momentum -
 * base_momentum) * height * scale(...)`. It computes every step from `last_epoch`, so its values
 * are the core `cyclic({ baseLr, maxLr, stepsUp, stepsDown, mode, gamma })`'s at every step.
 *
 * Quirks kept: the constructor overwrites the groups' lr with `base_lr` (and momentum with
 * `base_momentum`); an optimizer without `momentum` in its defaults (Adam) with
 * `cycle_momentum: true` is an error in 1.13.1; `scale_mode` is not validated (anything but
 * `"cycle"` means iterations); a custom `scale_fn` is a formula that serializes.
 *
 * @param optimizer - the optimizer.
 * @param kwargs - see {@link CyclicLRKwargs}.
 * @throws TorchValueError "mode is invalid and scale_fn is None", "optimizer must support momentum
 *   with `cycle_momentum` option enabled", "expected N values for base_lr, got M";
 *   ZeroDivisionError when `step_size_up + step_size_down` is 0.
 * @example
 * ```ts
 * const scheduler = new CyclicLR(optimizer, { base_lr: 0.001, max_lr: 0.006, step_size_up: 2000 });
 * ```
 * @see Smith, "Cyclical Learning Rates for Training Neural Networks", WACV 2017; PyTorch 1.13.1
 *   `torch.optim.lr_scheduler.CyclicLR`; core `cyclic`.
 */
export class CyclicLR extends LRScheduler {
  /** The top of each group's cycle. */
  max_lrs: number[];
  /** Steps of one cycle. */
  total_size: number;
  /** The rising fraction of a cycle. */
  step_ratio: number;
  /** The built-in scaling. */
  mode: string;
  /** The factor of `"exp_range"`. */
  gamma: number;
  /** The custom scaling, if any. */
  _scale_fn_custom: CompiledLambda | null;
  /** What `x` of the scaling is: `"cycle"` or (anything else) the step. */
  scale_mode: string;
  /** Whether the momentum cycles. */
  cycle_momentum: boolean;
  /** Whether the momentum is Adam's `betas[0]` (PyTorch 2.x). */
  use_beta1?: boolean;
  /** Each group's momentum at the top of the lr cycle. */
  base_momentums?: number[];
  /** Each group's momentum at the bottom. */
  max_momentums?: number[];

  constructor(optimizer: Optimizer, kwargs: CyclicLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "CyclicLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        base_lr: REQUIRED,
        max_lr: REQUIRED,
        step_size_up: 2000,
        step_size_down: null,
        mode: "triangular",
        gamma: 1.0,
        scale_fn: null,
        scale_mode: "cycle",
        cycle_momentum: true,
        base_momentum: 0.8,
        max_momentum: 0.9,
      }),
    );
    checkOptimizer(optimizer);
    const groups = optimizer.param_groups;
    const base_lrs = perGroup("base_lr", optimizer, a.base_lr, torch) as number[];
    if (eq(a.last_epoch, -1)) base_lrs.forEach((lr, i) => (groups[i]!.lr = lr));
    const max_lrs = perGroup("max_lr", optimizer, a.max_lr, torch) as number[];
    const up = toFloat(a.step_size_up);
    const down = a.step_size_down === null ? up : toFloat(a.step_size_down);
    const total_size = up + down;
    const step_ratio = div(up, total_size, true);
    const custom = a.scale_fn === null ? null : compileLambda(a.scale_fn, "x");
    if (!Object.hasOwn(BUILT_IN, a.mode as string) && custom === null) {
      raise("ValueError", "mode is invalid and scale_fn is None");
    }
    const scale_mode = custom === null ? BUILT_IN[a.mode as string]!.scale_mode : (a.scale_mode as string);
    const cycle_momentum = truthy(a.cycle_momentum);
    let momentums: { base: number[]; max: number[] } | undefined;
    let use_beta1: boolean | undefined;
    if (cycle_momentum) {
      const { defaults } = optimizer;
      use_beta1 = torch.cyclicBeta1 && Object.hasOwn(defaults, "betas");
      if (!Object.hasOwn(defaults, "momentum") && !use_beta1) raise("ValueError", torch.messages.noMomentum);
      const base = perGroup("base_momentum", optimizer, a.base_momentum, torch) as number[];
      if (torch.cyclicBeta1) {
        // 2.x: the arguments are the momentum range, also when resuming (N6, N7).
        const max = perGroup("max_momentum", optimizer, a.max_momentum, torch) as number[];
        if (eq(a.last_epoch, -1)) {
          groups.forEach((group, i) => {
            if (use_beta1) group.betas = [max[i]!, ...(group.betas ?? []).slice(1)];
            else group.momentum = max[i];
            group.max_momentum = max[i];
            group.base_momentum = base[i];
          });
        }
        momentums = { base, max };
      } else {
        // 1.13.1: the base is each group's momentum after setting it (ignored when resuming).
        if (eq(a.last_epoch, -1)) base.forEach((m, i) => (groups[i]!.momentum = m));
        const current = groups.map((g) => {
          if (!Object.hasOwn(g, "momentum")) raise("KeyError", "momentum");
          return g.momentum as number;
        });
        momentums = {
          base: current,
          max: perGroup("max_momentum", optimizer, a.max_momentum, torch) as number[],
        };
      }
    }
    super(optimizer, a.last_epoch, a.verbose);
    this.max_lrs = max_lrs;
    this.total_size = total_size;
    this.step_ratio = step_ratio;
    this.mode = a.mode as string;
    this.gamma = a.gamma as number;
    this._scale_fn_custom = custom;
    this.scale_mode = scale_mode;
    this.cycle_momentum = cycle_momentum;
    if (momentums) {
      if (torch.cyclicBeta1) this.use_beta1 = use_beta1;
      this.base_momentums = momentums.base;
      this.max_momentums = momentums.max;
    }
    this._initial_step();
    this.base_lrs = base_lrs;
  }

  /** The amplitude's scale at `x` (a cycle number or a step). */
  scale_fn(x: number): number {
    if (this._scale_fn_custom) return this._scale_fn_custom.call(x);
    if (this.mode === "triangular2") return div(1, pow(float(2.0), x - 1), true);
    if (this.mode === "exp_range") return pow(this.gamma, x);
    return 1.0;
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    const cycle = floor(add(1, div(e, this.total_size, true)));
    const x = 1.0 + div(e, this.total_size, true) - cycle;
    const r = this.step_ratio;
    const height = x <= r ? div(x, r, true) : div(x - 1, r - 1, true);
    const at = this.scale_mode === "cycle" ? cycle : e;
    const lrs = this.base_lrs.map((base, i) =>
      add(base, mul(mul(sub(this.max_lrs[i], base), height), this.scale_fn(at))),
    );
    if (this.cycle_momentum && this.base_momentums && this.max_momentums) {
      const max = this.max_momentums;
      const momentums = this.base_momentums.map((base, i) =>
        sub(max[i], mul(mul(sub(max[i], base), height), this.scale_fn(at))),
      );
      this.groups.forEach((g, i) => {
        if (i >= momentums.length) return;
        if (this.use_beta1) g.betas = [momentums[i]!, ...(g.betas ?? []).slice(1)];
        else g.momentum = momentums[i]!;
      });
    }
    return lrs;
  }

  protected ownState(): readonly string[] {
    const range = ["max_lrs", "total_size", "step_ratio", "mode", "gamma"];
    const momentums = ["base_momentums", "max_momentums"];
    // 2.x saves the custom scale function last (see trailingState) and drops _scale_fn_ref.
    return this.torch.version === "2"
      ? [...range, "scale_mode", "cycle_momentum", "use_beta1", ...momentums]
      : [...range, "_scale_fn_custom", "_scale_fn_ref", "scale_mode", "cycle_momentum", ...momentums];
  }

  protected override trailingState(): readonly string[] {
    return this.torch.version === "2" ? ["_scale_fn_custom"] : [];
  }

  get _scale_fn_ref(): string | null {
    return this._scale_fn_custom ? null : (BUILT_IN[this.mode]?.fn ?? null);
  }

  protected override saveEntry(key: string, value: unknown): Json {
    if (key === "_scale_fn_custom") return this._scale_fn_custom?.source ?? null;
    return super.saveEntry(key, value);
  }

  protected override loadEntry(key: string, value: Json): unknown {
    if (key !== "_scale_fn_custom") return super.loadEntry(key, value);
    return typeof value === "string" ? compileLambda(value, "x") : this._scale_fn_custom;
  }

  override load_state_dict(state: Record<string, Json>): void {
    const { _scale_fn_ref: _ignored, ...rest } = state;
    super.load_state_dict(rest);
  }
}
