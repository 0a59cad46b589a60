import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sgdr } from "../../families/sgdr.js";
import { close, expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt, roundTrip } from "../../test/roundTrip.js";
import { CosineLRScheduler } from "./cosineLRScheduler.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/pytorch-image-models timm/scheduler/cosine_lr.py (and scheduler.py),
// run in CPython with PyTorch 1.13 on an SGD optimizer: the group's lr after `scheduler.step(t)`.
describe("timm.CosineLRScheduler", () => {
  it("warms up to lr, then jumps to the cosine at warmup_t without warmup_prefix (timm's default)", () => {
    const s = CosineLRScheduler({ lr: 0.1, t_initial: 10, warmup_t: 3, warmup_lr_init: 0.01 });
    expectValues(
      s,
      [
        0.01, 0.04, 0.07, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263,
        0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0, 0.0, 0.0, 0.0,
      ],
    );
    expect(s.horizon).toBe(10); // get_cycle_length()
  });

  it("starts the cosine after the warmup with warmup_prefix", () => {
    const s = CosineLRScheduler({
      lr: 0.1,
      t_initial: 10,
      warmup_t: 3,
      warmup_lr_init: 0.01,
      warmup_prefix: true,
    });
    expectValues(
      s,
      [
        0.01, 0.04, 0.07, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366,
        0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633,
        0.0024471741852423235, 0.0, 0.0, 0.0,
      ],
    );
    expect(s.horizon).toBe(13); // get_cycle_length() = t_initial + warmup_t
  });

  it("restarts with longer, lower cycles and holds lr_min after cycle_limit cycles", () => {
    const s = CosineLRScheduler({
      lr: 0.1,
      t_initial: 10,
      lr_min: 1e-3,
      cycle_mul: 2.0,
      cycle_decay: 0.5,
      cycle_limit: 3,
    });
    expectValues(
      s,
      [
        0.1, 0.0505, 0.0034227024433899004, 0.05, 0.04969836434458088, 0.025500000000000002,
        0.0013016356554191274, 0.025, 0.02496300800479754, 0.013000000000000001, 0.0010369919952024644, 0.001,
        0.001, 0.001,
      ],
      [0, 5, 9, 10, 11, 20, 29, 30, 31, 50, 69, 70, 71, 100],
    );
    expect(s.horizon).toBe(70);
  });

  it("keeps timm's restart rounding: step 242 of t_initial 2, cycle_mul 3 ends cycle 4 (log(243, 3) < 5)", () => {
    // Expected: timm 1.0.29 CosineLRScheduler(SGD(lr=0.1), t_initial=2, cycle_mul=3.0, cycle_limit=6), the
    // group's lr after step(t) for t = 240 ... 243 (torch 2.13.0, CPython 3.11.7). The core restarts
    // at 242; timm's floor(math.log(243, 3)) is 4.
    expectValues(
      CosineLRScheduler({ lr: 0.1, t_initial: 2, cycle_mul: 3.0, cycle_limit: 6 }),
      [3.760237478849793e-5, 9.401477574932927e-6, 0.0, 0.0999989553622803],
      [240, 241, 242, 243],
    );
  });

  it("keeps the lr up longer with k_decay", () => {
    const s = CosineLRScheduler({
      lr: 0.5,
      t_initial: 20,
      lr_min: 0.01,
      k_decay: 2.0,
      cycle_limit: 2,
      cycle_decay: 0.1,
    });
    expectValues(
      s,
      [
        0.5, 0.4999924436229735, 0.49529239369879147, 0.4282411613907041, 0.2072028711060486,
        0.021403727781844704, 0.05, 0.0499993831528958, 0.04961570560806461, 0.01, 0.01,
      ],
      [0, 1, 5, 10, 15, 19, 20, 21, 25, 40, 41],
    );
  });

  it("is lr_min right after the warmup with cycle_limit 0", () => {
    const s = CosineLRScheduler({ lr: 0.1, t_initial: 10, lr_min: 0.002, cycle_limit: 0, warmup_t: 2 });
    expectValues(s, [0.0, 0.05, 0.002, 0.002, 0.002], [0, 1, 2, 3, 10]);
  });

  it("follows the core sgdr with decayMode peak (to rounding) when there is no warmup", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(1, 1.5, 2, 3),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (t_initial, cycle_mul, cycle_decay, cycle_limit) => {
          const s = CosineLRScheduler({
            lr: 0.3,
            t_initial,
            lr_min: 0.01,
            cycle_mul,
            cycle_decay,
            cycle_limit,
          });
          const core = sgdr({
            lr: 0.3,
            period: t_initial,
            periodMult: cycle_mul,
            minLr: 0.01,
            decay: cycle_decay,
            cycleLimit: cycle_limit,
          });
          // timm's logarithm rounds some restarts into the cycle before (cycle 5 with cycle_mul 3
          // or 1.5: t = 121 or 13.1875 times t_initial); none is among these steps.
          for (let t = 0; t < 200; t += 3) expect(close(s(t), core(t)), `t = ${t}`).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => CosineLRScheduler({ lr: 0.1, t_initial: 0 }),
      RangeError,
      "timm.CosineLRScheduler: t_initial must be a positive number, got 0",
    );
    expectThrow(
      () => CosineLRScheduler({ lr: 0.1, t_initial: 10, lr_min: -1 }),
      RangeError,
      "timm.CosineLRScheduler: lr_min must be a non-negative number, got -1",
    );
    expectThrow(
      () => CosineLRScheduler({ lr: 0.1, t_initial: 10, lr_min: 0.2 }),
      RangeError,
      "timm.CosineLRScheduler: lr_min must not exceed lr (0.1), got 0.2",
    );
    expectThrow(
      () => CosineLRScheduler({ lr: 0.1, t_initial: 10, cycle_mul: 0.5 }),
      RangeError,
      "timm.CosineLRScheduler: cycle_mul must be at least 1, got 0.5",
    );
    expectThrow(
      () => CosineLRScheduler({ lr: 0.1, t_initial: 10, cycle_limit: 1.5 }),
      RangeError,
      "timm.CosineLRScheduler: cycle_limit must be a non-negative integer, got 1.5",
    );
    expectThrow(
      // @ts-expect-error t_in_epochs belongs to the caller
      () => CosineLRScheduler({ lr: 0.1, t_initial: 10, t_in_epochs: false }),
      TypeError,
      /^timm\.CosineLRScheduler: unknown parameter "t_in_epochs"/,
    );
    expectThrow(
      // @ts-expect-error the base lr is required
      () => CosineLRScheduler({ t_initial: 10 }),
      TypeError,
      "timm.CosineLRScheduler: lr is required",
    );
  });

  it("survives a JSON round trip and is built by the text syntax", () => {
    const s = CosineLRScheduler({
      lr: 0.1,
      t_initial: 10,
      lr_min: 1e-3,
      cycle_mul: 2,
      cycle_limit: 3,
      warmup_t: 3,
      warmup_lr_init: 1e-4,
      noise_range_t: [5, 40],
      noise_seed: 3,
    });
    expect(s.spec.type).toBe("timm.CosineLRScheduler");
    expectRebuilt(
      s,
      "timm.CosineLRScheduler(0.1, 10, 1e-3, cycle_mul=2, cycle_limit=3, warmup_t=3, warmup_lr_init=1e-4, noise_range_t=[5, 40], noise_seed=3)",
      100,
    );
    expect(roundTrip(s).horizon).toBe(s.horizon);
  });
});
