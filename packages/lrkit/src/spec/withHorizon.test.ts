import { describe, expect, it } from "vitest";
import { join } from "../compose/join.js";
import { warmup } from "../compose/warmup.js";
import { constant } from "../families/constant.js";
import { cosine } from "../families/cosine.js";
import { cyclic } from "../families/cyclic.js";
import { exponential } from "../families/exponential.js";
import { linear } from "../families/linear.js";
import { oneCycle } from "../families/oneCycle.js";
import { d2l, timm } from "../presets/index.js";
import { sample } from "../schedule.js";
import { expectThrow, expectValues } from "../test/expect.js";
import { fromSpec } from "./fromSpec.js";
import { withHorizon } from "./withHorizon.js";

describe("withHorizon", () => {
  it("stretches a cosine of 100 steps into the cosine of 390 one would have written by hand", () => {
    const s = withHorizon(cosine({ lr: 0.1, steps: 100 }), 390);
    const byHand = cosine({ lr: 0.1, steps: 390 });
    expect(s.spec).toEqual(byHand.spec);
    expect(s.horizon).toBe(390);
    expectValues(s, Array.from(sample(byHand, 400)));
  });

  it("scales every part of a warmup, rounds the warmup to whole steps, and makes the horizon exactly the run", () => {
    // 390 / 100 = 3.9: the warmup's 5 steps become 19.5 -> 20, the cosine's 95 become 370.5 -> 371,
    // and the cosine gives back the one step the rounding added.
    const s = withHorizon(warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 }), 390);
    expect(s.horizon).toBe(390);
    expect(s.spec).toEqual(warmup(cosine({ lr: 0.1, steps: 370 }), { steps: 20 }).spec);
    expectValues(s, Array.from(sample(warmup(cosine({ lr: 0.1, steps: 370 }), { steps: 20 }), 400)));
  });

  it("keeps a one-cycle's step count an integer and lands on the run exactly", () => {
    const s = withHorizon(oneCycle({ maxLr: 0.3, steps: 100 }), 391);
    expect(s.spec).toEqual(oneCycle({ maxLr: 0.3, steps: 391 }).spec);
    expect(s.horizon).toBe(391);
    expectValues(s, Array.from(sample(oneCycle({ maxLr: 0.3, steps: 391 }), 391)));
  });

  it("moves a join's boundaries with its parts", () => {
    const s = withHorizon(
      join([linear({ from: 0, to: 0.3, steps: 5 }), cosine({ lr: 0.3, steps: 25, minLr: 0.01 })], [5]),
      390,
    );
    const byHand = join(
      [linear({ from: 0, to: 0.3, steps: 65 }), cosine({ lr: 0.3, steps: 325, minLr: 0.01 })],
      [65],
    );
    expect(s.spec).toEqual(byHand.spec);
    expect(s.horizon).toBe(390);
    expectValues(s, Array.from(sample(byHand, 400)));
  });

  it("shrinks as well as stretches, and gives a schedule that round-trips through JSON", () => {
    const s = withHorizon(warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 }), 7);
    expect(s.horizon).toBe(7);
    const rebuilt = fromSpec(JSON.parse(JSON.stringify(s.spec)));
    expect(rebuilt.horizon).toBe(7);
    expectValues(rebuilt, Array.from(sample(s, 10)));
  });

  it("returns the schedule unchanged when its horizon is already the run, so that it is idempotent", () => {
    const s = warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 });
    expect(withHorizon(s, 100)).toBe(s);
    const once = withHorizon(s, 390);
    expect(withHorizon(once, 390)).toBe(once);
    expect(withHorizon(withHorizon(once, 100), 390).spec).toEqual(once.spec);
  });

  it("stretches a preset through its core composition, written with core families", () => {
    const s = withHorizon(d2l.CosineScheduler({ max_update: 20, base_lr: 0.3, final_lr: 0.01 }), 40);
    expect(s.horizon).toBe(40);
    expect(s.spec.type).toBe("warmup");
    const c = cosine({ lr: 0.3, steps: 40, minLr: 0.01 });
    for (const t of [0, 10, 20, 39, 40, 50]) expect(s(t)).toBe(c(t));
  });

  it("names the function, the parameter and the value when it cannot do it", () => {
    const c = cosine({ lr: 0.1, steps: 100 });
    expectThrow(() => withHorizon(c, 0), RangeError, "withHorizon: steps must be a positive integer, got 0");
    expectThrow(
      () => withHorizon(c, 2.5),
      RangeError,
      "withHorizon: steps must be a positive integer, got 2.5",
    );
    expectThrow(
      () => withHorizon(c, "390" as unknown as number),
      TypeError,
      'withHorizon: steps must be a positive integer, got "390"',
    );
    expectThrow(
      () => withHorizon((() => 0.1) as never, 390),
      TypeError,
      "withHorizon: schedule must be a schedule, got a function",
    );
    expectThrow(
      () => withHorizon(exponential({ lr: 0.1, gamma: 0.99 }), 390),
      TypeError,
      'withHorizon: schedule must have a horizon to stretch, got a schedule of type "exponential", which has none',
    );
    expectThrow(
      () => withHorizon(constant({ lr: 0.1 }), 390),
      TypeError,
      'withHorizon: schedule must have a positive horizon to stretch, got a schedule of type "constant" with horizon 0',
    );
    expectThrow(
      () => withHorizon(timm.CosineLRScheduler({ lr: 0.3, t_initial: 20 }), 390),
      TypeError,
      'withHorizon: schedule must be sized by hand for 390 steps: a "timm.CosineLRScheduler" schedule has step ' +
        'counts lrkit cannot rescale, got {"type":"timm.CosineLRScheduler","lr":0.3,"t_initial":20}',
    );
    const cyclical = join(
      [cyclic({ baseLr: 0.01, maxLr: 0.1, stepsUp: 5, mode: "exp_range", gamma: 0.99 }), c],
      [20],
    );
    expectThrow(
      () => withHorizon(cyclical, 390),
      TypeError,
      /^withHorizon: schedule must be sized by hand for 390 steps: its "cyclic" part has step counts lrkit cannot rescale, got \{"type":"join",/,
    );
  });
});
