import fc from "fast-check";
import { describe, expect, test } from "vitest";
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
import { createOptimizer, type Optimizer } from "./optimizer.js";
import { PolynomialLR } from "./polynomialLR.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import type { SchedulerLike, StateDict } from "./scheduler.js";
import { SequentialLR } from "./sequentialLR.js";
import { StepLR } from "./stepLR.js";
import { torchVersion } from "./torchVersion.js";
import { catchWarnings } from "./warnings.js";

const metric = (t: number): number => 1 / (1 + (t % 7));

/** Every scheduler class, built fresh on a two-group optimizer. */
const BUILDERS: Record<string, (o: Optimizer) => SchedulerLike> = {
  LambdaLR: (o) => new LambdaLR(o, { lr_lambda: ["0.9 ** epoch", "1 / (epoch + 1)"] }),
  MultiplicativeLR: (o) => new MultiplicativeLR(o, { lr_lambda: "0.97" }),
  StepLR: (o) => new StepLR(o, { step_size: 3, gamma: 0.5 }),
  MultiStepLR: (o) => new MultiStepLR(o, { milestones: [2, 2, 9], gamma: 0.5 }),
  ConstantLR: (o) => new ConstantLR(o, { factor: 0.5, total_iters: 4 }),
  LinearLR: (o) => new LinearLR(o, { start_factor: 0.2, total_iters: 6 }),
  ExponentialLR: (o) => new ExponentialLR(o, { gamma: 0.9 }),
  PolynomialLR: (o) => new PolynomialLR(o, { total_iters: 9, power: 2 }),
  CosineAnnealingLR: (o) => new CosineAnnealingLR(o, { T_max: 4, eta_min: 0.001 }),
  ReduceLROnPlateau: (o) => new ReduceLROnPlateau(o, { patience: 1, cooldown: 1, factor: 0.5 }),
  CyclicLR: (o) => new CyclicLR(o, { base_lr: 0.01, max_lr: 0.1, step_size_up: 3, scale_fn: "0.9 ** x" }),
  OneCycleLR: (o) => new OneCycleLR(o, { max_lr: [0.1, 0.05], total_steps: 30, three_phase: true }),
  CosineAnnealingWarmRestarts: (o) => new CosineAnnealingWarmRestarts(o, { T_0: 2, T_mult: 2 }),
  SequentialLR: (o) =>
    new SequentialLR(o, {
      schedulers: [
        new LinearLR(o, { start_factor: 0.1, total_iters: 3 }),
        new CosineAnnealingLR(o, { T_max: 5 }),
      ],
      milestones: [3],
    }),
  ChainedScheduler: (o) =>
    new ChainedScheduler([
      new StepLR(o, { step_size: 4, gamma: 0.5 }),
      new ExponentialLR(o, { gamma: 0.95 }),
    ]),
};

const optimizer = (): Optimizer =>
  createOptimizer("SGD", { lr: 0.1, momentum: 0.9 }, [{ lr: 0.1 }, { lr: 0.05 }]);

function advance(s: SchedulerLike, from: number, to: number): number[][] {
  const out: number[][] = [];
  for (let t = from; t < to; t++) {
    out.push(s.optimizer.param_groups.map((g) => g.lr));
    if (s instanceof ReduceLROnPlateau) s.step(metric(t));
    else s.step();
  }
  return out;
}

describe("state_dict() is plain JSON and load_state_dict() resumes the exact sequence", () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    test(name, () => {
      catchWarnings(() =>
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 25 }), (k) => {
            const reference = build(optimizer());
            const whole = advance(reference, 0, 30);

            const first = build(optimizer());
            advance(first, 0, k);
            const saved = JSON.stringify({
              scheduler: first.state_dict(),
              groups: first.optimizer.param_groups,
            });
            const { scheduler, groups } = JSON.parse(saved) as {
              scheduler: StateDict;
              groups: Optimizer["param_groups"];
            };

            const resumed = build(optimizer());
            resumed.optimizer.param_groups = groups;
            resumed.load_state_dict(scheduler);
            expect(advance(resumed, k, 30)).toEqual(whole.slice(k));
          }),
          { numRuns: 12 },
        ),
      );
    });
  }
});

describe("what the state holds", () => {
  test("lambdas are saved as their formulas, which PyTorch cannot pickle", () => {
    const s = new LambdaLR(optimizer(), { lr_lambda: ["0.9 ** epoch", (e: number) => 1 / (e + 1)] });
    expect(s.state_dict().lr_lambdas).toEqual(["0.9 ** epoch", null]);
    const c = new CyclicLR(optimizer(), { base_lr: 0.01, max_lr: 0.1, scale_fn: "1 / x" });
    expect(c.state_dict()._scale_fn_custom).toBe("1 / x");
  });

  test("a loaded formula replaces the lambda; null keeps the current one, as PyTorch's None does", () => {
    const s = new LambdaLR(optimizer(), { lr_lambda: "1.0" });
    s.load_state_dict({ ...s.state_dict(), lr_lambdas: ["0.5", null] });
    s.step();
    expect(s.get_last_lr()).toEqual([0.05, 0.05]);
  });

  test("the plateau's infinities are strings in the state and numbers again after loading", () => {
    const s = new ReduceLROnPlateau(optimizer(), { mode: "max" });
    expect(s.state_dict()).toMatchObject({ best: "-Infinity", mode_worse: "-Infinity" });
    const t = new ReduceLROnPlateau(optimizer(), { mode: "max" });
    t.load_state_dict(JSON.parse(JSON.stringify(s.state_dict())) as StateDict);
    expect(t.best).toBe(-Infinity);
  });

  test("the keys are PyTorch 2.x's, in its order (golden/torch2 state_dict of steplr_docs)", () => {
    const s = new StepLR(createOptimizer("SGD", { lr: 0.05 }), { step_size: 30, gamma: 0.1 });
    for (let t = 0; t < 50; t++) s.step();
    const state = s.state_dict();
    expect(state).toEqual({
      step_size: 30,
      gamma: 0.1,
      base_lrs: [0.05],
      last_epoch: 50,
      _step_count: 51,
      _is_initial: false,
      _get_lr_called_within_step: false,
      _last_lr: [0.005000000000000001],
    });
    expect(Object.keys(state)).toEqual([
      "step_size",
      "gamma",
      "base_lrs",
      "last_epoch",
      "_step_count",
      "_is_initial",
      "_get_lr_called_within_step",
      "_last_lr",
    ]);
  });

  test("and 1.13.1's with torchVersion 1.13 (golden/shared state_dict of steplr_docs)", () => {
    const torch = torchVersion("1.13");
    const s = new torch.StepLR(torch.createOptimizer("SGD", { lr: 0.05 }), { step_size: 30, gamma: 0.1 });
    for (let t = 0; t < 50; t++) s.step();
    expect(s.state_dict()).toEqual({
      step_size: 30,
      gamma: 0.1,
      base_lrs: [0.05],
      last_epoch: 50,
      verbose: false,
      _step_count: 51,
      _get_lr_called_within_step: false,
      _last_lr: [0.005000000000000001],
    });
    expect(Object.keys(s.state_dict())).toEqual([
      "step_size",
      "gamma",
      "base_lrs",
      "last_epoch",
      "verbose",
      "_step_count",
      "_get_lr_called_within_step",
      "_last_lr",
    ]);
  });
});
