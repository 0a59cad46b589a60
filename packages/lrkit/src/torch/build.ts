/**
 * Builds the optimizer and the scheduler of a golden case as the reference generator does:
 * `torch.optim.<type>(groups, **defaults)`, nested schedulers first, then
 * `Class(optimizer, **kwargs)` (`ChainedScheduler(schedulers, **kwargs)`,
 * `SequentialLR(optimizer, schedulers=..., **kwargs)`).
 *
 * @module
 */
import { ChainedScheduler } from "./chainedScheduler.js";
import type { CaseSpec, SchedulerSpecCase } from "./conformanceTypes.js";
import { ConstantLR } from "./constantLR.js";
import { CosineAnnealingLR } from "./cosineAnnealingLR.js";
import { CosineAnnealingWarmRestarts } from "./cosineAnnealingWarmRestarts.js";
import { CyclicLR } from "./cyclicLR.js";
import { raise } from "./errors.js";
import { ExponentialLR } from "./exponentialLR.js";
import { decodeNonFinite } from "./json.js";
import { LambdaLR } from "./lambdaLR.js";
import { LinearLR } from "./linearLR.js";
import { MultiplicativeLR } from "./multiplicativeLR.js";
import { MultiStepLR } from "./multiStepLR.js";
import { OneCycleLR } from "./oneCycleLR.js";
import { createOptimizer, type Optimizer, type OptimizerType } from "./optimizer.js";
import { PolynomialLR } from "./polynomialLR.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import type { SchedulerLike } from "./scheduler.js";
import { SequentialLR } from "./sequentialLR.js";
import { StepLR } from "./stepLR.js";

type Constructor = new (optimizer: Optimizer, kwargs: never) => SchedulerLike;

/** The classes of `torch.optim.lr_scheduler` built with `(optimizer, **kwargs)`. */
const CLASSES: Readonly<Record<string, Constructor>> = {
  LambdaLR,
  MultiplicativeLR,
  StepLR,
  MultiStepLR,
  ConstantLR,
  LinearLR,
  ExponentialLR,
  PolynomialLR,
  CosineAnnealingLR,
  ReduceLROnPlateau,
  CyclicLR,
  OneCycleLR,
  CosineAnnealingWarmRestarts,
};

/** The optimizer of a case. */
export function buildOptimizer(spec: CaseSpec["optimizer"]): Optimizer {
  const s = decodeNonFinite(spec) as CaseSpec["optimizer"];
  return createOptimizer(s.type as OptimizerType, s.defaults ?? {}, s.param_groups ?? undefined);
}

/** The scheduler of a case (or of a nested spec), on `optimizer`. */
export function buildScheduler(spec: SchedulerSpecCase, optimizer: Optimizer): SchedulerLike {
  const name = spec.scheduler;
  const kwargs = decodeNonFinite(spec.kwargs ?? {}) as Record<string, unknown>;
  if (name === "ChainedScheduler") {
    const schedulers = (spec.schedulers ?? []).map((s) => buildScheduler(s, optimizer));
    for (const key of Object.keys(kwargs)) {
      raise(
        "TypeError",
        key === "schedulers"
          ? "ChainedScheduler.__init__() got multiple values for argument 'schedulers'"
          : `ChainedScheduler.__init__() got an unexpected keyword argument '${key}'`,
      );
    }
    return new ChainedScheduler(schedulers);
  }
  if (name === "SequentialLR") {
    const schedulers = (spec.schedulers ?? []).map((s) => buildScheduler(s, optimizer));
    if (Object.hasOwn(kwargs, "schedulers")) {
      raise(
        "TypeError",
        "torch.optim.lr_scheduler.SequentialLR() got multiple values for keyword argument 'schedulers'",
      );
    }
    return new SequentialLR(optimizer, { ...kwargs, schedulers } as never);
  }
  const Class = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
  if (!Class) return raise("AttributeError", `module 'torch.optim.lr_scheduler' has no attribute '${name}'`);
  return new Class(optimizer, kwargs as never);
}

/** The class names of a case and its nested schedulers. */
export function namesIn(spec: SchedulerSpecCase): string[] {
  return [spec.scheduler, ...(spec.schedulers ?? []).flatMap(namesIn)];
}
