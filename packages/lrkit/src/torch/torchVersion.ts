/**
 * `torchVersion(version)`: the schedulers (and the optimizer factory) of one PyTorch version,
 * chosen once. The classes exported by `lrkit/torch` follow 2.x; `torchVersion("1.13")` gives
 * the same classes with 1.13.1's behaviour (see `version.ts` for what differs).
 *
 * @module
 */
import { ChainedScheduler } from "./chainedScheduler.js";
import { ConstantLR } from "./constantLR.js";
import { CosineAnnealingLR } from "./cosineAnnealingLR.js";
import { CosineAnnealingWarmRestarts } from "./cosineAnnealingWarmRestarts.js";
import { CyclicLR } from "./cyclicLR.js";
import { ExponentialLR } from "./exponentialLR.js";
import { LambdaLR } from "./lambdaLR.js";
import { LinearLR } from "./linearLR.js";
import { MultiplicativeLR } from "./multiplicativeLR.js";
import { MultiStepLR } from "./multiStepLR.js";
import { OneCycleLR } from "./oneCycleLR.js";
import { createOptimizer, type Optimizer, type OptimizerType } from "./optimizer.js";
import { PolynomialLR } from "./polynomialLR.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import { SequentialLR } from "./sequentialLR.js";
import { StepLR } from "./stepLR.js";
import { BEHAVIOUR, checkTorchVersion, TORCH_BEHAVIOURS, type TorchVersion } from "./version.js";

/** The 15 classes of `torch.optim.lr_scheduler`, by name. */
const CLASSES = {
  LambdaLR,
  MultiplicativeLR,
  StepLR,
  MultiStepLR,
  ConstantLR,
  LinearLR,
  ExponentialLR,
  SequentialLR,
  CosineAnnealingLR,
  ChainedScheduler,
  ReduceLROnPlateau,
  CyclicLR,
  OneCycleLR,
  CosineAnnealingWarmRestarts,
  PolynomialLR,
};

/** The schedulers of one PyTorch version, with PyTorch's names, and its optimizer factory. */
export type TorchSchedulers = typeof CLASSES & {
  /** The version. */
  readonly version: TorchVersion;
  /** {@link createOptimizer} with this version's defaults. */
  createOptimizer(
    type: OptimizerType,
    options?: Record<string, unknown>,
    paramGroups?: readonly Record<string, unknown>[],
  ): Optimizer;
};

/** A subclass of `Base` that behaves as `version` (same name, same `instanceof`). */
function versioned<C extends abstract new (...args: never[]) => object>(Base: C, version: TorchVersion): C {
  const Versioned = class extends (Base as unknown as new (...args: never[]) => object) {};
  Object.defineProperty(Versioned, "name", { value: Base.name });
  Object.defineProperty(Versioned.prototype, BEHAVIOUR, { value: TORCH_BEHAVIOURS[version] });
  return Versioned as unknown as C;
}

const made = new Map<TorchVersion, TorchSchedulers>();

/**
 * The schedulers of one PyTorch version: `"2"` (2.x as of 2.13, the default: the classes
 * `lrkit/torch` exports) or `"1.13"` (1.13.1, byte for byte as before). Choose once, then use
 * its classes everywhere: schedulers of one version nest only in containers of the same version,
 * and a state saved in one version loads only in that version.
 *
 * @param version - `"2"` or `"1.13"`.
 * @returns the classes and `createOptimizer`, the same objects on every call.
 * @throws RangeError naming the version when it is neither.
 * @example
 * ```ts
 * const torch = torchVersion("1.13");
 * const optimizer = torch.createOptimizer("SGD", { lr: 0.1 });
 * const scheduler = new torch.StepLR(optimizer, { step_size: 30, verbose: true });
 * ```
 */
export function torchVersion(version: TorchVersion): TorchSchedulers {
  const v = checkTorchVersion(version);
  const known = made.get(v);
  if (known) return known;
  const classes = Object.fromEntries(
    Object.entries(CLASSES).map(([name, Base]) => [name, v === "2" ? Base : versioned(Base, v)]),
  ) as typeof CLASSES;
  const schedulers: TorchSchedulers = {
    ...classes,
    version: v,
    createOptimizer: (type, options, paramGroups) => createOptimizer(type, options, paramGroups, v),
  };
  made.set(v, schedulers);
  return schedulers;
}
