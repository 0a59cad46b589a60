/**
 * The optimizer the schedulers of `lrkit/torch` drive: PyTorch's `param_groups` and `defaults`
 * as plain data, so that tests need no framework and a TensorFlow.js binding can wrap a real
 * optimizer behind the same shape.
 *
 * @module
 */
import { eq, le, lt } from "./arithmetic.js";
import { raise } from "./errors.js";
import { float, str, truthy } from "./python.js";
import { bindKwargs, type Signature } from "./signature.js";
import { checkTorchVersion, TORCH_BEHAVIOURS, type TorchVersion } from "./version.js";

/** PyTorch's `required` default of SGD's `lr`: it must then be given in every group. */
const REQUIRED_LR: unique symbol = Symbol("required");

/**
 * One parameter group: its learning rate and whatever else the optimizer keeps per group.
 * Schedulers read and write `lr`, add `initial_lr`, and the cyclical ones write `momentum` (SGD,
 * RMSprop) or `betas[0]` (Adam), plus their own keys (`max_lr`, `min_lr`, ...).
 */
export interface ParamGroup {
  /** The learning rate of the next update. */
  lr: number;
  /** The learning rate the schedule is relative to; set by the first scheduler. */
  initial_lr?: number;
  /** SGD's or RMSprop's momentum. */
  momentum?: number;
  /** Adam's `(beta1, beta2)`. */
  betas?: number[];
  /** Other per-group settings. */
  [key: string]: unknown;
}

/** The part of a `torch.optim.Optimizer` that learning-rate schedulers use. */
export interface Optimizer {
  /** The parameter groups, each with its own `lr`. */
  param_groups: ParamGroup[];
  /**
   * The optimizer's keyword arguments with their defaults. `CyclicLR` and `OneCycleLR` look here
   * for `momentum` or `betas` to decide whether (and which) momentum they can cycle.
   */
  defaults: Record<string, unknown>;
  /**
   * Optional: the number of optimizer updates, as PyTorch's wrapper of `optimizer.step()` counts
   * them. When present, schedulers reset it at construction and warn, as PyTorch does, when
   * stepped a second time before any optimizer update.
   */
  _step_count?: number;
}

/** A constructor check: `0.0 <= value`, `0.0 <= value <= 1.0` (`unit`), or both betas in [0, 1). */
type Check = readonly [param: string, kind: "nonNegative" | "unit" | "betas", label?: string];

const BETAS = [0.9, 0.999];
const nonNegative = (param: string, label = `${param} value`): Check => [param, "nonNegative", label];
const LR = nonNegative("lr", "learning rate");
const EPS = nonNegative("eps", "epsilon value");
const ADAM_CHECKS = [LR, EPS, ["betas", "betas"], nonNegative("weight_decay")] as const;

/**
 * The optimizers {@link createOptimizer} knows, as PyTorch 1.13.1 defines them: the keyword
 * arguments with their defaults (in the order of `optimizer.defaults`) and the constructor's checks.
 */
const OPTIMIZERS: Record<string, { defaults: Signature; checks: readonly Check[] }> = {
  SGD: {
    defaults: {
      lr: REQUIRED_LR,
      momentum: 0,
      dampening: 0,
      weight_decay: 0,
      nesterov: false,
      maximize: false,
      foreach: null,
      differentiable: false,
    },
    checks: [], // its own: see validateSgd
  },
  Adam: {
    defaults: {
      lr: 1e-3,
      betas: BETAS,
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
      maximize: false,
      foreach: null,
      capturable: false,
      differentiable: false,
      fused: false,
    },
    checks: ADAM_CHECKS,
  },
  AdamW: {
    defaults: {
      lr: 1e-3,
      betas: BETAS,
      eps: 1e-8,
      weight_decay: 1e-2,
      amsgrad: false,
      foreach: null,
      maximize: false,
      capturable: false,
    },
    checks: ADAM_CHECKS,
  },
  Adamax: {
    defaults: { lr: 2e-3, betas: BETAS, eps: 1e-8, weight_decay: 0, foreach: null, maximize: false },
    checks: ADAM_CHECKS,
  },
  NAdam: {
    defaults: { lr: 2e-3, betas: BETAS, eps: 1e-8, weight_decay: 0, momentum_decay: 4e-3, foreach: null },
    checks: [...ADAM_CHECKS, nonNegative("momentum_decay")],
  },
  RAdam: {
    defaults: { lr: 1e-3, betas: BETAS, eps: 1e-8, weight_decay: 0, foreach: null },
    checks: ADAM_CHECKS,
  },
  RMSprop: {
    defaults: {
      lr: 1e-2,
      momentum: 0,
      alpha: 0.99,
      eps: 1e-8,
      centered: false,
      weight_decay: 0,
      foreach: null,
      maximize: false,
      differentiable: false,
    },
    checks: [LR, EPS, nonNegative("momentum"), nonNegative("weight_decay"), nonNegative("alpha")],
  },
  Adagrad: {
    defaults: {
      lr: 1e-2,
      lr_decay: 0,
      eps: 1e-10,
      weight_decay: 0,
      initial_accumulator_value: 0,
      foreach: null,
      maximize: false,
    },
    checks: [
      LR,
      nonNegative("lr_decay"),
      nonNegative("weight_decay"),
      nonNegative("initial_accumulator_value"),
      EPS,
    ],
  },
  Adadelta: {
    defaults: { lr: 1.0, rho: 0.9, eps: 1e-6, weight_decay: 0, maximize: false, foreach: null },
    checks: [LR, ["rho", "unit", "rho value"], EPS, nonNegative("weight_decay")],
  },
};

