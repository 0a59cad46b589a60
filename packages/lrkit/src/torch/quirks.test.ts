// PyTorch's behaviours that a port must keep (shared/golden/torch/README.md, numbered as there),
// through the public API. Expected values are PyTorch's: each test names its golden case. Where
// 2.x changed one (golden/torch2/README.md), the test runs torchVersion("1.13") and says so;
// versions.test.ts has 2.x's side.
import { describe, expect, test } from "vitest";
import { expectCloseArray } from "../test/expect.js";
import { ChainedScheduler } from "./chainedScheduler.js";
import { ConstantLR } from "./constantLR.js";
import { CosineAnnealingLR } from "./cosineAnnealingLR.js";
import { CosineAnnealingWarmRestarts } from "./cosineAnnealingWarmRestarts.js";
import { CyclicLR } from "./cyclicLR.js";
import { isPythonException, TorchValueError } from "./errors.js";
import { ExponentialLR } from "./exponentialLR.js";
import { LambdaLR } from "./lambdaLR.js";
import { MultiplicativeLR } from "./multiplicativeLR.js";
import { MultiStepLR } from "./multiStepLR.js";
import { OneCycleLR } from "./oneCycleLR.js";
import { createOptimizer, type Optimizer } from "./optimizer.js";
import { PolynomialLR } from "./polynomialLR.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import { SequentialLR } from "./sequentialLR.js";
import { StepLR } from "./stepLR.js";
import { torchVersion } from "./torchVersion.js";
import { catchWarnings } from "./warnings.js";

const v113 = torchVersion("1.13");

const sgd = (lr: number, momentum?: number): Optimizer =>
  createOptimizer("SGD", momentum === undefined ? { lr } : { lr, momentum });

/** The lr of the first group before each of n steps; `arg(t)` is passed to step when defined. */
function lrs(
  s: { optimizer: Optimizer; step(arg?: number): void },
  n: number,
  arg?: (t: number) => number | undefined,
) {
  const out: number[] = [];
  catchWarnings(() => {
    for (let t = 0; t < n; t++) {
      out.push(s.optimizer.param_groups[0]!.lr);
      const a = arg?.(t);
      if (a === undefined) s.step();
      else s.step(a);
    }
  });
  return out;
}

