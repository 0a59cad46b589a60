// The two PyTorch versions through the public API: what a user chooses and sees. Expected values
// are PyTorch's, from golden/torch2 (traces.json: 2.13.0, traces_1.13.1.json: 1.13.1); each test
// names its case. conformance.test.ts runs every case of both files.
import { describe, expect, test } from "vitest";
import { expectCloseArray } from "../test/expect.js";
import {
  ChainedScheduler,
  CyclicLR,
  ExponentialLR,
  ReduceLROnPlateau,
  StepLR,
  torchVersion,
} from "./index.js";
import type { Optimizer } from "./optimizer.js";
import { catchWarnings } from "./warnings.js";

const v2 = torchVersion("2");
const v113 = torchVersion("1.13");

/** The first group's lr before each of n steps. */
function lrs(s: { optimizer: Optimizer; step(): void }, n: number): number[] {
  const out: number[] = [];
  catchWarnings(() => {
    for (let t = 0; t < n; t++) {
      out.push(s.optimizer.param_groups[0]!.lr);
      s.step();
    }
  });
  return out;
}

const resumed = (torch: typeof v2) =>
  torch.createOptimizer("SGD", { lr: 0.05 }, [{ lr: 0.05, initial_lr: 0.05 }]);

describe("torchVersion", () => {
  test('"2" is what lrkit/torch exports; each version is one set of classes, made once', () => {
    expect(v2.StepLR).toBe(StepLR);
    expect(torchVersion("1.13")).toBe(v113);
    expect(v113.StepLR).not.toBe(StepLR);
    expect(v113.StepLR.name).toBe("StepLR");
    const s = new v113.StepLR(v113.createOptimizer("SGD", { lr: 0.1 }), { step_size: 2 });
    expect(s).toBeInstanceOf(StepLR);
  });

  test("refuses a version it does not have, naming the choices", () => {
    expect(() => torchVersion("2.1" as never)).toThrow(
      'lrkit/torch: unknown PyTorch version "2.1"; expected one of "2", "1.13"',
    );
  });
});

