import type { Json } from "../schedule.js";
import { cos, div, eq, gt, le, lt, mul, num, sub } from "./arithmetic.js";
import { raise } from "./errors.js";
import { perGroup } from "./lambdas.js";
import type { Optimizer, ParamGroup } from "./optimizer.js";
import { float, isInt, str, toFloat, truthy } from "./python.js";
import { checkOptimizer, LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link OneCycleLR} (PyTorch's names and defaults). */
export interface OneCycleLRKwargs extends SchedulerKwargs {
  /** The peak lr, for all groups or one per group. */
  max_lr: number | readonly number[];
  /** Steps of the cycle; wins over `epochs * steps_per_epoch`. Defaults to none. */
  total_steps?: number | null;
  /** With `steps_per_epoch`, gives `total_steps`. Defaults to none. */
  epochs?: number | null;
  /** With `epochs`, gives `total_steps`. Defaults to none. */
  steps_per_epoch?: number | null;
  /** The fraction of the cycle spent rising (a Python float: 0 and 1 count as ints). Defaults to 0.3. */
  pct_start?: number;
  /** `"cos"` or `"linear"`. Defaults to `"cos"`. */
  anneal_strategy?: string;
  /** Cycle the momentum (SGD `momentum`, Adam `betas[0]`) inversely. Defaults to true. */
  cycle_momentum?: boolean;
  /** The momentum at the peak lr. Defaults to 0.85. */
  base_momentum?: number | readonly number[];
  /** The momentum at the start and the end. Defaults to 0.95. */
  max_momentum?: number | readonly number[];
  /** The start lr is `max_lr / div_factor`. Defaults to 25. */
  div_factor?: number;
  /** The final lr is the start lr / `final_div_factor`. Defaults to 1e4. */
  final_div_factor?: number;
  /** Return to the start lr before the final annealing (the paper's schedule). Defaults to false. */
  three_phase?: boolean;
}

/** One phase of the cycle: where it ends and which group keys it anneals between. */
export interface OneCyclePhase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

/**
 * PyTorch's `_annealing_cos` and `_annealing_linear`, in its operation order (as the core's
 * `interpolate` does), with CPython's correctly rounded cosine: at the end of a long cycle
 * `cos(pi * pct) + 1` cancels down to the last ulp.
 */
const ANNEAL = {
  _annealing_cos: (start: number, end: number, pct: number) =>
    end + ((start - end) / 2.0) * (cos(Math.PI * pct) + 1),
  _annealing_linear: (start: number, end: number, pct: number) => (end - start) * pct + start,
} as const;

function positiveInt(value: unknown, name: string, typeFirst = false): number {
  if (typeFirst ? !isInt(value) || le(value, 0) : le(value, 0) || !isInt(value))
    raise("ValueError", `Expected positive integer ${name}, but got ${str(value)}`);
  return value as number; // as given: PyTorch prints True for total_steps=True
}

function readKey(group: ParamGroup, key: string): number {
  if (!Object.hasOwn(group, key)) raise("KeyError", key);
  return group[key] as number;
}

/**
 * PyTorch's `OneCycleLR` (Smith's 1cycle policy): the lr rises from `max_lr / div_factor` to
 * `max_lr` over the first `pct_start` of `total_steps`, then anneals (cosine or linear) to
 * `initial_lr / final_div_factor`; with `three_phase` it first returns to the start lr. The
 * momentum (SGD `momentum` or Adam `betas[0]`) moves the other way. Within `total_steps` it equals
 * the core `oneCycle({ maxLr, steps: total_steps, pctStart, divFactor, finalDivFactor, anneal,
 * threePhase })` and `oneCycleMomentum(...)`.
 *
 * Quirks kept: `step()` may be called `total_steps` times, the last call extrapolating the final
 * phase (a cosine bounces back up, a linear one can go below zero); the next raises "Tried to step
 * N times. The specified number of total steps is M". `total_steps` wins over
 * `epochs * steps_per_epoch`; with few steps a phase can be skipped or, when two phase ends
 * coincide, divide by zero. Phase ends and peaks are written into the groups (`initial_lr`,
 * `max_lr`, `min_lr`, `max_momentum`, `base_momentum`).
 *
 * @param optimizer - the optimizer.
 * @param kwargs - see {@link OneCycleLRKwargs}.
 * @throws TorchValueError with PyTorch's messages for a missing or non-positive-integer
 *   `total_steps` (or `epochs`, `steps_per_epoch`), a `pct_start` that is not a float in [0, 1],
 *   an unknown `anneal_strategy`, an optimizer without momentum or betas, lists of the wrong length.
 * @example
 * ```ts
 * const scheduler = new OneCycleLR(optimizer, { max_lr: 0.01, epochs: 10, steps_per_epoch: 100 });
 * ```
 * @see Smith & Topin, "Super-Convergence", 2019; PyTorch 1.13.1
 *   `torch.optim.lr_scheduler.OneCycleLR`; core `oneCycle`.
 */
export class OneCycleLR extends LRScheduler {
  /** Steps of the cycle. */
  total_steps: number;
  /** The phases of the cycle. */
  _schedule_phases: OneCyclePhase[];
  /** The annealing: `"_annealing_cos"` or `"_annealing_linear"`. */
  anneal_func: keyof typeof ANNEAL;
  /** Whether the momentum cycles. */
  cycle_momentum: boolean;
  /** Whether the momentum is Adam's `betas[0]`. */
  use_beta1?: boolean;

  constructor(optimizer: Optimizer, kwargs: OneCycleLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "OneCycleLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        max_lr: REQUIRED,
        total_steps: null,
        epochs: null,
        steps_per_epoch: null,
        pct_start: 0.3,
        anneal_strategy: "cos",
        cycle_momentum: true,
        base_momentum: 0.85,
        max_momentum: 0.95,
        div_factor: 25.0,
        final_div_factor: 1e4,
        three_phase: false,
      }),
    );
    checkOptimizer(optimizer);
    let total: number;
    const noTotal = "You must define either total_steps OR (epochs AND steps_per_epoch)";
    if (torch.constructorChecks) {
      // 2.x: epochs and steps_per_epoch both given, each checked type first.
      if (a.total_steps !== null) total = positiveInt(a.total_steps, "total_steps");
      else if (a.epochs !== null && a.steps_per_epoch !== null) {
        const epochs = positiveInt(a.epochs, "epochs", true);
        total = epochs * positiveInt(a.steps_per_epoch, "steps_per_epoch", true);
      } else raise("ValueError", noTotal);
    } else if (a.total_steps === null && a.epochs === null && a.steps_per_epoch === null) {
      raise("ValueError", noTotal);
    } else if (a.total_steps !== null) {
      total = positiveInt(a.total_steps, "total_steps");
    } else {
      const epochs = positiveInt(a.epochs, "epochs");
      total = epochs * positiveInt(a.steps_per_epoch, "steps_per_epoch");
    }
    const phases = OneCycleLR.phases(a.pct_start, total, truthy(a.three_phase));
    const pct = a.pct_start;
    if (lt(pct, 0) || gt(pct, 1) || isInt(pct)) {
      raise("ValueError", `Expected float between 0 and 1 pct_start, but got ${str(pct)}`);
    }
    if (a.anneal_strategy !== "cos" && a.anneal_strategy !== "linear") {
      raise("ValueError", torch.messages.annealStrategy(str(a.anneal_strategy)));
    }
    const groups = optimizer.param_groups;
    const max_lrs = perGroup("max_lr", optimizer, a.max_lr, torch);
    if (eq(a.last_epoch, -1)) {
      groups.forEach((group, i) => {
        group.initial_lr = div(max_lrs[i], a.div_factor);
        group.max_lr = max_lrs[i];
        group.min_lr = div(group.initial_lr, a.final_div_factor, true);
      });
    }
    const cycle_momentum = truthy(a.cycle_momentum);
    let use_beta1: boolean | undefined;
    if (cycle_momentum) {
      if (!Object.hasOwn(optimizer.defaults, "momentum") && !Object.hasOwn(optimizer.defaults, "betas")) {
        raise("ValueError", torch.messages.noMomentum);
      }
      use_beta1 = Object.hasOwn(optimizer.defaults, "betas");
      const maxima = perGroup("max_momentum", optimizer, a.max_momentum, torch) as number[];
      const bases = perGroup("base_momentum", optimizer, a.base_momentum, torch) as number[];
      if (eq(a.last_epoch, -1)) {
        groups.forEach((group, i) => {
          if (use_beta1) group.betas = [maxima[i]!, ...(group.betas ?? []).slice(1)];
          else group.momentum = maxima[i];
          group.max_momentum = maxima[i];
          group.base_momentum = bases[i];
        });
      }
    }
    super(optimizer, a.last_epoch, a.verbose);
    this.total_steps = total;
    this._schedule_phases = phases;
    this.anneal_func = a.anneal_strategy === "cos" ? "_annealing_cos" : "_annealing_linear";
    this.cycle_momentum = cycle_momentum;
    if (cycle_momentum) this.use_beta1 = use_beta1;
    this._initial_step();
  }

  /** PyTorch's phases: ends `pct * T - 1` (`2 * pct * T - 2`) and `T - 1`. */
  private static phases(pct: unknown, total: number, threePhase: boolean): OneCyclePhase[] {
    const rise = toFloat(mul(pct, total)) - 1;
    const up = { end_step: rise, start_lr: "initial_lr", end_lr: "max_lr" };
    const downMomentum = { start_momentum: "max_momentum", end_momentum: "base_momentum" };
    const upMomentum = { start_momentum: "base_momentum", end_momentum: "max_momentum" };
    if (!threePhase) {
      return [
        { ...up, ...downMomentum },
        { end_step: total - 1, start_lr: "max_lr", end_lr: "min_lr", ...upMomentum },
      ];
    }
    return [
      { ...up, ...downMomentum },
      {
        end_step: toFloat(mul(2 * num(pct), total)) - 2,
        start_lr: "max_lr",
        end_lr: "initial_lr",
        ...upMomentum,
      },
      {
        end_step: total - 1,
        start_lr: "initial_lr",
        end_lr: "min_lr",
        start_momentum: "max_momentum",
        end_momentum: "max_momentum",
      },
    ];
  }

  protected chainableLr(): number[] {
    const step = this.last_epoch;
    if (gt(step, this.total_steps)) {
      const offset = this.torch.messages.oneCycleStepOffset;
      raise(
        "ValueError",
        `Tried to step ${str(isInt(step) ? Number(step) + offset : float(Number(step) + offset))} times. The specified number of total steps is ${str(this.total_steps)}`,
      );
    }
    const anneal = ANNEAL[this.anneal_func];
    const phases = this._schedule_phases;
    return this.groups.map((group) => {
      let start = 0;
      let lr = NaN;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i]!;
        if (le(step, phase.end_step) || i === phases.length - 1) {
          const pct = div(sub(step, start), phase.end_step - start, true);
          lr = anneal(readKey(group, phase.start_lr), readKey(group, phase.end_lr), pct);
          if (this.cycle_momentum) {
            const m = anneal(readKey(group, phase.start_momentum), readKey(group, phase.end_momentum), pct);
            if (this.use_beta1) group.betas = [m, ...(group.betas ?? []).slice(1)];
            else group.momentum = m;
          }
          break;
        }
        start = phase.end_step;
      }
      return lr;
    });
  }

  protected ownState(): readonly string[] {
    // 2.x saves the strategy's name ("cos", "linear") where 1.13.1 saved the method.
    const anneal = this.torch.version === "2" ? "_anneal_func_type" : "anneal_func";
    return ["total_steps", "_schedule_phases", anneal, "cycle_momentum", "use_beta1"];
  }

  /** The annealing as PyTorch 2.x saves it: `"cos"` or `"linear"`. */
  get _anneal_func_type(): "cos" | "linear" {
    return this.anneal_func === "_annealing_cos" ? "cos" : "linear";
  }

  set _anneal_func_type(value: "cos" | "linear") {
    this.anneal_func = value === "cos" ? "_annealing_cos" : "_annealing_linear";
  }

  protected override loadEntry(key: string, value: Json): unknown {
    if (key === "anneal_func" && !(value === "_annealing_cos" || value === "_annealing_linear")) {
      return this.anneal_func;
    }
    if (key === "_anneal_func_type" && !(value === "cos" || value === "linear")) {
      return this._anneal_func_type;
    }
    return super.loadEntry(key, value);
  }
}
