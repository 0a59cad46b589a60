/**
 * The PyTorch releases `lrkit/torch` reproduces, and the one table of what changed between them:
 * every class reads its behaviour here instead of testing a version. The tags (N1, E, M, ...)
 * are those of the golden README (`golden/torch2/README.md`), which cites 2.13.0's lines.
 *
 * @module
 */
import { raise } from "./errors.js";
import type { Signature } from "./signature.js";

/** A PyTorch behaviour `lrkit/torch` reproduces: 2.x (as of 2.13, the default) or 1.13.1. */
export type TorchVersion = "2" | "1.13";

/** The versions, default first. */
export const TORCH_VERSIONS: readonly TorchVersion[] = ["2", "1.13"];

/** What a version of `torch.optim.lr_scheduler` does where the two differ. */
export interface TorchBehaviour {
  /** The version. */
  readonly version: TorchVersion;
  /** The release traced by the golden files, written as a trace file's `torch_version`. */
  readonly release: string;
  /** Schedulers take `verbose` (removed in 2.x: a TypeError since 2.7). */
  readonly verbose: boolean;
  /**
   * N1, N4: the constructor's step runs in an "initial mode" that leaves the lr as it is
   * (`_is_initial`, 2.x); 1.13.1 tests `last_epoch == 0` instead, so a resumed scheduler
   * (`last_epoch >= 0`) applies one more update and `MultiplicativeLR.step(0)` does not multiply.
   */
  readonly initialMode: boolean;
  /** 1.13.1's initial step resets the optimizer's update count (2.x only records a first call). */
  readonly resetsOptimizerCount: boolean;
  /** New lrs for fewer or more groups than the optimizer has are a ValueError (`zip(strict=True)`). */
  readonly strictGroups: boolean;
  /**
   * N3, N5, W: at a milestone SequentialLR calls `_update_lr(0)` (no warning, no step count) where
   * 1.13.1 called `step(0)`; at construction it steps back every nested scheduler recursively and
   * starts the scheduler of step 0 (`bisect_right(milestones, 0)`), where 1.13.1 stepped back its
   * direct children and started the first.
   */
  readonly sequentialUpdates: boolean;
  /**
   * E: SequentialLR and ChainedScheduler refuse at construction an empty list, a
   * ReduceLROnPlateau and a scheduler without an optimizer (1.13.1 fails later, or with an
   * IndexError); ChainedScheduler takes an `optimizer`; both are LRSchedulers.
   */
  readonly containerChecks: boolean;
  /** N6, N7: CyclicLR cycles Adam's `betas[0]` and, when resuming, uses its momentum arguments. */
  readonly cyclicBeta1: boolean;
  /** N8: CosineAnnealingWarmRestarts wraps `T_cur % T_i` (1.13.1 subtracts `T_i` once). */
  readonly warmRestartsModulo: boolean;
  /** 1.13.1's CosineAnnealingWarmRestarts swallows any exception of its lr computation. */
  readonly warmRestartsSwallowErrors: boolean;
  /** E: construction checks added in 2.x (LinearLR `start_factor=0`, MultiplicativeLR's callables, CAWR's `eta_min`, OneCycleLR's arguments). */
  readonly constructorChecks: boolean;
  /** P: ReduceLROnPlateau is an LRScheduler with `_last_lr` from its construction. */
  readonly plateauIsScheduler: boolean;
  /** M: the texts that changed. */
  readonly messages: {
    /** A group without `initial_lr` when resuming. */
    missingInitialLr(index: number): string;
    /** A per-group list of the wrong length. */
    perGroupLength(name: string, groups: number, given: number): string;
    /** LinearLR's `start_factor` out of range. */
    startFactor: string;
    /** CyclicLR or OneCycleLR with `cycle_momentum` on an optimizer without momentum. */
    noMomentum: string;
    /** OneCycleLR's unknown `anneal_strategy`. */
    annealStrategy(given: string): string;
    /** OneCycleLR stepped past its end names `last_epoch` plus this (2.x: 0, 1.13.1: 1). */
    oneCycleStepOffset: number;
  };
  /** The optimizer defaults that changed: SGD's `lr` (required in 1.13.1) and new keywords. */
  readonly optimizerDefaults: Readonly<Record<string, Signature>>;
}

const MISSING_INITIAL_LR_2 = (i: number): string =>
  `param 'initial_lr' is not specified in param_groups[${i}] when resuming scheduler with last_epoch >= 0.\n` +
  "This typically happens when:\n" +
  "1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state\n" +
  "2. You're using last_epoch >= 0 for a fresh training run (not recommended)";

