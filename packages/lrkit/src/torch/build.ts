/**
 * Builds the optimizer and the scheduler of a golden case as the reference generator does:
 * `torch.optim.<type>(groups, **defaults)`, nested schedulers first, then
 * `Class(optimizer, **kwargs)` (`ChainedScheduler(schedulers, **kwargs)`,
 * `SequentialLR(optimizer, schedulers=..., **kwargs)`).
 *
 * @module
 */
import type { CaseSpec, SchedulerSpecCase } from "./conformanceTypes.js";
import { raise } from "./errors.js";
import { decodeNonFinite } from "./json.js";
import type { Optimizer, OptimizerType } from "./optimizer.js";
import type { SchedulerLike } from "./scheduler.js";
import type { TorchSchedulers } from "./torchVersion.js";

/** The classes of `torch.optim.lr_scheduler` built with `(optimizer, **kwargs)`. */
const BUILT_WITH_KWARGS = [
  "LambdaLR",
  "MultiplicativeLR",
  "StepLR",
  "MultiStepLR",
  "ConstantLR",
  "LinearLR",
  "ExponentialLR",
  "PolynomialLR",
  "CosineAnnealingLR",
  "ReduceLROnPlateau",
  "CyclicLR",
  "OneCycleLR",
  "CosineAnnealingWarmRestarts",
] as const;

type Constructor = new (optimizer: Optimizer, kwargs: never) => SchedulerLike;

/** The optimizer of a case, with the version's defaults. */
export function buildOptimizer(spec: CaseSpec["optimizer"], torch: TorchSchedulers): Optimizer {
  const s = decodeNonFinite(spec) as CaseSpec["optimizer"];
  return torch.createOptimizer(s.type as OptimizerType, s.defaults ?? {}, s.param_groups ?? undefined);
}

/** The scheduler of a case (or of a nested spec), on `optimizer`. */
export function buildScheduler(
  spec: SchedulerSpecCase,
  optimizer: Optimizer,
  torch: TorchSchedulers,
): SchedulerLike {
  const name = spec.scheduler;
  const kwargs = decodeNonFinite(spec.kwargs ?? {}) as Record<string, unknown>;
  if (name === "ChainedScheduler") {
    const schedulers = (spec.schedulers ?? []).map((s) => buildScheduler(s, optimizer, torch));
    for (const key of Object.keys(kwargs)) {
      raise(
        "TypeError",
        key === "schedulers"
          ? "ChainedScheduler.__init__() got multiple values for argument 'schedulers'"
          : `ChainedScheduler.__init__() got an unexpected keyword argument '${key}'`,
      );
    }
    return new torch.ChainedScheduler(schedulers);
  }
  if (name === "SequentialLR") {
    const schedulers = (spec.schedulers ?? []).map((s) => buildScheduler(s, optimizer, torch));
    if (Object.hasOwn(kwargs, "schedulers")) {
      raise(
        "TypeError",
        "torch.optim.lr_scheduler.SequentialLR() got multiple values for keyword argument 'schedulers'",
      );
    }
    return new torch.SequentialLR(optimizer, { ...kwargs, schedulers } as never);
  }
  const Class = (BUILT_WITH_KWARGS as readonly string[]).includes(name)
    ? (torch[name as (typeof BUILT_WITH_KWARGS)[number]] as unknown as Constructor)
    : undefined;
  if (!Class) return raise("AttributeError", `module 'torch.optim.lr_scheduler' has no attribute '${name}'`);
  return new Class(optimizer, kwargs as never);
}

/** The class names of a case and its nested schedulers. */
export function namesIn(spec: SchedulerSpecCase): string[] {
  return [spec.scheduler, ...(spec.schedulers ?? []).flatMap(namesIn)];
}
