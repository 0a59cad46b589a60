import { describe, expect, it } from "vitest";
import { tanh } from "../../families/tanh.js";
import { expectThrow, expectValues } from "../../test/expect.js";
import { expectRebuilt } from "../../test/roundTrip.js";
import { TanhLRScheduler } from "./tanhLRScheduler.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Expected values: huggingface/pytorch-image-models timm/scheduler/tanh_lr.py (and scheduler.py),
// run in CPython with PyTorch 1.13 on an SGD optimizer: the group's lr after `scheduler.step(t)`.
describe("timm.TanhLRScheduler", () => {
  it("decays along tanh(lb..ub) to lr_min at t_initial and holds it", () => {
    const s = TanhLRScheduler({ lr: 0.1, t_initial: 20, lr_min: 1e-4 });
    expectValues(
      s,
      [
        0.09999991693035004, 0.09999977419360263, 0.09998767288185899, 0.09820317762478706,
        0.02696724799486251, 0.0007686158073360559, 0.0001, 0.0001, 0.0001,
      ],
      [0, 1, 5, 10, 15, 19, 20, 21, 30],
    );
    expect(s.horizon).toBe(20);
  });

  it("is the core tanh over one cycle", () => {
    const s = TanhLRScheduler({ lr: 0.3, t_initial: 17, lr_min: 0.01, lb: -5, ub: 2 });
    const core = tanh({ lr: 0.3, steps: 17, minLr: 0.01, lb: -5, ub: 2 });
    for (let t = 0; t < 40; t++) expect(s(t)).toBe(core(t));
  });

  it("warms up to the tanh's value at warmup_t without warmup_prefix (no jump)", () => {
    const s = TanhLRScheduler({ lr: 0.1, t_initial: 20, warmup_t: 5, warmup_lr_init: 1e-3 });
    expectValues(
      s,
      [
        0.001, 0.020797532108480277, 0.040595064216960554, 0.0801901284339211, 0.09998766054240138,
        0.09996646498695336, 0.09820137900379085, 0.0006692850924284844, 0.0, 0.0,
      ],
      [0, 1, 2, 4, 5, 6, 10, 19, 20, 25],
    );
  });

  it("warms up to lr with warmup_prefix, then runs shorter-to-longer cycles with decaying peaks", () => {
    const s = TanhLRScheduler({
      lr: 0.2,
      t_initial: 10,
      lb: -6.0,
      ub: 4.0,
      lr_min: 1e-3,
      cycle_mul: 2.0,
      cycle_decay: 0.5,
      cycle_limit: 2,
      warmup_t: 5,
      warmup_lr_init: 1e-4,
      warmup_prefix: true,
    });
    expectValues(
      s,
      [
        0.0001, 0.08006, 0.16002, 0.19999877730925417, 0.1762786185175986, 0.0014920520081703188,
        0.09999939172671439, 0.09999834655923703, 0.005695161444579114, 0.001, 0.001, 0.001, 0.001,
      ],
      [0, 2, 4, 5, 10, 14, 15, 16, 30, 44, 45, 46, 60],
    );
    expect(s.horizon).toBe(35); // get_cycle_length()
  });

  it("keeps timm's restart rounding: step 242 of t_initial 2, cycle_mul 3 ends cycle 4 (log(243, 3) < 5)", () => {
    // Expected: timm 1.0.29 TanhLRScheduler(SGD(lr=0.1), t_initial=2, cycle_mul=3.0, cycle_limit=6), the
    // group's lr after step(t) for t = 240 ... 243 (torch 2.13.0, CPython 3.11.7). The core restarts
    // at 242; timm's floor(math.log(243, 3)) is 4.
    expectValues(
      TanhLRScheduler({ lr: 0.1, t_initial: 2, cycle_mul: 3.0, cycle_limit: 6 }),
      [0.00031629366318813303, 0.0002796619961284497, 0.0002472623156634768, 0.09999991335388836],
      [240, 241, 242, 243],
    );
  });

  it("rejects bad parameters, naming the function, the parameter and the value", () => {
    expectThrow(
      () => TanhLRScheduler({ lr: 0.1, t_initial: 10, lb: 3, ub: 3 }),
      RangeError,
      "timm.TanhLRScheduler: ub must exceed lb (3), got 3",
    );
    expectThrow(
      () => TanhLRScheduler({ lr: 0.1, t_initial: 10, warmup_lr_init: -0.1 }),
      RangeError,
      "timm.TanhLRScheduler: warmup_lr_init must be a non-negative number, got -0.1",
    );
    expectThrow(
      () => TanhLRScheduler({ lr: 0.1, t_initial: 10, cycle_limit: -1 }),
      RangeError,
      "timm.TanhLRScheduler: cycle_limit must be a non-negative integer, got -1",
    );
  });

  it("survives a JSON round trip and is built by the text syntax", () => {
    const s = TanhLRScheduler({
      lr: 0.2,
      t_initial: 10,
      cycle_mul: 2,
      cycle_limit: 2,
      warmup_t: 5,
      noise_range_t: 8,
    });
    expectRebuilt(
      s,
      "timm.TanhLRScheduler(0.2, 10, cycle_mul=2, cycle_limit=2, warmup_t=5, noise_range_t=8)",
      60,
    );
  });
});
