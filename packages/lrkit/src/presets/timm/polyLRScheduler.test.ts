import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt } from "../../test/roundTrip.js";
import { PolyLRScheduler } from "./polyLRScheduler.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/pytorch-image-models timm/scheduler/poly_lr.py (and scheduler.py),
// run in CPython with PyTorch 1.13 on an SGD optimizer: the group's lr after `scheduler.step(t)`.
describe("timm.PolyLRScheduler", () => {
  it("decays as (1 - t / t_initial) ** 0.5 to lr_min and holds it", () => {
    const s = PolyLRScheduler({ lr: 0.1, t_initial: 100, lr_min: 1e-5 });
    expectValues(
      s,
      [0.1, 0.09949879383629094, 0.0707136070508429, 0.010009000000000006, 1e-5, 1e-5, 1e-5],
      [0, 1, 50, 99, 100, 101, 150],
    );
    expect(s.horizon).toBe(100);
  });

  it("keeps timm's restart rounding: step 242 of t_initial 2, cycle_mul 3 ends cycle 4 (log(243, 3) < 5)", () => {
    // Expected: timm 1.0.29 PolyLRScheduler(SGD(lr=0.1), t_initial=2, cycle_mul=3.0, cycle_limit=6), the
    // group's lr after step(t) for t = 240 ... 243 (torch 2.13.0, CPython 3.11.7). The core restarts
    // at 242; timm's floor(math.log(243, 3)) is 4.
    expectValues(
      PolyLRScheduler({ lr: 0.1, t_initial: 2, cycle_mul: 3.0, cycle_limit: 6 }),
      [0.011111111111111136, 0.00785674201318388, 0.0, 0.0998970663648976],
      [240, 241, 242, 243],
    );
  });

  it("combines warmup_prefix, k_decay, growing cycles and decaying peaks", () => {
    const s = PolyLRScheduler({
      lr: 0.1,
      t_initial: 10,
      power: 2.0,
      k_decay: 1.5,
      cycle_mul: 1.5,
      cycle_decay: 0.8,
      cycle_limit: 3,
      warmup_t: 4,
      warmup_lr_init: 0.0,
      warmup_prefix: true,
    });
    expectValues(
      s,
      [
        0.0, 0.05, 0.07500000000000001, 0.1, 0.09377544467966326, 0.04178932188134526, 0.08000000000000002,
        0.07726958221306733, 0.052170948606182925, 0.01661073507141293, 0.006473319552010769,
        0.06280629557272517, 0.043715424568546116, 0.0397391682010802, 0.027723679372250783,
      ],
      [0, 2, 3, 4, 5, 9, 14, 15, 19, 24, 26, 30, 36, 37, 40],
    );
    // The cycles end at 4 + 10 + 15 + 22.5; timm's get_cycle_length() floors that to 51.
    expect(s.horizon).toBe(51.5);
    expect(s(51.5)).toBe(0);
    expect(s(60)).toBe(0);
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => PolyLRScheduler({ lr: 0.1, t_initial: 10, power: 0 }),
      RangeError,
      "timm.PolyLRScheduler: power must be a positive number, got 0",
    );
    expectThrow(
      () => PolyLRScheduler({ lr: 0.1, t_initial: 10, k_decay: -1 }),
      RangeError,
      "timm.PolyLRScheduler: k_decay must be a positive number, got -1",
    );
  });

  it("survives a JSON round trip and is built by the text syntax", () => {
    const s = PolyLRScheduler({
      lr: 0.1,
      t_initial: 10,
      power: 2,
      k_decay: 1.5,
      cycle_mul: 1.5,
      cycle_limit: 3,
    });
    expectRebuilt(s, "timm.PolyLRScheduler(0.1, 10, 2, k_decay=1.5, cycle_mul=1.5, cycle_limit=3)", 60);
  });
});
