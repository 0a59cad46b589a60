// Anchor: huggingface/transformers src/transformers/optimization.py, get_scheduler (and
// TYPE_TO_SCHEDULER_FUNCTION); the names are SchedulerType in src/transformers/trainer_utils.py.
import * as v from "valibot";
import * as p from "../../params.js";
import { ParameterRangeError, ParameterTypeError, parseParams, typeError } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { anchorTorchCall } from "../../export/nativeCalls.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { Family } from "../../spec/family.js";
import { getConstantScheduleFamily, getConstantScheduleWithWarmupFamily } from "./constant.js";
import { getCosineScheduleWithWarmupFamily, type GetCosineScheduleWithWarmupOptions } from "./cosine.js";
import {
  getCosineWithHardRestartsScheduleWithWarmupFamily,
  type GetCosineWithHardRestartsScheduleWithWarmupOptions,
} from "./cosineWithHardRestarts.js";
import {
  getCosineWithMinLrScheduleWithWarmupFamily,
  type GetCosineWithMinLrScheduleWithWarmupOptions,
} from "./cosineWithMinLr.js";
import {
  getCosineWithMinLrScheduleWithWarmupLrRateFamily,
  type GetCosineWithMinLrScheduleWithWarmupLrRateOptions,
} from "./cosineWithMinLrRate.js";
import { getInverseSqrtScheduleFamily, type GetInverseSqrtScheduleOptions } from "./inverseSqrt.js";
import { lrParam } from "./lambda.js";
import { getLinearScheduleWithWarmupFamily, type GetLinearScheduleWithWarmupOptions } from "./linear.js";
import {
  getPolynomialDecayScheduleWithWarmupFamily,
  type GetPolynomialDecayScheduleWithWarmupOptions,
} from "./polynomial.js";
import { getWsdScheduleFamily, type GetWsdScheduleOptions } from "./wsd.js";

const NAME = "hf.get_scheduler";

type Steps = "num_warmup_steps" | "num_training_steps";
type Kwargs<O, Passed extends string> = keyof Omit<O, "lr" | Passed> extends never
  ? Record<string, never>
  : Omit<O, "lr" | Passed>;

/**
 * The `scheduler_specific_kwargs` of each schedule name: the parameters of the function
 * `get_scheduler` calls, besides those it passes itself. `constant` and `constant_with_warmup`
 * ignore them, as in HF.
 */
export interface SchedulerSpecificKwargs {
  linear: Kwargs<GetLinearScheduleWithWarmupOptions, Steps>;
  cosine: Kwargs<GetCosineScheduleWithWarmupOptions, Steps>;
  cosine_with_restarts: Kwargs<GetCosineWithHardRestartsScheduleWithWarmupOptions, Steps>;
  polynomial: Kwargs<GetPolynomialDecayScheduleWithWarmupOptions, Steps>;
  constant: Record<string, unknown>;
  constant_with_warmup: Record<string, unknown>;
  inverse_sqrt: Kwargs<GetInverseSqrtScheduleOptions, "num_warmup_steps">;
  cosine_with_min_lr: Kwargs<GetCosineWithMinLrScheduleWithWarmupOptions, Steps>;
  cosine_warmup_with_min_lr: Kwargs<GetCosineWithMinLrScheduleWithWarmupLrRateOptions, Steps>;
  warmup_stable_decay: Kwargs<GetWsdScheduleOptions, Steps>;
}

/**
 * HF's `SchedulerType` names that give a schedule of the step. The other two,
 * `"reduce_lr_on_plateau"` and `"greedy"`, are metric-driven and rejected.
 */
export type ScheduleName = keyof SchedulerSpecificKwargs;

/** Options of {@link get_scheduler}: HF's argument names, with the optimizer's `lr`. */
export interface GetSchedulerOptions<N extends ScheduleName = ScheduleName> {
  /** The optimizer's learning rate, which HF's LambdaLR multiplier scales. */
  readonly lr: number;
  /** Required by every name but `"constant"`, which ignores it. */
  readonly num_warmup_steps?: number | null | undefined;
  /** Required by every name but `"constant"`, `"constant_with_warmup"`, `"inverse_sqrt"` and `"warmup_stable_decay"`. */
  readonly num_training_steps?: number | null | undefined;
  /** The other parameters of the scheduler function, by HF's names. Defaults to none. */
  readonly scheduler_specific_kwargs?: SchedulerSpecificKwargs[N] | null | undefined;
}

