// Differential tests: where PyTorch's stepping equals a pure core family, the two agree step by
// step (up to the rounding of the chainable products, hence a relative 1e-9 here).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { join } from "../compose/join.js";
import { multiply } from "../compose/multiply.js";
import {
  cosine,
  cyclic,
  exponential,
  formula,
  linear,
  multiStep,
  oneCycle,
  oneCycleMomentum,
  polynomial,
  sgdr,
  step,
} from "../families/index.js";
import { plateau } from "../plateau.js";
import type { Schedule } from "../schedule.js";
import { ChainedScheduler } from "./chainedScheduler.js";
import { CosineAnnealingLR } from "./cosineAnnealingLR.js";
import { CosineAnnealingWarmRestarts } from "./cosineAnnealingWarmRestarts.js";
import { CyclicLR } from "./cyclicLR.js";
import { ExponentialLR } from "./exponentialLR.js";
import { LambdaLR } from "./lambdaLR.js";
import { LinearLR } from "./linearLR.js";
import { MultiStepLR } from "./multiStepLR.js";
import { OneCycleLR } from "./oneCycleLR.js";
import { createOptimizer, type Optimizer } from "./optimizer.js";
import { PolynomialLR } from "./polynomialLR.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import { SequentialLR } from "./sequentialLR.js";
import { StepLR } from "./stepLR.js";
import { catchWarnings } from "./warnings.js";

const sgd = (lr: number, momentum = 0.9): Optimizer => createOptimizer("SGD", { lr, momentum });

/** The lr (and momentum) used by each of n steps: read, then step. */
function trace(
  scheduler: { optimizer: Optimizer; step(): void },
  n: number,
): { lr: number[]; momentum: number[] } {
  const lr: number[] = [];
  const momentum: number[] = [];
  for (let t = 0; t < n; t++) {
    const g = scheduler.optimizer.param_groups[0]!;
    lr.push(g.lr);
    momentum.push(g.betas ? g.betas[0]! : (g.momentum as number));
    scheduler.step();
  }
  return { lr, momentum };
}

function expectAgree(actual: readonly number[], schedule: Schedule, scale: number, first = 0): void {
  actual.forEach((v, t) => {
    const want = schedule(t + first);
    if (!(Math.abs(v - want) <= 1e-9 * Math.abs(want) + 1e-15 * scale)) {
      expect.fail(`step ${t + first}: lrkit/torch ${v}, core ${want}`);
    }
  });
}

const lr = fc.double({ min: 1e-4, max: 1, noNaN: true });