describe("what PyTorch 2.x changed, side by side with 1.13.1", () => {
  test("verbose is gone in 2.x (a TypeError, as in 2.7+); 1.13.1 takes it", () => {
    const kwargs = { step_size: 2, verbose: false };
    expect(() => new StepLR(v2.createOptimizer("SGD", { lr: 0.1 }), kwargs)).toThrow(
      "StepLR.__init__() got an unexpected keyword argument 'verbose'",
    );
    expect(() => new v113.StepLR(v113.createOptimizer("SGD", { lr: 0.1 }), kwargs)).not.toThrow();
  });

  test("resuming with last_epoch leaves the lr where it is in 2.x (t2_exponential_resume_same_lr)", () => {
    const two = new ExponentialLR(resumed(v2), { gamma: 0.8, last_epoch: 3 });
    expectCloseArray(lrs(two, 4), [0.05, 0.04000000000000001, 0.03200000000000001, 0.025600000000000008]);
    const old = new v113.ExponentialLR(resumed(v113), { gamma: 0.8, last_epoch: 3 });
    expectCloseArray(lrs(old, 3), [0.04000000000000001, 0.03200000000000001, 0.025600000000000008]);
  });

  test("SequentialLR multiplies into a MultiplicativeLR at its milestone in 2.x (t2_sequential_step_then_multiplicative)", () => {
    const run = (torch: typeof v2) => {
      const o = torch.createOptimizer("SGD", { lr: 0.1 });
      const step = new torch.StepLR(o, { step_size: 2, gamma: 0.5 });
      const mult = new torch.MultiplicativeLR(o, { lr_lambda: "0.9" });
      return lrs(new torch.SequentialLR(o, { schedulers: [step, mult], milestones: [4] }), 7);
    };
    expectCloseArray(
      run(v2),
      [0.1, 0.1, 0.05, 0.05, 0.045000000000000005, 0.04050000000000001, 0.03645000000000001],
    );
    expectCloseArray(run(v113), [0.1, 0.1, 0.05, 0.05, 0.05, 0.045000000000000005, 0.04050000000000001]);
  });

  test("CyclicLR cycles Adam's beta1 in 2.x (t2_cyclic_adam_cycle_momentum); 1.13.1 refuses", () => {
    const o = v2.createOptimizer("Adam", { lr: 0.001, betas: [0.9, 0.999] });
    const s = new CyclicLR(o, { base_lr: 0.001, max_lr: 0.01, step_size_up: 4, cycle_momentum: true });
    const beta1: number[] = [];
    for (let t = 0; t < 5; t++) {
      beta1.push(o.param_groups[0]!.betas![0]!);
      s.step();
    }
    expectCloseArray(beta1, [0.9, 0.875, 0.8500000000000001, 0.8250000000000001, 0.8]);
    expect(o.param_groups[0]!.betas![1]).toBe(0.999);
    const adam = v113.createOptimizer("Adam", { lr: 0.001 });
    expect(() => new v113.CyclicLR(adam, { base_lr: 0.001, max_lr: 0.01 })).toThrow(
      "optimizer must support momentum with `cycle_momentum` option enabled",
    );
  });

  test("ReduceLROnPlateau has get_last_lr() from its construction in 2.x (t2_plateau_get_last_lr_before_step)", () => {
    const groups = [{ lr: 0.1 }, { lr: 0.01 }];
    const two = new ReduceLROnPlateau(v2.createOptimizer("SGD", { lr: 0.1 }, groups), { patience: 1 });
    expect(two.get_last_lr()).toEqual([0.1, 0.01]);
    const old = new v113.ReduceLROnPlateau(v113.createOptimizer("SGD", { lr: 0.1 }, groups), { patience: 1 });
    expect(() => old.get_last_lr()).toThrow("'ReduceLROnPlateau' object has no attribute 'get_last_lr'");
  });

  test("ChainedScheduler takes an optimizer and refuses an empty list or a plateau at construction in 2.x", () => {
    const o = v2.createOptimizer("SGD", { lr: 0.1 });
    const chained = new ChainedScheduler([new StepLR(o, { step_size: 2 })], o);
    expect(chained.optimizer).toBe(o);
    expect(() => new ChainedScheduler([])).toThrow(
      "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.",
    );
    expect(() => new ChainedScheduler([new ReduceLROnPlateau(o)])).toThrow(
      "ChainedScheduler does not support `ReduceLROnPlateau` scheduler",
    );
    expect(() => new v113.ChainedScheduler([])).toThrow("list index out of range");
  });

  test("SGD's lr defaults to 1e-3 in 2.x (optimizer_sgd_without_lr); 1.13.1 requires it", () => {
    expect(v2.createOptimizer("SGD").param_groups[0]!.lr).toBe(0.001);
    expect(() => v113.createOptimizer("SGD")).toThrow(
      "parameter group didn't specify a value of required optimization parameter lr",
    );
  });
});

describe("states carry their version's layout", () => {
  test("each version resumes its own state exactly", () => {
    for (const torch of [v2, v113]) {
      const make = () => {
        const o = torch.createOptimizer("SGD", { lr: 0.1, momentum: 0.9 });
        return new torch.CyclicLR(o, { base_lr: 0.01, max_lr: 0.1, step_size_up: 3 });
      };
      const a = make();
      lrs(a, 4);
      const state = JSON.parse(JSON.stringify(a.state_dict()));
      const groups = structuredClone(a.optimizer.param_groups);
      const b = make();
      b.optimizer.param_groups = groups;
      b.load_state_dict(state);
      expect(lrs(b, 6), torch.version).toEqual(lrs(a, 6));
    }
  });

  test("a state of the other version is refused, naming both and the key that tells them apart", () => {
    const two = new StepLR(v2.createOptimizer("SGD", { lr: 0.1 }), { step_size: 2 });
    const old = new v113.StepLR(v113.createOptimizer("SGD", { lr: 0.1 }), { step_size: 2 });
    expect(() => two.load_state_dict(old.state_dict())).toThrow(
      `StepLR.load_state_dict: this state was saved in PyTorch 1.13's layout (it has 'verbose'), but this StepLR follows PyTorch 2; load it into torchVersion("1.13")'s StepLR`,
    );
    expect(() => old.load_state_dict(two.state_dict())).toThrow("(it has '_is_initial')");
    const plateau2 = new ReduceLROnPlateau(v2.createOptimizer("SGD", { lr: 0.1 }));
    const plateau1 = new v113.ReduceLROnPlateau(v113.createOptimizer("SGD", { lr: 0.1 }));
    expect(() => plateau2.load_state_dict(plateau1.state_dict())).toThrow("(it has 'verbose')");
    expect(() => plateau1.load_state_dict(plateau2.state_dict())).toThrow("(it has 'default_min_lr')");
  });
});
