// States from outside: every entry of every scheduler's state_dict replaced by a value of another
// kind is refused at the load with a Python-style error naming the entry, the scheduler left as
// it was (where PyTorch would take it and fail later, or give other numbers).
import { describe, expect, test } from "vitest";
import { isPythonException } from "./errors.js";
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  createOptimizer,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
  torchVersion,
  type SchedulerLike,
  type StateDict,
} from "./index.js";
import { catchWarnings } from "./warnings.js";

const groups = [{ lr: 0.1 }, { lr: 0.01 }];
const sgd = () => createOptimizer("SGD", { lr: 0.1, momentum: 0.9 }, groups);

/** One scheduler of each class, two parameter groups, a few steps in. */
const SCHEDULERS: Record<string, () => SchedulerLike> = {
  LambdaLR: () => new LambdaLR(sgd(), { lr_lambda: "0.9 ** epoch" }),
  MultiplicativeLR: () => new MultiplicativeLR(sgd(), { lr_lambda: "0.9" }),
  StepLR: () => new StepLR(sgd(), { step_size: 2 }),
  MultiStepLR: () => new MultiStepLR(sgd(), { milestones: [2, 4] }),
  ConstantLR: () => new ConstantLR(sgd()),
  LinearLR: () => new LinearLR(sgd()),
  ExponentialLR: () => new ExponentialLR(sgd(), { gamma: 0.9 }),
  PolynomialLR: () => new PolynomialLR(sgd()),
  CosineAnnealingLR: () => new CosineAnnealingLR(sgd(), { T_max: 10 }),
  CyclicLR: () => new CyclicLR(sgd(), { base_lr: 0.01, max_lr: 0.1, step_size_up: 2 }),
  OneCycleLR: () => new OneCycleLR(sgd(), { max_lr: 0.1, total_steps: 20 }),
  CosineAnnealingWarmRestarts: () => new CosineAnnealingWarmRestarts(sgd(), { T_0: 3 }),
  ReduceLROnPlateau: () => new ReduceLROnPlateau(sgd(), { patience: 1 }),
  SequentialLR: () => {
    const o = sgd();
    const schedulers = [new ConstantLR(o), new ExponentialLR(o, { gamma: 0.9 })];
    return new SequentialLR(o, { schedulers, milestones: [3] });
  },
  ChainedScheduler: () => {
    const o = sgd();
    return new ChainedScheduler([new ConstantLR(o), new ExponentialLR(o, { gamma: 0.9 })]);
  },
};

function advanced(make: () => SchedulerLike): SchedulerLike {
  const s = make();
  catchWarnings(() => {
    for (let t = 0; t < 3; t++) {
      if (s instanceof ReduceLROnPlateau) s.step(1);
      else s.step();
    }
  });
  return s;
}

/** Values of another kind than `value` (and, for lists, another length). */
function tampered(value: unknown): unknown[] {
  const isDict = typeof value === "object" && value !== null && !Array.isArray(value);
  const out: unknown[] = isDict ? [3] : [{ a: 1 }];
  if (typeof value !== "string") out.push("x");
  if (Array.isArray(value)) out.push([...value, value[0] ?? 1], 3);
  else out.push([1]);
  return out;
}

describe("load_state_dict refuses a state entry of another kind, naming it, and changes nothing", () => {
  for (const [name, make] of Object.entries(SCHEDULERS)) {
    test(name, () => {
      const saved = JSON.parse(JSON.stringify(advanced(make).state_dict())) as StateDict;
      let refused = 0;
      for (const [key, value] of Object.entries(saved)) {
        if (value === null) continue; // an optional entry: anything may stand there
        for (const bad of tampered(value)) {
          const s = advanced(make);
          const before = JSON.stringify(s.state_dict());
          let error: unknown;
          try {
            s.load_state_dict({ ...saved, [key]: bad } as StateDict);
          } catch (e) {
            error = e;
          }
          expect(isPythonException(error), `${key} = ${JSON.stringify(bad)}: ${String(error)}`).toBe(true);
          expect((error as Error).message).toContain(`'${key}'`);
          expect(JSON.stringify(s.state_dict()), key).toBe(before);
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(0);
      const s = advanced(make);
      s.load_state_dict(saved);
      expect(s.state_dict()).toEqual(saved);
    });
  }

  test("in 1.13.1's classes too", () => {
    const v113 = torchVersion("1.13");
    const s = new v113.StepLR(v113.createOptimizer("SGD", { lr: 0.1 }), { step_size: 2 });
    expect(() => s.load_state_dict({ ...s.state_dict(), base_lrs: [0.1, 0.2] })).toThrow(
      "StepLR.load_state_dict: 'base_lrs' has 2 values where this scheduler has 1",
    );
  });
});