/** The optimizer types of {@link createOptimizer}. */
export type OptimizerType =
  "SGD" | "Adam" | "AdamW" | "Adamax" | "NAdam" | "RAdam" | "RMSprop" | "Adagrad" | "Adadelta";

function invalid(what: string, value: unknown): never {
  return raise("ValueError", `Invalid ${what}: ${str(value)}`);
}

/** SGD's checks: `lr < 0.0` (unless required), momentum, weight decay, Nesterov. */
function validateSgd(o: Record<string, unknown>): void {
  if (o.lr !== REQUIRED_LR && lt(o.lr, float(0.0))) invalid("learning rate", o.lr);
  if (lt(o.momentum, float(0.0))) invalid("momentum value", o.momentum);
  if (lt(o.weight_decay, float(0.0))) invalid("weight_decay value", o.weight_decay);
  if (truthy(o.nesterov) && (le(o.momentum, 0) || !eq(o.dampening, 0))) {
    raise("ValueError", "Nesterov momentum requires a momentum and zero dampening");
  }
}

/** Every other optimizer's checks, in its constructor's order. */
function validate(checks: readonly Check[], o: Record<string, unknown>): void {
  for (const [param, kind, label] of checks) {
    const v = o[param];
    if (kind === "nonNegative" && !le(float(0.0), v)) invalid(label!, v);
    if (kind === "unit" && !(le(float(0.0), v) && le(v, float(1.0)))) invalid(label!, v);
    if (kind !== "betas") continue;
    for (const i of [0, 1]) {
      if (!Array.isArray(v) || i >= v.length) raise("IndexError", "list index out of range");
      const b: unknown = v[i];
      if (!(le(float(0.0), b) && lt(b, float(1.0)))) invalid(`beta parameter at index ${i}`, b);
    }
  }
}

/**
 * A plain optimizer as `torch.optim.<type>(groups, **options)` builds it: the options are
 * validated as PyTorch validates them and fill in every key a group does not set. Without
 * `paramGroups` there is one group.
 *
 * @param type - `"SGD"`, `"Adam"`, `"AdamW"`, `"Adamax"`, `"NAdam"`, `"RAdam"`, `"RMSprop"`,
 *   `"Adagrad"` or `"Adadelta"`.
 * @param options - the optimizer's keyword arguments (`lr`, `momentum`, `betas`, ...).
 * @param paramGroups - per-group settings; keys they set win over `options`.
 * @param version - the PyTorch version whose defaults apply: "2" (the default; SGD's `lr` defaults
 *   to 1e-3) or "1.13" (SGD needs an `lr`).
 * @throws TorchValueError with PyTorch's message for an invalid value (a negative `lr`, a beta
 *   outside [0, 1), Nesterov without momentum, a group without `lr` for SGD);
 *   TorchTypeError for an unknown keyword; TorchAttributeError for an unknown `type`.
 * @example
 * ```ts
 * const optimizer = createOptimizer("SGD", { lr: 0.1, momentum: 0.9 }, [{ lr: 0.1 }, { lr: 0.01 }]);
 * optimizer.param_groups[1]; // { lr: 0.01, momentum: 0.9, dampening: 0, ... }
 * ```
 */
export function createOptimizer(
  type: OptimizerType,
  options: Record<string, unknown> = {},
  paramGroups?: readonly Record<string, unknown>[],
  version: TorchVersion = "2",
): Optimizer {
  const spec = Object.hasOwn(OPTIMIZERS, type) ? OPTIMIZERS[type] : undefined;
  if (!spec) return raise("AttributeError", `module 'torch.optim' has no attribute '${String(type)}'`);
  const signature = {
    ...spec.defaults,
    ...TORCH_BEHAVIOURS[checkTorchVersion(version)].optimizerDefaults[type],
  };
  const bound = bindKwargs(`${type}.__init__`, options, signature);
  if (type === "SGD") validateSgd(bound);
  else validate(spec.checks, bound);
  const defaults = Object.fromEntries(Object.entries(bound).filter(([, v]) => v !== REQUIRED_LR));
  const groups = paramGroups && paramGroups.length > 0 ? paramGroups : [{}];
  const param_groups = groups.map((given) => {
    const group: Record<string, unknown> = { ...given };
    for (const [name, value] of Object.entries(bound)) {
      if (value === REQUIRED_LR && !Object.hasOwn(group, name)) {
        raise(
          "ValueError",
          `parameter group didn't specify a value of required optimization parameter ${name}`,
        );
      }
      if (!Object.hasOwn(group, name)) group[name] = Array.isArray(value) ? [...value] : value;
    }
    return group as ParamGroup;
  });
  return { param_groups, defaults };
}

/**
 * Python's `repr` of an optimizer (`Optimizer.__repr__`): each group's settings but its
 * parameters, sorted by name, for PyTorch's messages that print one.
 */
export function optimizerRepr(optimizer: Optimizer): string {
  let text = "Optimizer (";
  optimizer.param_groups.forEach((group, i) => {
    text += `\nParameter Group ${i}\n`;
    for (const key of Object.keys(group).sort())
      if (key !== "params") text += `    ${key}: ${str(group[key])}\n`;
  });
  return `${text})`;
}