/** What `get_scheduler` calls for each name, and which step counts it passes (the rest it ignores). */
const TYPE_TO_SCHEDULER_FUNCTION: Record<
  ScheduleName,
  { readonly family: Family; readonly passes: readonly Steps[]; readonly kwargs: boolean }
> = {
  linear: {
    family: getLinearScheduleWithWarmupFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  cosine: {
    family: getCosineScheduleWithWarmupFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  cosine_with_restarts: {
    family: getCosineWithHardRestartsScheduleWithWarmupFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  polynomial: {
    family: getPolynomialDecayScheduleWithWarmupFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  constant: { family: getConstantScheduleFamily, passes: [], kwargs: false },
  constant_with_warmup: {
    family: getConstantScheduleWithWarmupFamily,
    passes: ["num_warmup_steps"],
    kwargs: false,
  },
  inverse_sqrt: { family: getInverseSqrtScheduleFamily, passes: ["num_warmup_steps"], kwargs: true },
  cosine_with_min_lr: {
    family: getCosineWithMinLrScheduleWithWarmupFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  cosine_warmup_with_min_lr: {
    family: getCosineWithMinLrScheduleWithWarmupLrRateFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
  warmup_stable_decay: {
    family: getWsdScheduleFamily,
    passes: ["num_warmup_steps", "num_training_steps"],
    kwargs: true,
  },
};

const NAMES = Object.keys(TYPE_TO_SCHEDULER_FUNCTION) as [ScheduleName, ...ScheduleName[]];

const params = v.strictObject({
  name: p.oneOf(NAMES, 'The SchedulerType name, e.g. "linear" (the Trainer\'s default) or "cosine".'),
  lr: lrParam,
  num_warmup_steps: v.nullish(
    p.nonNegative('The number of warmup steps; required by every name but "constant".'),
  ),
  num_training_steps: v.nullish(
    p.nonNegative("The number of training steps; required by the decaying schedules."),
  ),
  scheduler_specific_kwargs: v.nullish(
    p.record(
      v.unknown(),
      "must be an object of keyword arguments",
      "The other parameters of the scheduler function, e.g. {num_cycles: 2}. Defaults to none.",
    ),
  ),
});

/**
 * HF's `get_scheduler(name, optimizer, num_warmup_steps, num_training_steps,
 * scheduler_specific_kwargs)`, the Trainer's `lr_scheduler_type`: builds the schedule that HF's
 * `TYPE_TO_SCHEDULER_FUNCTION[name]` builds, with HF's rules for the arguments:
 * `"constant"` ignores everything else; `"constant_with_warmup"` takes `num_warmup_steps` only and
 * ignores the kwargs; `"inverse_sqrt"` takes `num_warmup_steps` and the kwargs (`timescale`);
 * `"warmup_stable_decay"` takes `num_training_steps` optionally; the others require both step
 * counts. The spec is `{ type: "hf.get_scheduler", name, lr, ... }`.
 *
 * `"reduce_lr_on_plateau"` (PyTorch's `ReduceLROnPlateau`) and `"greedy"` (`GreedyLR`) react to a
 * metric, so they are not schedules of the step: the first is lrkit's `Scheduler` with
 * `plateau: hf.REDUCE_LR_ON_PLATEAU_DEFAULTS`; the second has no lrkit equivalent.
 *
 * @param name - a {@link ScheduleName}.
 * @param options - HF's other parameters: see {@link GetSchedulerOptions} for each one's meaning and default.
 * @throws TypeError for `"reduce_lr_on_plateau"` and `"greedy"`, a missing step count, or a kwarg the
 *   function does not take (HF raises TypeError); RangeError for an unknown name (HF raises
 *   ValueError) and the function's own range errors, named `hf.get_scheduler` with the kwarg's path.
 * @example
 * ```ts
 * // TrainingArguments(lr_scheduler_type="cosine", warmup_steps=2, max_steps=10, learning_rate=10)
 * const s = get_scheduler("cosine", { lr: 10, num_warmup_steps: 2, num_training_steps: 10 });
 * [s(1), s(2), s(6)]; // [5, 10, 5]
 * get_scheduler("cosine_with_min_lr", {
 *   lr: 3e-4, num_warmup_steps: 5, num_training_steps: 100, scheduler_specific_kwargs: { min_lr: 1e-5 },
 * });
 * ```
 * @see huggingface/transformers `src/transformers/optimization.py`, `src/transformers/trainer_utils.py`.
 */
export function get_scheduler<N extends ScheduleName>(name: N, options: GetSchedulerOptions<N>): Schedule {
  rejectMetricDriven(name);
  const o = parseParams(NAME, params, { ...options, name });
  const entry = TYPE_TO_SCHEDULER_FUNCTION[o.name];
  const kwargs = entry.kwargs ? (o.scheduler_specific_kwargs ?? {}) : {};
  const args: Record<string, unknown> = { lr: o.lr };
  for (const step of entry.passes) {
    const value = o[step];
    const optional = step === "num_training_steps" && o.name === "warmup_stable_decay";
    if (value === null || value === undefined) {
      if (!optional) throw new ParameterTypeError(NAME, step, `${NAME}: ${step} is required for "${o.name}"`);
    } else args[step] = value;
  }
  const known = Object.keys(entry.family.params.entries).filter(
    (k) => k !== "lr" && !entry.passes.includes(k as Steps),
  );
  for (const [key, value] of Object.entries(kwargs)) {
    if (!known.includes(key)) {
      const list = known.length > 0 ? known.join(", ") : "none";
      typeError(
        NAME,
        `scheduler_specific_kwargs.${key}`,
        `is not a parameter of "${o.name}" (parameters: ${list})`,
        value,
      );
    }
    args[key] = value;
  }
  let inner: Schedule;
  try {
    inner = entry.family.create(args);
  } catch (e) {
    throw renamed(e, entry.family.type, ["lr", ...entry.passes]);
  }
  return relabel(inner, specOf(NAME, { name, ...options }));
}

function rejectMetricDriven(name: unknown): void {
  if (name === "reduce_lr_on_plateau")
    typeError(
      NAME,
      "name",
      "is ReduceLROnPlateau, which follows a metric, not the step: use lrkit's Scheduler with " +
        "{ plateau: hf.REDUCE_LR_ON_PLATEAU_DEFAULTS } (HF's defaults, which are PyTorch's)",
      name,
    );
  if (name === "greedy")
    typeError(
      NAME,
      "name",
      "is GreedyLR, which follows a metric, not the step: lrkit has no equivalent",
      name,
    );
}

/** A parameter error of the function `get_scheduler` called, renamed to `get_scheduler`'s arguments. */
function renamed(e: unknown, inner: string, direct: readonly string[]): unknown {
  if (!(e instanceof ParameterRangeError || e instanceof ParameterTypeError)) return e;
  const root = e.param.split(/[.[]/)[0]!;
  const param = direct.includes(root) ? e.param : `scheduler_specific_kwargs.${e.param}`;
  const prefix = `${inner}: ${e.param}`;
  const message = e.message.startsWith(prefix)
    ? `${NAME}: ${param}${e.message.slice(prefix.length)}`
    : `${NAME}: ${e.message}`;
  return e instanceof ParameterRangeError
    ? new ParameterRangeError(NAME, param, message)
    : new ParameterTypeError(NAME, param, message);
}

/** Registry entry of {@link get_scheduler}. */
export const getSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "HF get_scheduler: any Trainer lr_scheduler_type by name, with scheduler_specific_kwargs.",
  example: 'hf.get_scheduler("cosine_with_min_lr", 5e-5, 5, 50, {min_lr: 1e-6})',
  params,
  // Positional: HF's signature with `lr` for `optimizer`.
  positional: ["name", "lr", "num_warmup_steps", "num_training_steps", "scheduler_specific_kwargs"],
  create: ({ name, ...rest }) => get_scheduler(name, rest as GetSchedulerOptions),
  preset: { anchor: "hf", native: { pytorch: (_, context) => anchorTorchCall("transformers", context) } },
});