describe("PyTorch's stepping, kept", () => {
  test("1. SequentialLR restarts the next scheduler at its base lr (sequential_docs_constant_exp)", () => {
    const o = sgd(1.0);
    const s = new SequentialLR(o, {
      schedulers: [new ConstantLR(o, { factor: 0.1, total_iters: 2 }), new ExponentialLR(o, { gamma: 0.9 })],
      milestones: [2],
    });
    expectCloseArray(lrs(s, 5), [0.1, 0.1, 1.0, 0.9, 0.81]);
  });

  test("2. ChainedScheduler multiplies the constructors' steps (chained_docs_constant_exp)", () => {
    const o = sgd(1.0);
    const s = new ChainedScheduler([
      new ConstantLR(o, { factor: 0.1, total_iters: 2 }),
      new ExponentialLR(o, { gamma: 0.9 }),
    ]);
    expectCloseArray(lrs(s, 4), [0.1, 0.09, 0.81, 0.729]);
  });

  test("3. CosineAnnealingLR keeps oscillating past T_max with period 2 T_max (cosine_tmax10_past_end)", () => {
    const out = lrs(new CosineAnnealingLR(sgd(0.1), { T_max: 10 }), 41);
    expect(out[10]).toBeLessThan(1e-17);
    expectCloseArray([out[20]!, out[40]!], [0.1, 0.1], 1e-12);
    expect(out[30]).toBeLessThan(1e-15);
  });

  test("3. 1.13.1: constructed with last_epoch >= 0 its first step is the closed form (cosine_resume_closed_form_first)", () => {
    const o = createOptimizer("SGD", { lr: 0.1 }, [{ lr: 0.05, initial_lr: 0.1 }]);
    const s = new v113.CosineAnnealingLR(o, { T_max: 10, last_epoch: 3 });
    expect(s.get_last_lr()[0]).toBeCloseTo(0.05 * (1 + Math.cos((4 * Math.PI) / 10)) * 1, 15);
  });

  test("4. step(epoch) jumps to the closed form; MultiplicativeLR has none and multiplies again", () => {
    const epochs = [1, 2, 3, 7, 7, 2, undefined, undefined, 12, undefined]; // steplr_epoch_arg
    expectCloseArray(
      lrs(new StepLR(sgd(0.1), { step_size: 3, gamma: 0.5 }), 10, (t) => epochs[t]),
      [0.1, 0.1, 0.1, 0.05, 0.025, 0.025, 0.1, 0.05, 0.05, 0.00625],
    );
    expectCloseArray(
      lrs(new MultiplicativeLR(sgd(0.1), { lr_lambda: "0.9" }), 4, () => 1),
      [0.1, 0.09, 0.081, 0.0729],
    );
  });

  test("4. step(epoch) warns that it is deprecated", () => {
    const s = new ExponentialLR(sgd(1), { gamma: 0.9 });
    const { warnings } = catchWarnings(() => s.step(3));
    expect(warnings[0]?.message).toMatch(/^The epoch parameter in `scheduler.step\(\)` was not necessary/);
    expect(s.get_last_lr()[0]).toBeCloseTo(0.729, 15);
  });

  test("5. ConstantLR: total_iters 0 keeps the factor; factor 0 divides by zero at total_iters", () => {
    expectCloseArray(
      lrs(new ConstantLR(sgd(0.1), { factor: 0.5, total_iters: 0 }), 4),
      [0.05, 0.05, 0.05, 0.05],
    );
    const s = new ConstantLR(sgd(0.1), { factor: 0, total_iters: 2 });
    s.step();
    expect(() => s.step()).toThrow("float division by zero");
  });

  test("6. MultiStepLR counts repeated milestones; milestone 0 applies at construction", () => {
    expectCloseArray(
      lrs(new MultiStepLR(sgd(0.1), { milestones: [2, 2, 5], gamma: 0.5 }), 6),
      [0.1, 0.1, 0.025, 0.025, 0.025, 0.0125],
    );
    expect(new MultiStepLR(sgd(0.1), { milestones: [0] }).get_last_lr()[0]).toBeCloseTo(0.01, 17);
  });

  test("7. ReduceLROnPlateau skips a cut of at most eps, stalling above min_lr (plateau_min_abs_eps_two_groups)", () => {
    const o = createOptimizer("SGD", { lr: 0.1 }, [{ lr: 0.1 }, { lr: 0.004 }]);
    const s = new ReduceLROnPlateau(o, {
      patience: 0,
      factor: 0.5,
      min_lr: [0.01, 0.0],
      eps: 0.001,
      threshold_mode: "abs",
      threshold: 0,
    });
    for (const m of [1, 1, 1, 1, 1, 1]) s.step(m);
    expect(s._last_lr).toEqual([0.01, 0.002]);
  });

  test("8. CyclicLR overwrites lr and momentum at construction; 1.13.1: Adam with cycle_momentum is an error", () => {
    const o = sgd(0.5, 0.5);
    new CyclicLR(o, { base_lr: 0.01, max_lr: 0.1, base_momentum: 0.8 });
    expect(o.param_groups[0]).toMatchObject({ lr: 0.01, momentum: 0.9, initial_lr: 0.01 });
    const adam = v113.createOptimizer("Adam", {});
    expect(() => new v113.CyclicLR(adam, { base_lr: 0.01, max_lr: 0.1 })).toThrow(
      "optimizer must support momentum with `cycle_momentum` option enabled",
    );
  });

  test("9. OneCycleLR steps total_steps times, extrapolating once, then raises (onecycle_past_total_steps)", () => {
    const o = sgd(0.1, 0.9);
    const s = new OneCycleLR(o, { max_lr: 0.1, total_steps: 10 });
    const out = [...lrs(s, 10), o.param_groups[0]!.lr];
    expectCloseArray(out.slice(8), [0.004951936798652629, 4e-7, 0.004951936798652624]);
    let error: unknown;
    try {
      s.step();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TorchValueError);
    expect(error).toBeInstanceOf(RangeError);
    expect(isPythonException(error) && error.pythonType).toBe("ValueError");
    // 2.x names last_epoch (11); 1.13.1 said 12.
    expect((error as Error).message).toBe(
      "Tried to step 11 times. The specified number of total steps is 10",
    );
    expect(s.last_epoch).toBe(11);
  });

  test("9. OneCycleLR cycles Adam's betas[0]", () => {
    const o = createOptimizer("Adam", { lr: 0.001, betas: [0.9, 0.99] });
    const s = new OneCycleLR(o, { max_lr: 0.01, total_steps: 10 });
    expect(o.param_groups[0]!.betas).toEqual([0.95, 0.99]);
    s.step();
    s.step();
    expect(o.param_groups[0]!.betas![0]).toBeCloseTo(0.85, 15);
  });

  test("10. CAWR with fractional epochs: T_cur fractional, last_epoch floored; step(26) then step() is 27", () => {
    const s = new CosineAnnealingWarmRestarts(sgd(0.1), { T_0: 3, T_mult: 2 });
    s.step(4.25);
    expect([s.T_cur, s.T_i, s.last_epoch]).toEqual([1.25, 6, 4]);
    const t = new CosineAnnealingWarmRestarts(sgd(0.1), { T_0: 10, T_mult: 2 });
    for (let i = 0; i < 20; i++) t.step();
    t.step(26);
    t.step();
    expect([t.last_epoch, t.T_cur, t.T_i]).toEqual([27, 17, 20]);
  });

  test("10. CAWR finds the cycle as CPython's math.log does: int(log(243, 3)) is 4 (cawr_tmult3_restart_boundaries)", () => {
    const s = new CosineAnnealingWarmRestarts(sgd(0.1), { T_0: 1, T_mult: 3 });
    s.step(121);
    expect([s.T_cur, s.T_i]).toEqual([81, 81]);
    expect(s.get_last_lr()).toEqual([0]);
  });

  test("11. PolynomialLR reaches exactly 0.0 at total_iters and stays", () => {
    expect(lrs(new PolynomialLR(sgd(0.001), { total_iters: 4, power: 1.0 }), 7).slice(4)).toEqual([0, 0, 0]);
  });
});

