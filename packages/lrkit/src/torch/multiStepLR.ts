import type { Json } from "../schedule.js";
import { bisectRight, lt, mul, pow } from "./arithmetic.js";
import { raise } from "./errors.js";
import type { Optimizer } from "./optimizer.js";
import { isNumeric, iterate, typeName } from "./python.js";
import { LRScheduler, type SchedulerKwargs } from "./scheduler.js";
import { bindKwargs, REQUIRED } from "./signature.js";
import { behaviourOf, schedulerSignature } from "./version.js";

/** Keyword arguments of {@link MultiStepLR}. */
export interface MultiStepLRKwargs extends SchedulerKwargs {
  /** The steps at which the lr is multiplied by `gamma`; a repeated milestone counts twice. */
  milestones: readonly number[];
  /** The factor of every decay. Defaults to 0.1. */
  gamma?: number;
}

/** Python's `Counter(milestones)`: each milestone with how often it occurs. */
function counter(milestones: unknown): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  if (milestones === null || milestones === undefined) return counts; // Counter(None) is empty
  for (const m of iterate(milestones)) {
    if (m !== null && typeof m === "object" && !(m instanceof Number)) {
      raise("TypeError", `unhashable type: '${typeName(m)}'`);
    }
    const key = isNumeric(m) ? Number(m) : String(m);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * PyTorch's `MultiStepLR`: at each milestone the lr of every group is multiplied by `gamma` once
 * per occurrence of that milestone (`[2, 2, 5]` applies `gamma ** 2` at step 2); milestone 0
 * applies at construction. Milestones need not be sorted.
 *
 * Its closed form, `initial_lr * gamma ** (number of milestones <= t)`, is what `step(epoch)`
 * jumps to and is the core family `multiStep({ lr, milestones, gamma })` (with sorted milestones).
 *
 * @param optimizer - the optimizer.
 * @param kwargs.milestones - a list of steps (empty: the lr never changes).
 * @param kwargs.gamma - Defaults to 0.1.
 * @param kwargs.last_epoch - Defaults to -1.
 * @param kwargs.verbose - Defaults to false.
 * @throws TorchTypeError when `milestones` is not a list of numbers.
 * @example
 * ```ts
 * const scheduler = new MultiStepLR(optimizer, { milestones: [30, 80], gamma: 0.1 });
 * ```
 * @see PyTorch `torch.optim.lr_scheduler.MultiStepLR` (2.x, as of 2.13; 1.13.1 with `torchVersion("1.13")`); core `multiStep`.
 */
export class MultiStepLR extends LRScheduler {
  /** Each milestone with its count (PyTorch's `Counter`). */
  milestones: Map<number | string, number>;
  /** The factor of every decay. */
  gamma: number;

  constructor(optimizer: Optimizer, kwargs: MultiStepLRKwargs) {
    const torch = behaviourOf(new.target);
    const a = bindKwargs(
      "MultiStepLR.__init__",
      kwargs,
      schedulerSignature(torch, {
        milestones: REQUIRED,
        gamma: 0.1,
      }),
    );
    const milestones = counter(a.milestones);
    super(optimizer, a.last_epoch, a.verbose);
    this.milestones = milestones;
    this.gamma = a.gamma as number;
    this._initial_step();
  }

  protected chainableLr(): number[] {
    const e = this.last_epoch;
    const count = isNumeric(e) && !Number.isNaN(Number(e)) ? this.milestones.get(Number(e)) : undefined;
    if (count === undefined) return this.currentLrs();
    return this.groups.map((g) => mul(g.lr, pow(this.gamma, count)));
  }

  protected override closedFormLr(): number[] {
    const sorted = [...this.milestones].flatMap(([m, n]) => Array<number | string>(n).fill(m));
    sorted.sort((x, y) => (lt(x, y) ? -1 : lt(y, x) ? 1 : 0));
    const passed = bisectRight(sorted, this.last_epoch);
    return this.base_lrs.map((base) => mul(base, pow(this.gamma, passed)));
  }

  protected ownState(): readonly string[] {
    return ["milestones", "gamma"];
  }

  /** Milestones as PyTorch's `Counter` prints: `{ "30": 1 }`; a (junk) string milestone is quoted. */
  protected override saveEntry(key: string, value: unknown): Json {
    if (key !== "milestones") return super.saveEntry(key, value);
    const name = (m: number | string): string => (typeof m === "string" ? JSON.stringify(m) : String(m));
    return Object.fromEntries([...this.milestones].map(([m, n]) => [name(m), n]));
  }

  protected override loadEntry(key: string, value: Json): unknown {
    if (key !== "milestones") return super.loadEntry(key, value);
    const entries = Object.entries(value as Record<string, number>);
    return new Map(entries.map(([m, n]) => [m.startsWith('"') ? (JSON.parse(m) as string) : Number(m), n]));
  }
}