describe("the PyTorch classes agree with the pure core families", () => {
  test("StepLR is core step", () => {
    fc.assert(
      fc.property(
        lr,
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (l, k, g) => {
          const { lr: lrs } = trace(new StepLR(sgd(l), { step_size: k, gamma: g }), 60);
          expectAgree(lrs, step({ lr: l, stepSize: k, gamma: g }), l);
        },
      ),
    );
  });

  test("MultiStepLR is core multiStep (sorted milestones, repeats included)", () => {
    fc.assert(
      fc.property(lr, fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 5 }), (l, ms) => {
        const milestones = [...ms].sort((a, b) => a - b);
        const { lr: lrs } = trace(new MultiStepLR(sgd(l), { milestones, gamma: 0.5 }), 45);
        expectAgree(lrs, multiStep({ lr: l, milestones, gamma: 0.5 }), l);
      }),
    );
  });

  test("ExponentialLR is core exponential", () => {
    fc.assert(
      fc.property(lr, fc.double({ min: 0.5, max: 1.05, noNaN: true }), (l, g) => {
        expectAgree(
          trace(new ExponentialLR(sgd(l), { gamma: g }), 50).lr,
          exponential({ lr: l, gamma: g }),
          l,
        );
      }),
    );
  });

  test("LinearLR is core linear from start_factor to end_factor", () => {
    fc.assert(
      fc.property(
        lr,
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (l, f, n) => {
          const { lr: lrs } = trace(new LinearLR(sgd(l), { start_factor: f, total_iters: n }), n + 5);
          expectAgree(lrs, linear({ from: l * f, to: l, steps: n }), l);
        },
      ),
    );
  });

  test("PolynomialLR is core polynomial, down to exactly 0", () => {
    fc.assert(
      fc.property(
        lr,
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (l, n, p) => {
          const { lr: lrs } = trace(new PolynomialLR(sgd(l), { total_iters: n, power: p }), n + 5);
          expectAgree(lrs, polynomial({ lr: l, steps: n, power: p }), l);
          expect(lrs[n]).toBe(0);
        },
      ),
    );
  });

  test("CosineAnnealingLR within T_max is core cosine (periodic after)", () => {
    fc.assert(
      fc.property(
        lr,
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (l, n, f) => {
          const m = l * f;
          const { lr: lrs } = trace(new CosineAnnealingLR(sgd(l), { T_max: n, eta_min: m }), n + 1);
          expectAgree(lrs, cosine({ lr: l, steps: n, minLr: m, after: "periodic" }), l);
        },
      ),
    );
  });

  test("CosineAnnealingLR alone keeps to the periodic core cosine past T_max (its added term included)", () => {
    const { lr: lrs } = trace(new CosineAnnealingLR(sgd(0.1), { T_max: 7, eta_min: 0.001 }), 60);
    expectAgree(lrs, cosine({ lr: 0.1, steps: 7, minLr: 0.001, after: "periodic" }), 0.1);
  });

  test("ChainedScheduler of StepLR and ExponentialLR is the core product", () => {
    const optimizer = sgd(0.3);
    const chained = new ChainedScheduler([
      new StepLR(optimizer, { step_size: 3, gamma: 0.5 }),
      new ExponentialLR(optimizer, { gamma: 0.98 }),
    ]);
    const { lr: lrs } = trace(chained, 30);
    expectAgree(
      lrs,
      multiply([step({ lr: 0.3, stepSize: 3, gamma: 0.5 }), exponential({ lr: 1, gamma: 0.98 })]),
      0.3,
    );
  });

  test("CyclicLR is core cyclic, and its momentum is a downward cyclic", () => {
    const modes = fc.constantFrom("triangular", "triangular2", "exp_range") as fc.Arbitrary<
      "triangular" | "triangular2" | "exp_range"
    >;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), modes, (up, down, mode) => {
        const s = new CyclicLR(sgd(0.1), {
          base_lr: 0.01,
          max_lr: 0.1,
          step_size_up: up,
          step_size_down: down,
          mode,
          gamma: 0.97,
        });
        const { lr: lrs, momentum } = trace(s, 40);
        const shape = { stepsUp: up, stepsDown: down, mode, gamma: 0.97 };
        expectAgree(lrs, cyclic({ baseLr: 0.01, maxLr: 0.1, ...shape }), 0.1);
        expectAgree(momentum, cyclic({ baseLr: 0.9, maxLr: 0.8, ...shape }), 1);
      }),
    );
  });

  test("OneCycleLR within total_steps is core oneCycle and oneCycleMomentum", () => {
    const anneal = fc.constantFrom("cos", "linear") as fc.Arbitrary<"cos" | "linear">;
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 80 }), fc.boolean(), anneal, (n, threePhase, strategy) => {
        const s = new OneCycleLR(createOptimizer("Adam", { lr: 0.001 }), {
          max_lr: 0.1,
          total_steps: n,
          three_phase: threePhase,
          anneal_strategy: strategy,
        });
        const { lr: lrs, momentum } = trace(s, n);
        const shape = { steps: n, anneal: strategy, threePhase };
        expectAgree(lrs, oneCycle({ maxLr: 0.1, ...shape }), 0.1);
        expectAgree(momentum, oneCycleMomentum(shape), 1);
      }),
    );
  });

  test("CosineAnnealingWarmRestarts is core sgdr at integer steps", () => {
    fc.assert(
      fc.property(lr, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (l, t0, mult) => {
        const { lr: lrs } = trace(
          new CosineAnnealingWarmRestarts(sgd(l), { T_0: t0, T_mult: mult, eta_min: 1e-4 }),
          60,
        );
        expectAgree(lrs, sgdr({ lr: l, period: t0, periodMult: mult, minLr: 1e-4 }), l);
      }),
    );
  });

  test("LambdaLR is the base lr times the core formula", () => {
    const { lr: lrs } = trace(new LambdaLR(sgd(0.1), { lr_lambda: "0.95 ** epoch" }), 30);
    expectAgree(lrs, formula("0.1 * 0.95 ** t"), 0.1);
  });

  test("SequentialLR of a warmup and a cosine is core join", () => {
    const optimizer = sgd(0.1);
    const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
    const decay = new CosineAnnealingLR(optimizer, { T_max: 15 });
    const sequential = new SequentialLR(optimizer, { schedulers: [warmup, decay], milestones: [5] });
    const { result, warnings } = catchWarnings(() => trace(sequential, 20));
    const lrs = result.lr;
    expect(warnings).toEqual([]); // 2.x: the milestone's _update_lr(0) does not warn (1.13.1's step(0) did)
    expectAgree(
      lrs,
      join([linear({ from: 0.01, to: 0.1, steps: 5 }), cosine({ lr: 0.1, steps: 15 })], [5]),
      0.1,
    );
  });

  test("ReduceLROnPlateau with one group makes the core plateau policy's cuts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (metrics) => {
          const options = { patience: 2, factor: 0.5, cooldown: 1, threshold: 0.01 };
          const s = new ReduceLROnPlateau(sgd(0.1), options);
          const policy = plateau({ ...options, minLr: 0 });
          let state = policy.init();
          for (const m of metrics) {
            state = policy.update(state, m, 0.1 * policy.factor(state));
            s.step(m);
            const want = 0.1 * policy.factor(state);
            expect(Math.abs(s.optimizer.param_groups[0]!.lr - want)).toBeLessThanOrEqual(1e-12 * want);
          }
        },
      ),
    );
  });
});