describe("the scheduler API", () => {
  test("get_lr() outside step() warns, as PyTorch does", () => {
    const s = new StepLR(sgd(0.1), { step_size: 2 });
    const { warnings } = catchWarnings(() => s.get_lr());
    expect(warnings).toEqual([
      {
        category: "UserWarning",
        message: "To get the last learning rate computed by the scheduler, please use `get_last_lr()`.",
      },
    ]);
  });

  test("a lambda may be a JavaScript function", () => {
    const o = sgd(0.1);
    const s = new MultiplicativeLR(o, { lr_lambda: (epoch) => (epoch < 2 ? 0.5 : 1) });
    expectCloseArray(lrs(s, 4), [0.1, 0.05, 0.1 * 0.5 * 1, 0.05]);
  });

  test("formula lambdas raise CPython's errors, int / int worded as CPython words it (lambda_zero_division_*)", () => {
    const thrown = (lr_lambda: string): unknown => {
      try {
        new LambdaLR(sgd(0.1), { lr_lambda });
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(thrown("1 / epoch")).toMatchObject({
      pythonType: "ZeroDivisionError",
      message: "ZeroDivisionError: division by zero",
    });
    expect(thrown("1.0 / epoch")).toMatchObject({ message: "ZeroDivisionError: float division by zero" });
    expect(thrown("1 / (min(epoch, 3.0) - 3)")).toBeUndefined();
  });

  test("the schedulers write every group; each group keeps its own lr", () => {
    const o = createOptimizer("SGD", { lr: 0.1, momentum: 0.9 }, [{ lr: 0.1 }, { lr: 0.01, momentum: 0.5 }]);
    const s = new ExponentialLR(o, { gamma: 0.5 });
    s.step();
    expect(o.param_groups.map((g) => [g.lr, g.initial_lr, g.momentum])).toEqual([
      [0.05, 0.1, 0.9],
      [0.005, 0.01, 0.5],
    ]);
  });
});
