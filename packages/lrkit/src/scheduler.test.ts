import { describe, expect, it } from "vitest";
import { warmup } from "./compose/warmup.js";
import { constant } from "./families/constant.js";
import { cosine } from "./families/cosine.js";
import { oneCycle, oneCycleMomentum } from "./families/oneCycle.js";
import { Scheduler } from "./scheduler.js";
import { expectThrow } from "./test/expect.js";

describe("Scheduler", () => {
  const lr = warmup(cosine({ lr: 0.1, steps: 95, minLr: 0.001 }), { steps: 5 });

  it("gives each hyperparameter's value for the next update and counts completed updates", () => {
    const s = new Scheduler({
      lr: oneCycle({ maxLr: 0.1, steps: 100 }),
      momentum: oneCycleMomentum({ steps: 100 }),
    });
    expect(s.values()).toEqual({ lr: oneCycle({ maxLr: 0.1, steps: 100 })(0), momentum: 0.95 });
    for (let i = 0; i < 29; i++) s.step();
    expect(s.steps).toBe(29);
    expect(s.lr).toBe(0.1);
    expect(s.value("momentum")).toBe(0.85);
  });

  it("multiplies the lr by the plateau factor, cut when the metric stalls", () => {
    const s = new Scheduler(constant({ lr: 0.1 }), { plateau: { patience: 1, factor: 0.5 } });
    for (const loss of [1, 1, 1]) s.step().observe(loss);
    expect(s.lr).toBe(0.05);
  });

  it("resumes from a checkpoint with the exact same sequence", () => {
    const losses = [1, 0.9, 0.95, 0.96, 0.97, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96];
    const drive = (s: Scheduler, from: number, to: number) => {
      const out: number[] = [];
      for (let epoch = from; epoch < to; epoch++) {
        for (let b = 0; b < 10; b++) {
          out.push(s.lr);
          s.step();
        }
        s.observe(losses[epoch]!);
      }
      return out;
    };
    const make = () =>
      new Scheduler({ lr, momentum: constant({ lr: 0.9 }) }, { plateau: { patience: 1, factor: 0.5 } });
    const whole = drive(make(), 0, 12);
    const first = make();
    const head = drive(first, 0, 5);
    const checkpoint = JSON.parse(JSON.stringify({ spec: first.spec, state: first.state }));
    const resumed = Scheduler.restore(checkpoint.spec, checkpoint.state);
    expect([...head, ...drive(resumed, 5, 12)]).toEqual(whole);
  });

  it("rejects a record without lr, non-schedules, observe without a policy, and bad states", () => {
    expectThrow(
      () => new Scheduler({ momentum: constant({ lr: 0.9 }) }),
      TypeError,
      "Scheduler: schedules must include an lr schedule",
    );
    expectThrow(
      () => new Scheduler({ lr, beta: 0.9 as never }),
      TypeError,
      "Scheduler: schedules.beta must be a schedule",
    );
    expectThrow(() => new Scheduler(lr).observe(1), TypeError, "Scheduler: observe() needs a plateau policy");
    expectThrow(
      () => new Scheduler(lr, { state: { step: -1 } }),
      RangeError,
      "Scheduler: state.step must be a non-negative integer, got -1",
    );
    expectThrow(
      () => new Scheduler(lr).value("beta1"),
      TypeError,
      'Scheduler: no schedule named "beta1" (have lr)',
    );
  });
});