/** PyTorch 2.x (2.13.0). */
const TORCH_2: TorchBehaviour = {
  version: "2",
  release: "2.13.0",
  verbose: false,
  initialMode: true,
  resetsOptimizerCount: false,
  strictGroups: true,
  sequentialUpdates: true,
  containerChecks: true,
  cyclicBeta1: true,
  warmRestartsModulo: true,
  warmRestartsSwallowErrors: false,
  constructorChecks: true,
  plateauIsScheduler: true,
  messages: {
    missingInitialLr: MISSING_INITIAL_LR_2,
    perGroupLength: (name, groups, given) =>
      `${name} must have the same length as optimizer.param_groups. ${name} has ${given} values, param_groups has ${groups}.`,
    startFactor: "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.",
    noMomentum: "optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
    annealStrategy: (given) => `anneal_strategy must be one of 'cos' or 'linear', instead got ${given}`,
    oneCycleStepOffset: 0,
  },
  optimizerDefaults: {
    SGD: { lr: 1e-3, fused: null },
    Adam: { fused: null, decoupled_weight_decay: false },
    AdamW: { fused: null, differentiable: false },
    Adamax: { differentiable: false, capturable: false },
    NAdam: { decoupled_weight_decay: false, maximize: false, capturable: false, differentiable: false },
    RAdam: { decoupled_weight_decay: false, maximize: false, capturable: false, differentiable: false },
    RMSprop: { capturable: false },
    Adagrad: { differentiable: false, fused: null },
    Adadelta: { capturable: false, differentiable: false },
  },
};

/** PyTorch 1.13.1. */
const TORCH_1_13: TorchBehaviour = {
  version: "1.13",
  release: "1.13.1",
  verbose: true,
  initialMode: false,
  resetsOptimizerCount: true,
  strictGroups: false,
  sequentialUpdates: false,
  containerChecks: false,
  cyclicBeta1: false,
  warmRestartsModulo: false,
  warmRestartsSwallowErrors: true,
  constructorChecks: false,
  plateauIsScheduler: false,
  messages: {
    missingInitialLr: (i) =>
      `param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`,
    perGroupLength: (name, groups, given) => `expected ${groups} values for ${name}, got ${given}`,
    startFactor: "Starting multiplicative factor expected to be between 0 and 1.",
    noMomentum: "optimizer must support momentum with `cycle_momentum` option enabled",
    annealStrategy: (given) => `anneal_strategy must by one of 'cos' or 'linear', instead got ${given}`,
    oneCycleStepOffset: 1,
  },
  optimizerDefaults: {},
};

/** Each version's behaviour. */
export const TORCH_BEHAVIOURS: Readonly<Record<TorchVersion, TorchBehaviour>> = {
  "2": TORCH_2,
  "1.13": TORCH_1_13,
};

/** Where a class made by {@link torchVersion} keeps its version's behaviour. */
export const BEHAVIOUR: unique symbol = Symbol("lrkit/torch behaviour");

/**
 * The behaviour of the class being constructed (`new.target`, readable before `super()`): the
 * version its factory gave it, else 2.x.
 */
export function behaviourOf(target: unknown): TorchBehaviour {
  const proto = (target as { prototype?: { [BEHAVIOUR]?: TorchBehaviour } } | undefined)?.prototype;
  return proto?.[BEHAVIOUR] ?? TORCH_2;
}

/**
 * The scheduler signature of a version: `last_epoch` (and 1.13.1's `verbose`) after the class's
 * own keywords.
 */
export function schedulerSignature(torch: TorchBehaviour, own: Signature, lastEpoch = true): Signature {
  return {
    ...own,
    ...(lastEpoch ? { last_epoch: -1 } : {}),
    ...(torch.verbose ? { verbose: false } : {}),
  };
}

/**
 * Refuses a state saved in the other version's layout: each version's state has a key the other's
 * lacks (`markers`, e.g. 2.x's `_is_initial` and 1.13.1's `verbose`). A state with neither (a
 * partial one) passes, as PyTorch loads any dict.
 *
 * @throws TorchValueError naming both versions and the key that tells them apart.
 */
export function checkStateLayout(
  owner: string,
  state: Readonly<Record<string, unknown>>,
  torch: TorchBehaviour,
  markers: Readonly<Record<TorchVersion, string>>,
): void {
  const other: TorchVersion = torch.version === "2" ? "1.13" : "2";
  if (Object.hasOwn(state, markers[other]) && !Object.hasOwn(state, markers[torch.version])) {
    raise(
      "ValueError",
      `${owner}.load_state_dict: this state was saved in PyTorch ${other}'s layout (it has '${markers[other]}'), ` +
        `but this ${owner} follows PyTorch ${torch.version}; load it into torchVersion("${other}")'s ${owner}`,
    );
  }
}

/** A checked version name. */
export function checkTorchVersion(version: unknown): TorchVersion {
  if (version === "2" || version === "1.13") return version;
  throw new RangeError(
    `lrkit/torch: unknown PyTorch version ${JSON.stringify(version)}; expected one of ${TORCH_VERSIONS.map((v) => `"${v}"`).join(", ")}`,
  );
}
